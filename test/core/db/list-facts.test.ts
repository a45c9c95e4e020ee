/**
 * The list reads each token's row from its compact list_facts column, which keeps the warnings
 * about the token's reach since version 3 of the decoded words. A cache written before that
 * (list_facts with the policies' facts instead) still lists every token with the same warnings
 * until a sync rewrites the column, and that sync does rewrite it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DecodedColumn } from '../../../src/main/core/db/decoded-columns';
import type { Db } from '../../../src/main/core/db/sqlite-file';
import { LIST_SELECT } from '../../../src/main/core/db/token-repository';
import type { TokenRow, TokenWarning } from '../../../src/shared/domain';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

// The simulator's clock stands still: each sync uses the profile's credential, and a moving clock
// would move that token's last use between the lists these tests compare.
const sim = await startTestSimulator({ scenario: 'demo', now: () => new Date('2026-06-01T12:00:00Z') });
afterEach(() => closeAllCores());

/** Rewrites every list_facts column the way Keyflare wrote it before version 3. */
function writeLegacyFacts(db: Db): number {
  const rows = db.prepare('SELECT profile_id, id, decoded FROM tokens').all() as {
    profile_id: string;
    id: string;
    decoded: string;
  }[];
  const update = db.prepare('UPDATE tokens SET list_facts = ? WHERE profile_id = ? AND id = ?');
  for (const row of rows) {
    const decoded = JSON.parse(row.decoded) as DecodedColumn;
    const legacy = {
      summary: decoded.summary,
      requestIp: decoded.requestIp,
      policies: decoded.policies.map((p) => ({
        effect: p.effect,
        groups: p.permissionGroups.map((g) => g.name),
        resources: p.resources.map((r) => [r.kind, r.label]),
      })),
    };
    update.run(JSON.stringify(legacy), row.profile_id, row.id);
  }
  return rows.length;
}

/** Rewrites every list_facts column as version 3 did: the reach warnings as English sentences. */
function writeSentenceFacts(db: Db): number {
  const rows = db.prepare('SELECT profile_id, id, list_facts FROM tokens').all() as {
    profile_id: string;
    id: string;
    list_facts: string;
  }[];
  const update = db.prepare('UPDATE tokens SET list_facts = ? WHERE profile_id = ? AND id = ?');
  let sentences = 0;
  for (const row of rows) {
    const facts = JSON.parse(row.list_facts) as { summary: unknown; reach: TokenWarning[] };
    const reach = facts.reach.map((w) => ({ ...w, message: englishMessage(w.message) }));
    sentences += reach.length;
    update.run(JSON.stringify({ ...facts, reach }), row.profile_id, row.id);
  }
  return sentences;
}

describe('list_facts written by an older Keyflare', () => {
  it('reads the English sentences of version 3 back into the same messages', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const fresh = await call<TokenRow[]>(h.core, 'tokens.list', {});
    const kinds = new Set(fresh.flatMap((row) => row.warnings.map((w) => w.kind)));
    expect([...kinds]).toEqual(expect.arrayContaining(['no_ip_filter', 'can_create_tokens']));

    expect(writeSentenceFacts(h.core.context.db())).toBeGreaterThan(0);
    expect(await call<TokenRow[]>(h.core, 'tokens.list', {})).toEqual(fresh);
  });

  it('lists the same rows and warnings, and the next sync writes the new column', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const fresh = await call<TokenRow[]>(h.core, 'tokens.list', {});
    expect(fresh.some((row) => row.warnings.some((w) => w.kind === 'no_ip_filter'))).toBe(true);

    const db = h.core.context.db();
    expect(writeLegacyFacts(db)).toBe(fresh.length);
    const legacyFacts = (): number =>
      db.prepare(`SELECT count(*) FROM tokens WHERE list_facts NOT LIKE '%"reach"%'`).pluck().get() as number;
    expect(legacyFacts()).toBe(fresh.length);
    expect(await call<TokenRow[]>(h.core, 'tokens.list', {})).toEqual(fresh);

    // The fingerprint of the older words differs, so the sync decodes every token again.
    db.prepare('UPDATE snapshots SET names_fingerprint = ?').run('written-by-version-2');
    await call(h.core, 'sync.start', { profileId: profile.id });
    expect(legacyFacts()).toBe(0);
    expect(await call<TokenRow[]>(h.core, 'tokens.list', {})).toEqual(fresh);
  });
});

describe('the list read', () => {
  it('walks the tokens from the list index alone, in order, never from the table or a sort', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const plan = h.core.context.db().prepare(`EXPLAIN QUERY PLAN ${LIST_SELECT}`).all(profile.id) as {
      detail: string;
    }[];
    const tokens = plan.map((step) => step.detail).filter((detail) => /\bt\b/u.test(detail));
    expect(tokens).toEqual(['SEARCH t USING COVERING INDEX tokens_list (profile_id=?)']);
    expect(plan.some((step) => step.detail.includes('TEMP B-TREE'))).toBe(false);
    expect(await call<TokenRow[]>(h.core, 'tokens.list', { profileId: profile.id })).not.toHaveLength(0);
  });
});
