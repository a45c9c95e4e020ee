/**
 * Replies whose body is broken — the edge's HTML error page, a body cut off mid-way, 50 MB, a
 * body trickled a byte at a time, a null result, ids of the wrong type — through the core's sync,
 * profiles.add and verify: a clear error per case within the timeout, a bounded number of
 * requests, nothing stored, and the previous snapshot byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { profileSecretAccount } from '../../../src/main/core/secrets/secret-store';
import type { SyncRun } from '../../../src/shared/domain';
import type { FaultSpec } from '../../../src/sandbox';
import { dumpProfileRows } from '../support/core-harness';
import { credentialInput } from '../support/sim-profiles';
import {
  keptToken,
  requests,
  tokenHarness,
  useTokenSuite,
  type HarnessOptions,
} from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

/** A synced profile, then a sync with the faults armed: its run, time taken, and the snapshot check. */
async function syncWith(
  faults: FaultSpec[],
  options: HarnessOptions = {},
): Promise<{ run: SyncRun | undefined; ms: number }> {
  const h = await tokenHarness(sim, secrets, options);
  const before = dumpProfileRows(h.core.context.db(), h.profile.id);
  sim.control.resetLog();
  for (const fault of faults) sim.control.injectFault(fault);
  const started = Date.now();
  const [run] = await h.ok('sync.start', { profileId: h.profile.id });
  const ms = Date.now() - started;
  expect(dumpProfileRows(h.core.context.db(), h.profile.id)).toBe(before);
  await expect(h.ok('tokens.history', { profileId: h.profile.id })).resolves.toEqual([]);
  return { run, ms };
}

const listed = (): number => requests(sim, 'GET', '/user/tokens').length;

/** Waits until the simulator has logged `n` token-list requests (a reply the client gave up on is logged when its socket closes). */
async function listedTimes(n: number): Promise<void> {
  await expect.poll(listed, { timeout: 3000 }).toBe(n);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(listed()).toBe(n);
}

describe('a sync', () => {
  it('meeting the edge’s HTML error page retries, then says which HTTP error it was', async () => {
    const { run } = await syncWith([
      { kind: 'html_error', status: 502, path: '/user/tokens', times: 'always' },
    ]);
    expect(run).toMatchObject({
      outcome: 'failed',
      error: { code: 'UPSTREAM', message: expect.stringContaining('(HTTP 502)') },
    });
    // The run keeps the error's message as data too, so each face words it in its language.
    expect(run?.error?.key).toMatch(/^errors\./u);
    expect(run?.error?.params).toBeDefined();
    expect(listed()).toBe(3);
  });

  it('meeting a body cut off mid-way retries, then says the connection broke off', async () => {
    const { run } = await syncWith([{ kind: 'truncated', path: '/user/tokens', times: 'always' }]);
    expect(run).toMatchObject({
      outcome: 'failed',
      error: { code: 'UPSTREAM', message: expect.stringContaining('broke off in the middle of its reply') },
    });
    expect(listed()).toBe(3);
  });

  it.each([
    ['streamed', false],
    ['with its length declared', true],
  ])(
    'meeting a 50 MB reply (%s) reads no more than 8 MB and does not ask again',
    async (_name, declareLength) => {
      const rss = process.memoryUsage().rss;
      const { run, ms } = await syncWith([
        { kind: 'oversized', bytes: 50 * 1024 * 1024, declareLength, path: '/user/tokens', times: 'always' },
      ]);
      expect(run).toMatchObject({
        outcome: 'failed',
        error: { code: 'UPSTREAM', message: expect.stringContaining('larger than the 8 MB Keyflare reads') },
      });
      await listedTimes(1);
      expect(ms).toBeLessThan(5000);
      // The simulator saw the client hang up before the 50 MB were through.
      expect(requests(sim, 'GET', '/user/tokens')[0]?.status).toBeNull();
      expect(process.memoryUsage().rss - rss).toBeLessThan(40 * 1024 * 1024);
    },
  );

  it(
    'meeting a reply trickled byte by byte gives up at the timeout, not when the trickle ends',
    { timeout: 20_000 },
    async () => {
      const { run, ms } = await syncWith(
        [{ kind: 'slow_drip', intervalMs: 40, chunkBytes: 1, path: '/user/tokens', times: 'always' }],
        { cloudflare: { timeoutMs: 800, backoffBaseMs: 5 } },
      );
      expect(run).toMatchObject({
        outcome: 'failed',
        error: { code: 'TIMEOUT', message: expect.stringContaining('did not finish answering in time') },
      });
      // Three attempts of 0.8 s each, where the trickle alone would take minutes.
      await listedTimes(3);
      expect(ms).toBeLessThan(3 * 800 + 1500);
    },
  );

  it('takes a slow but complete reply that ends within the timeout', async () => {
    const h = await tokenHarness(sim, secrets, { cloudflare: { timeoutMs: 5000, backoffBaseMs: 5 } });
    sim.control.injectFault({ kind: 'slow_drip', intervalMs: 10, chunkBytes: 4000, path: '/user/tokens' });
    const [run] = await h.ok('sync.start', { profileId: h.profile.id });
    expect(run).toMatchObject({ outcome: 'ok' });
    const rows = await h.ok('tokens.list', { profileId: h.profile.id });
    const alice = sim.state.tokens({ userId: sim.credential('alice-manager').userId });
    expect(
      rows
        .filter((row) => row.kind === 'user')
        .map((row) => row.id)
        .sort(),
    ).toEqual(alice.map((token) => token.id).sort());
  });
});

