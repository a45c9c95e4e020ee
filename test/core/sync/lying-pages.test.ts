/**
 * Sync against list replies that lie: a result_info that contradicts its items or is absurd, pages
 * that disagree, a `result` that is null, missing or of the wrong type. Each is a malformed reply:
 * the sync fails with a clear UPSTREAM error after a bounded number of requests and the previous
 * snapshot stays byte for byte, with no false "deleted" history. A list that merely changed while
 * it was read is read once more.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRun, TokenRow } from '../../../src/shared/domain';
import { DEFAULT_RATE_LIMIT, generateLargeScenario, type FaultSpec } from '../../../src/sandbox';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, dumpProfileRows, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({
  scenario: generateLargeScenario({
    accounts: 2,
    zonesPerAccount: 60,
    userTokens: 50,
    accountTokensPerAccount: 120,
  }),
});
const [firstAccount] = sim.state.accounts();
const login = sim.state.users()[0];
const pages = (n: number): number => Math.max(1, Math.ceil(n / 50));
/** One request per page of every list, plus /user and the user permission groups. */
const MINIMUM = 2 + pages(2) + pages(50) + 2 * (pages(60) + pages(120) + 1);

beforeEach(() => {
  sim.control.clearFaults();
  sim.control.setRateLimit(DEFAULT_RATE_LIMIT);
  sim.control.resetLog();
});
afterEach(() => closeAllCores());

interface Synced {
  h: ReturnType<typeof makeCore>;
  profileId: string;
  before: string;
}

async function synced(): Promise<Synced> {
  const h = makeCore();
  const profile = await addProfile(h.core, sim, 'large-manager');
  const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
  expect(run?.outcome).toBe('ok');
  sim.control.resetLog();
  return { h, profileId: profile.id, before: dumpProfileRows(h.core.context.db(), profile.id) };
}

/** Syncs with the faults armed; expects a malformed-reply failure that changed nothing. */
async function failsAndKeepsSnapshot(faults: FaultSpec[], message: RegExp): Promise<SyncRun> {
  const { h, profileId, before } = await synced();
  for (const fault of faults) sim.control.injectFault(fault);
  const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId });
  // stringMatching: a bare RegExp inside toMatchObject matches any string.
  expect(run).toMatchObject({
    outcome: 'failed',
    error: { code: 'UPSTREAM', message: expect.stringMatching(message) },
  });
  expect(dumpProfileRows(h.core.context.db(), profileId)).toBe(before);
  await expect(call<unknown[]>(h.core, 'tokens.history', { profileId })).resolves.toEqual([]);
  if (!run) throw new Error('no run');
  return run;
}

const userTokenPages = (): number =>
  sim.control.requestLog().filter((e) => e.operation === 'GET /user/tokens').length;

describe('a result_info that cannot be true', () => {
  it('20,000 user tokens (the quota is 50): refused after one request, nothing fetched for it', async () => {
    const run = await failsAndKeepsSnapshot(
      [{ kind: 'lying_result_info', totalCount: 20_000, path: '/user/tokens', times: 'always' }],
      /list user tokens says there are 20,000 items, more than the 50/u,
    );
    expect(userTokenPages()).toBe(1);
    expect(run.requestCount).toBeLessThanOrEqual(MINIMUM);
  });

  it.each([
    ['1e300', { totalCount: 1e300 }],
    ['negative', { totalCount: -5 }],
    ['fractional', { totalCount: 12.5 }],
    ['a count that is not the items held', { count: 7 }],
    ['total_pages that do not fit total_count', { totalPages: 9 }],
  ])('%s: a malformed reply, never INTERNAL', async (_name, lie) => {
    await failsAndKeepsSnapshot(
      [{ kind: 'lying_result_info', ...lie, path: '/user/tokens', times: 'always' }],
      /Cloudflare’s reply to list user tokens (had an impossible result_info|contradicts itself)/u,
    );
    // Read retries are bounded: three attempts at page 1, no other page.
    expect(userTokenPages()).toBe(3);
  });

  it('a total claimed on every page stops at the first short page instead of asking all 400', async () => {
    await failsAndKeepsSnapshot(
      [{ kind: 'lying_result_info', totalCount: 20_000, path: '/zones', times: 'always' }],
      /reply to list zones contradicts itself: result_info says (20000 in all|2 pages for 20000 items)/u,
    );
    const zonePages = sim.control.requestLog().filter((e) => e.operation === 'GET /zones');
    // Page 1 of each account, then what was already in flight when page 2 contradicted the claim.
    expect(zonePages.length).toBeLessThan(40);
  });
});

describe('pages that disagree', () => {
  it('are read once more when the list changed meanwhile, and the sync completes', async () => {
    const { h, profileId } = await synced();
    const path = `/accounts/${firstAccount?.id ?? ''}/tokens`;
    sim.control.injectFault({ kind: 'lying_result_info', totalCount: 170, count: 50, path, times: 1 });
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId });
    expect(run).toMatchObject({ outcome: 'ok' });
    // Page 1 claimed 4 pages: page 4 was asked, then all 3 real pages again.
    expect(run?.requestCount).toBe(MINIMUM + 1 + 3);
    const rows = await call<TokenRow[]>(h.core, 'tokens.list', { profileId });
    const expected = sim.state
      .tokens()
      .filter((t) => t.owner.kind === 'account' || t.owner.userId === login?.id);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((t) => t.id).sort());
    await expect(call<unknown[]>(h.core, 'tokens.history', { profileId })).resolves.toEqual([]);
  });

  it('are malformed when they disagree again on the second reading', async () => {
    const path = `/accounts/${firstAccount?.id ?? ''}/tokens`;
    await failsAndKeepsSnapshot(
      [
        { kind: 'lying_result_info', totalCount: 170, path, nth: 1, times: 1 },
        { kind: 'lying_result_info', totalCount: 170, path, nth: 5, times: 1 },
      ],
      /kept contradicting itself across pages \(page 1 says 170 in all, page \d says 120\), even when read again/u,
    );
  });
});

describe('a result that is not the list', () => {
  it.each(['null', 'missing'] as const)(
    'user tokens with success true and result %s: no token vanishes, no "deleted" history',
    async (result) => {
      await failsAndKeepsSnapshot(
        [{ kind: 'no_result', result, path: '/user/tokens', times: 'always' }],
        new RegExp(`list user tokens said it succeeded but its result was ${result}`, 'u'),
      );
    },
  );

  it('permission groups with a null result are not "no permission groups"', async () => {
    await failsAndKeepsSnapshot(
      [{ kind: 'no_result', result: 'null', path: '/user/tokens/permission_groups', times: 'always' }],
      /list user permission groups said it succeeded but its result was null/u,
    );
  });

  it.each([
    [
      'an object where the list goes',
      'list_as_object',
      '/accounts/{account_id}/tokens',
      /did not hold a list/u,
    ],
    [
      'ids as numbers',
      'numeric_ids',
      '/zones',
      /\(0\.id: Invalid input: expected string, received number\)/u,
    ],
    ['a string result', 'string_result', '/accounts', /did not have the expected shape/u],
  ] as const)('%s', async (_name, variant, path, message) => {
    await failsAndKeepsSnapshot([{ kind: 'wrong_types', variant, path, times: 'always' }], message);
  });
});
