/**
 * A canary secret used through every core flow never lands on disk outside the keychain: not in
 * the SQLite file, its -wal/-shm, the log, or anything else under the data folder — including
 * after a "crash" (a core that is never closed) — and never comes back through a channel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/shared/errors';
import { createMemoryStore } from '../../../src/main/core/secrets/memory-store';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { credentialInput } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });

afterEach(() => closeAllCores());

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((entry) => path.join(dir, String(entry)))
    .filter((file) => fs.statSync(file).isFile());
}

/** Fails with the file name when any file under `dir` holds any of the needles. */
function expectNoCanary(dir: string, needles: readonly string[]): void {
  const files = filesUnder(dir);
  expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) {
      expect(
        bytes.includes(Buffer.from(needle, 'utf8')),
        `${path.basename(file)} holds ${needle.slice(0, 12)}…`,
      ).toBe(false);
      expect(
        bytes.includes(Buffer.from(needle, 'utf16le')),
        `${path.basename(file)} holds ${needle.slice(0, 12)}… (utf-16)`,
      ).toBe(false);
    }
  }
}

describe('the canary secret', () => {
  it('never reaches the data folder, the log or a reply, through every flow and a crash', async () => {
    const token = sim.credential('alice-manager');
    const key = sim.credential('alice-global-key');
    // The whole secret, and a distinctive middle part (a partial leak is still a leak).
    const needles = [token.secret, token.secret.slice(5, 25), key.secret];
    const replies: Result<unknown>[] = [];
    const secrets = createMemoryStore();
    const first = makeCore({ secrets });
    const dispatch = async (channel: string, input: unknown): Promise<Result<unknown>> => {
      const reply = await first.core.dispatch(channel, input);
      replies.push(reply);
      return reply;
    };

    const added = await dispatch('profiles.add', {
      label: 'Canary',
      credential: credentialInput(token),
      baseUrl: sim.baseUrl,
    });
    if (!added.ok) expect.fail(added.error.message);
    const profileId = (added.value as { id: string }).id;
    const keyProfile = await dispatch('profiles.add', {
      label: 'Canary key',
      credential: credentialInput(key),
      baseUrl: sim.baseUrl,
    });
    expect(keyProfile.ok).toBe(true);
    // A refused credential with the canary inside must not be echoed or logged either.
    await dispatch('profiles.add', {
      label: 'Bad',
      credential: { kind: 'api_token', token: `${token.secret}x` },
      baseUrl: sim.baseUrl,
    });
    await dispatch('sync.start', {});
    await dispatch('profiles.rename', { profileId, label: 'Canary renamed' });
    await dispatch('profiles.replaceCredential', { profileId, credential: credentialInput(token) });
    // A sync that fails halfway (errors are logged) and a sync while offline.
    sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      path: '/accounts/{account_id}/tokens',
      times: 'always',
    });
    await dispatch('sync.start', { profileId });
    sim.control.clearFaults();
    await dispatch('sync.start', { profileId });
    await dispatch('tokens.list', {});
    await dispatch('tokens.get', { profileId, tokenId: token.tokenId });
    await dispatch('sync.status', {});
    await dispatch('app.info', {});

    // Crash: the first core is never closed; a second one opens the same folder meanwhile.
    expectNoCanary(first.dataDir, needles);
    const second = makeCore({ dataDir: first.dataDir, secrets });
    replies.push(await second.core.dispatch('tokens.list', {}));
    replies.push(await second.core.dispatch('sync.start', {}));
    replies.push(await second.core.dispatch('profiles.remove', { profileId }));
    expectNoCanary(first.dataDir, needles);

    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(['AUTH_INVALID']);
    for (const reply of replies)
      for (const needle of needles) expect(JSON.stringify(reply)).not.toContain(needle);
    expect(fs.readFileSync(path.join(first.dataDir, 'logs', 'keyflare.log'), 'utf8')).toContain(
      'profile removed',
    );
  });
});