describe('profiles.add', () => {
  it.each([
    ['the edge’s HTML page', { kind: 'html_error', status: 503 } as const, /HTTP 503/u],
    ['a null result', { kind: 'no_result', result: 'null' } as const, /result was null/u],
    [
      'ids as numbers',
      { kind: 'wrong_types', variant: 'numeric_ids' } as const,
      /\(id: Invalid input: expected string/u,
    ],
    ['a body cut off', { kind: 'truncated' } as const, /broke off/u],
  ])('meeting %s at verify says so and keeps nothing', async (_name, fault, message) => {
    const h = await tokenHarness(sim, secrets, { credential: 'bob-manager' });
    const kept = await secrets.list('profile:');
    sim.control.injectFault({ ...fault, path: '/user/tokens/verify', times: 'always' });
    const error = await h.fails('profiles.add', {
      label: 'alice',
      credential: credentialInput(sim.credential('alice-manager')),
      baseUrl: sim.baseUrl,
    });
    expect(error).toMatchObject({ code: 'UPSTREAM', message: expect.stringMatching(message) });
    expect((await h.ok('profiles.list', {})).map((p) => p.label)).toEqual(['bob-manager']);
    await expect(secrets.list('profile:')).resolves.toEqual(kept);
    expect(kept).toContain(profileSecretAccount(h.profile.id));
  });
});

describe('verify', () => {
  it.each([
    ['a null result', { kind: 'no_result', result: 'null' } as const, /result was null/u],
    ['the edge’s HTML page', { kind: 'html_error', status: 520 } as const, /HTTP 520/u],
  ])('meeting %s is a network error, not a verdict on the token', async (_name, fault, message) => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'verify me');
    sim.control.injectFault({ ...fault, path: '/user/tokens/verify', times: 'always' });
    const result = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    expect(result).toMatchObject({
      outcome: 'network_error',
      message: { key: 'verify.networkErrorBecause' },
    });
    expect(englishMessage(result.message)).toMatch(message);
  });

  it('meeting a trickled reply answers within the timeout of each attempt', { timeout: 20_000 }, async () => {
    const h = await tokenHarness(sim, secrets, { cloudflare: { timeoutMs: 700, backoffBaseMs: 5 } });
    const { tokenId } = await keptToken(h, 'slow verify');
    sim.control.injectFault({
      kind: 'slow_drip',
      intervalMs: 50,
      path: '/user/tokens/verify',
      times: 'always',
    });
    const started = Date.now();
    const result = await h.ok('tokens.verify', { profileId: h.profile.id, tokenId });
    expect(result.outcome).toBe('network_error');
    expect(englishMessage(result.message)).toContain('did not finish answering in time');
    expect(Date.now() - started).toBeLessThan(3 * 700 + 1500);
  });
});
