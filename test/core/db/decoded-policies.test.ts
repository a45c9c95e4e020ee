/**
 * A cached decoded column from before version 5 holds each policy's summary as English text
 * only: the detail still answers (its reply schema needs a message), showing that English line
 * as it is until a sync decodes the token again, with the summary as a message.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenDetail } from '../../../src/shared/domain';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
afterEach(() => closeAllCores());

describe('a decoded column written before policy summaries were messages', () => {
  it('reads back its English line until the next sync words it again', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const tokenId = sim.credential('alice-dns-acme').tokenId ?? '';
    const db = h.core.context.db();
    const decoded = db
      .prepare('SELECT decoded FROM tokens WHERE profile_id = ? AND id = ?')
      .pluck()
      .get(profile.id, tokenId) as string;
    const old = JSON.parse(decoded) as { policies: Record<string, unknown>[] };
    for (const policy of old.policies) delete policy['summaryMessage'];
    db.prepare('UPDATE tokens SET decoded = ? WHERE profile_id = ? AND id = ?').run(
      JSON.stringify(old),
      profile.id,
      tokenId,
    );

    const before = await call<TokenDetail>(h.core, 'tokens.get', { profileId: profile.id, tokenId });
    expect(before.policies[0]?.summaryMessage).toEqual({
      key: 'outcomes.policy.rawWords',
      params: { words: before.policies[0]?.summary },
    });

    // A fingerprint from an older Keyflare (another DECODED_WORDS_VERSION): the sync decodes every token again.
    db.prepare("UPDATE snapshots SET names_fingerprint = 'older'").run();
    await call(h.core, 'sync.start', { profileId: profile.id });
    const after = await call<TokenDetail>(h.core, 'tokens.get', { profileId: profile.id, tokenId });
    expect(after.policies[0]?.summaryMessage).toMatchObject({ key: 'outcomes.policy.summary' });
  });
});
