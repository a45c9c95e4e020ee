/**
 * Sync against the simulator over real HTTP and a real SQLite file: correctness, parallel
 * pagination, request count, rate limits, faults, cancellation and history.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../../src/main/core/db/data-files';
import type { SyncRun, SyncStatus, TokenRow } from '../../../src/shared/domain';
import { flattenResources } from '../../../src/shared/policy/resource-keys';
import { generateLargeScenario } from '../../../src/sandbox';
import { DEFAULT_RATE_LIMIT } from '../../../src/sandbox';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, dumpProfileRows, makeCore } from '../support/core-harness';
import { holdingFetch } from '../support/held-fetch';
import { addProfile, call } from '../support/sim-profiles';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { Message } from '../../../src/shared/i18n/message';

const scenario = generateLargeScenario({
  accounts: 3,
  zonesPerAccount: 60,
  userTokens: 50,
  accountTokensPerAccount: 120,
});
const sim = await startTestSimulator({ scenario });
const demo = await startTestSimulator({ scenario: 'demo' });
const login = sim.state.users()[0];

/** The fewest requests a full sync of this scenario needs: one per page of every list. */
const pages = (n: number): number => Math.max(1, Math.ceil(n / 50));
const MINIMUM =
  1 /* /user */ + 1 /* user permission groups */ + pages(3) + pages(50) + 3 * (pages(60) + pages(120) + 1);

beforeEach(() => {
  for (const s of [sim, demo]) {
    s.control.clearFaults();
    s.control.setRateLimit(DEFAULT_RATE_LIMIT);
    s.control.setLatency(0, 0);
    s.control.resetLog();
  }
});
afterEach(() => closeAllCores());

async function freshSyncedProfile(fetchImpl?: typeof fetch): Promise<{
  h: ReturnType<typeof makeCore>;
  profileId: string;
  run: SyncRun;
}> {
  const h = makeCore(fetchImpl ? { fetch: fetchImpl } : {});
  const profile = await addProfile(h.core, sim, 'large-manager');
  sim.control.resetLog();
  const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
  if (!run) throw new Error('no run');
  return { h, profileId: profile.id, run };
}

describe('a full sync', () => {
  it('caches every account, zone, token and policy exactly as Cloudflare has them', async () => {
    const { h, profileId, run } = await freshSyncedProfile();
    expect(run).toMatchObject({ outcome: 'ok', error: null });

    const accounts = await call<{ id: string; name: string; tokensAccess: string }[]>(
      h.core,
      'accounts.list',
      { profileId },
    );
    expect(accounts.map((a) => [a.id, a.name]).sort()).toEqual(
      sim.state
        .accounts()
        .map((a) => [a.id, a.name])
        .sort(),
    );
    expect(accounts.every((a) => a.tokensAccess === 'write')).toBe(true);

    const zones = await call<{ id: string; name: string; accountId: string }[]>(h.core, 'zones.list', {
      profileId,
    });
    expect(zones.map((z) => `${z.id} ${z.name} ${z.accountId}`).sort()).toEqual(
      sim.state
        .zones()
        .map((z) => `${z.id} ${z.name} ${z.account_id}`)
        .sort(),
    );

    const rows = await call<TokenRow[]>(h.core, 'tokens.list', { profileId });
    const expected = sim.state
      .tokens()
      .filter((t) => t.owner.kind === 'account' || t.owner.userId === login?.id);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((t) => t.id).sort());
    for (const token of expected) {
      const row = rows.find((r) => r.id === token.id);
      expect(row).toMatchObject({ name: token.name, status: token.computedStatus, kind: token.owner.kind });
      if (token.owner.kind === 'account') expect(row?.accountId).toBe(token.owner.accountId);
    }

    // Every policy, permission group and resource, compared with the simulator. Cloudflare
    // re-orders policies in replies, so policies are matched by id; within a policy, order is kept.
    const db = h.core.context.db();
    for (const token of expected) {
      const policies = db
        .prepare('SELECT position, policy_id, effect FROM policies WHERE profile_id = ? AND token_id = ?')
        .all(profileId, token.id) as { position: number; policy_id: string; effect: string }[];
      expect(policies.map((p) => `${p.policy_id} ${p.effect}`).sort()).toEqual(
        token.policies.map((p) => `${p.id} ${p.effect}`).sort(),
      );
      for (const policy of token.policies) {
        const position = policies.find((p) => p.policy_id === policy.id)?.position;
        const groups = db
          .prepare(
            'SELECT group_id FROM policy_permission_groups WHERE profile_id = ? AND token_id = ? AND policy_position = ?',
          )
          .all(profileId, token.id, position) as { group_id: string }[];
        expect(groups.map((g) => g.group_id).sort()).toEqual(
          policy.permission_groups.map((g) => g.id).sort(),
        );
        const resources = db
          .prepare(
            'SELECT resource_key, value, parent_key FROM policy_resources WHERE profile_id = ? AND token_id = ? AND policy_position = ?',
          )
          .all(profileId, token.id, position) as {
          resource_key: string;
          value: string;
          parent_key: string | null;
        }[];
        expect(resources.map((r) => `${r.resource_key}=${r.value}<${r.parent_key}`).sort()).toEqual(
          flattenResources(policy.resources)
            .map((r) => `${r.key}=${r.value}<${r.parentKey}`)
            .sort(),
        );
      }
    }
  });

  it('asks page 1 with per_page=50 first, then the other pages in parallel, never an empty extra page', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'large-manager');
    sim.control.setLatency(60, 0);
    sim.control.resetLog();
    await call(h.core, 'sync.start', { profileId: profile.id });
    const log = sim.control.requestLog();
    const accountId = sim.state.accounts()[0]?.id ?? '';
    const tokenPages = log.filter((e) => e.path.endsWith(`/accounts/${accountId}/tokens`));
    expect(tokenPages.map((e) => e.query['page'])).toEqual(['1', '2', '3']);
    expect(tokenPages.every((e) => e.query['per_page'] === '50')).toBe(true);
    const [first, second, third] = tokenPages.map((e) => Date.parse(e.time));
    // Pages 2 and 3 wait for page 1 (60 ms latency) but not for each other.
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(50);
    expect(Math.abs((third ?? 0) - (second ?? 0))).toBeLessThan(40);
    const zonePages = log.filter((e) => e.path.endsWith('/zones') && e.query['account.id'] === accountId);
    expect(zonePages.map((e) => e.query['page'])).toEqual(['1', '2']);
    // Every paged request asks a page that exists: no empty page past the last one.
    for (const entry of log.filter((e) => e.query['page'])) expect(entry.query['per_page']).toBe('50');
    expect(log).toHaveLength(MINIMUM);
  });

  it('sends exactly the minimum number of requests and counts them in the run', async () => {
    const { run } = await freshSyncedProfile();
    const log = sim.control.requestLog();
    expect(log).toHaveLength(MINIMUM);
    expect(run.requestCount).toBe(MINIMUM);
    expect(log.every((e) => e.credential === 'large-manager' && e.status === 200)).toBe(true);
  });

  it('starts the lists of already known accounts at once, and drops an account that is gone', async () => {
    const { h, profileId } = await freshSyncedProfile();
    const db = h.core.context.db();
    // An account the previous snapshot knew but Cloudflare no longer lists for this login.
    db.prepare(
      "INSERT INTO accounts (profile_id, id, name, type, tokens_access, position) VALUES (?, 'feedfeedfeedfeedfeedfeedfeedfeed', 'Gone', NULL, 'write', 99)",
    ).run(profileId);
    sim.control.setLatency(40, 0);
    sim.control.resetLog();
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId });
    expect(run).toMatchObject({ outcome: 'ok' });
    const accounts = await call<{ name: string }[]>(h.core, 'accounts.list', { profileId });
    expect(accounts.map((a) => a.name)).not.toContain('Gone');
    const log = sim.control.requestLog();
    const accountsAnswered = Date.parse(log.find((e) => e.operation === 'GET /accounts')?.time ?? '') + 40;
    const known = sim.state.accounts()[0]?.id ?? '';
    // The known account's first token page went out together with /accounts, not after it.
    const firstTokens = log.find((e) => e.path.endsWith(`/accounts/${known}/tokens`));
    expect(Date.parse(firstTokens?.time ?? '')).toBeLessThan(accountsAnswered);
    // Only the gone account's three first requests are extra.
    expect(log).toHaveLength(MINIMUM + 3);
  });

  it('keeps a restricted credential’s sync going: a 403 on account tokens marks the account "no access"', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, demo, 'alice-account-reader');
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run).toMatchObject({ outcome: 'ok' });
    const accounts = await call<{ name: string; tokensAccess: string }[]>(h.core, 'accounts.list', {
      profileId: profile.id,
    });
    expect(accounts).toEqual([expect.objectContaining({ name: 'Alice Personal', tokensAccess: 'none' })]);
    await expect(call(h.core, 'tokens.list', { profileId: profile.id })).resolves.toEqual([]);
  });
});

describe('a sync that does not finish leaves the previous snapshot byte-for-byte intact', () => {
  it('when a late page fails', async () => {
    const { h, profileId } = await freshSyncedProfile();
    const before = dumpProfileRows(h.core.context.db(), profileId);
    sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      path: '/accounts/{account_id}/tokens',
      nth: 5,
      times: 'always',
    });
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId });
    expect(run).toMatchObject({ outcome: 'failed', error: { code: 'UPSTREAM' } });
    expect(dumpProfileRows(h.core.context.db(), profileId)).toBe(before);
  });

  it('when the write itself fails just before commit', async () => {
    let fail = false;
    const h = makeCore({
      beforeSnapshotCommit: () => {
        if (fail) throw new Error('disk full');
      },
    });
    const profile = await addProfile(h.core, sim, 'large-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const before = dumpProfileRows(h.core.context.db(), profile.id);
    fail = true;
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run).toMatchObject({ outcome: 'failed', error: { code: 'INTERNAL' } });
    expect(dumpProfileRows(h.core.context.db(), profile.id)).toBe(before);
  });

  it('when it is cancelled halfway', async () => {
    // When each request left Keyflare, measured in the core's own fetch: the simulator's arrival
    // times would blur under load whether a request was sent before or after the cancel.
    const sentAt: number[] = [];
    const counting: typeof fetch = (input, init) => {
      sentAt.push(performance.now());
      return fetch(input, init);
    };
    const { h, profileId } = await freshSyncedProfile(counting);
    const before = dumpProfileRows(h.core.context.db(), profileId);
    sim.control.setLatency(100, 0);
    sim.control.resetLog();
    const started = h.core.dispatch('sync.start', { profileId });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const status = await call<SyncStatus[]>(h.core, 'sync.status', {});
    expect(status[0]).toMatchObject({ running: true, progress: { profileId } });
    await expect(h.core.dispatch('sync.cancel', { profileId })).resolves.toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const cancelledAt = performance.now();
    const reply = await started;
    expect(reply).toMatchObject({
      ok: true,
      value: [{ outcome: 'cancelled', error: { code: 'CANCELLED' } }],
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nothing more goes out once cancel has been answered (requests in flight were abandoned).
    expect(sentAt.filter((at) => at > cancelledAt)).toEqual([]);
    expect(sim.control.requestLog().length).toBeLessThan(MINIMUM);
    expect(dumpProfileRows(h.core.context.db(), profileId)).toBe(before);
    expect(h.events.filter((e) => e.event === 'sync.finished').at(-1)).toMatchObject({
      payload: { run: { outcome: 'cancelled' } },
    });
  });
});

describe('read retries', () => {
  it('retries 5xx, resets and malformed bodies on reads and still completes', async () => {
    const { h, profileId } = await freshSyncedProfile();
    sim.control.injectFault({ kind: 'server_error', status: 503, path: '/user/tokens', nth: 1, times: 1 });
    sim.control.injectFault({ kind: 'reset', path: '/accounts', nth: 1, times: 1 });
    sim.control.injectFault({ kind: 'malformed_json', path: '/zones', nth: 2, times: 1 });
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId });
    expect(run).toMatchObject({ outcome: 'ok' });
    expect(run?.requestCount).toBe(MINIMUM + 3);
  });

  it('gives up after a bounded number of attempts with a clear error', async () => {
    const { h, profileId } = await freshSyncedProfile();
    sim.control.resetLog();
    sim.control.injectFault({ kind: 'server_error', status: 502, path: '/accounts', times: 'always' });
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId });
    expect(run).toMatchObject({
      outcome: 'failed',
      error: { code: 'UPSTREAM', message: expect.stringContaining('HTTP 502') },
    });
    expect(sim.control.requestLog().filter((e) => e.path.endsWith('/accounts'))).toHaveLength(3);
  });
});

describe('rate limits', () => {
  it('stays under a low server limit and never triggers a 429', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'large-manager');
    // The simulator counts per credential in fixed windows; the sync needs several windows' worth.
    sim.control.setRateLimit({ limit: 12, windowMs: 1000 });
    sim.control.resetLog();
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run).toMatchObject({ outcome: 'ok' });
    const log = sim.control.requestLog();
    expect(log.filter((e) => e.status === 429)).toEqual([]);
    expect(log).toHaveLength(MINIMUM);
    // No 1-second span holds more than the limit.
    const times = log.map((e) => Date.parse(e.time)).sort((a, b) => a - b);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(12);
  });

  it('on a 429 says "rate limited until T" at once, sends nothing during the block, then continues', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'large-manager');
    sim.control.setLatency(5, 0);
    // Another client of the same credential used up the window: the next calls get 429 + retry-after.
    sim.control.setRateLimit({ limit: 20, windowMs: 2000 });
    const blocker = sim.credential('large-manager');
    for (let i = 0; i < 21; i += 1) {
      await fetch(`${sim.baseUrl}/user/tokens/verify`, {
        headers: { authorization: `Bearer ${blocker.secret}` },
      });
    }
    sim.control.resetLog();
    const started = h.core.dispatch('sync.start', { profileId: profile.id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [status] = await call<SyncStatus[]>(h.core, 'sync.status', {});
    expect(status?.running).toBe(true);
    expect(status?.rateLimitedUntil).toEqual(expect.any(String));
    const until = Date.parse(status?.rateLimitedUntil ?? '');
    expect(until).toBeGreaterThan(Date.now());
    expect(h.events.some((e) => e.event === 'sync.progress')).toBe(true);
    const reply = await started;
    expect(reply).toMatchObject({ ok: true, value: [{ outcome: 'ok' }] });
    const log = sim.control.requestLog();
    const limited = log.filter((e) => e.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    // Only requests already in flight when the first 429 came back can be refused too.
    expect(limited.length).toBeLessThanOrEqual(8);
    const lastLimited = Math.max(...limited.map((e) => Date.parse(e.time)));
    const duringBlock = log.filter(
      (e) => Date.parse(e.time) > lastLimited && Date.parse(e.time) < until - 50,
    );
    expect(duringBlock).toEqual([]);
  });

  it('answers RATE_LIMITED with retryAt when the block is longer than the sync may wait', async () => {
    const h = makeCore({ sync: { maxRateLimitWaitMs: 200 } });
    const profile = await addProfile(h.core, sim, 'large-manager');
    sim.control.setRateLimit({ limit: 2, windowMs: 60_000 });
    const blocker = sim.credential('large-manager');
    for (let i = 0; i < 3; i += 1)
      await fetch(`${sim.baseUrl}/user/tokens/verify`, {
        headers: { authorization: `Bearer ${blocker.secret}` },
      });
    sim.control.resetLog();
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run).toMatchObject({
      outcome: 'failed',
      error: { code: 'RATE_LIMITED', retryAt: expect.any(String) },
    });
    const retryAt = Date.parse(run?.error?.retryAt ?? '');
    expect(retryAt).toBeGreaterThan(Date.now() + 30_000);
    const sentBefore = sim.control.requestLog().length;
    expect(sentBefore).toBeLessThanOrEqual(8);
    const [status] = await call<SyncStatus[]>(h.core, 'sync.status', {});
    expect(Date.parse(status?.rateLimitedUntil ?? '')).toBeGreaterThan(Date.now() + 30_000);
    // A second sync during the block is refused at once, without a request.
    const [again] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(again).toMatchObject({ outcome: 'failed', error: { code: 'RATE_LIMITED' } });
    expect(sim.control.requestLog().length).toBe(sentBefore);
  });
});

describe('history across two syncs', () => {
  /**
   * Syncs the profile (slowly) while another connection deletes one row of `table` after the
   * sync's early read of the cache, and checks the sync went through.
   */
  /** Deletes one row of the profile in `table` through a connection of its own, as another process would. */
  const deleteAsAnotherProcess = (
    dataDir: string,
    table: 'tokens' | 'zones',
    profileId: string,
    id: string,
  ): void => {
    const other = new Database(path.join(dataDir, CACHE_FILE_NAME));
    other.prepare(`DELETE FROM ${table} WHERE profile_id = ? AND id = ?`).run(profileId, id);
    other.close();
  };

  const syncWhileAnotherProcessDeletes = async (
    { core, dataDir }: ReturnType<typeof makeCore>,
    profileId: string,
    table: 'tokens' | 'zones',
    id: string,
  ): Promise<void> => {
    demo.control.setLatency(400, 0);
    const syncing = call<SyncRun[]>(core, 'sync.start', { profileId });
    await new Promise((resolve) => setTimeout(resolve, 200));
    deleteAsAnotherProcess(dataDir, table, profileId, id);
    const [run] = await syncing;
    expect(run?.outcome).toBe('ok');
    expect(run?.requestCount).toBeGreaterThan(8); // so the early read took place
  };

  it('compares with the cache as it is at the commit, written by another process mid-sync or not', async () => {
    // The sync reads the stored tokens early (while its first replies travel); a write to the
    // cache after that read, here another process dropping a token's row, must be seen.
    const h = makeCore();
    const profile = await addProfile(h.core, demo, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const victim = demo.credential('alice-dns-acme').tokenId ?? '';
    await syncWhileAnotherProcessDeletes(h, profile.id, 'tokens', victim);
    const history = await call<{ tokenId: string; kind: string }[]>(h.core, 'tokens.history', {
      profileId: profile.id,
    });
    expect(history.map((e) => [e.tokenId, e.kind])).toEqual([[victim, 'created']]);
    const rows = await call<TokenRow[]>(h.core, 'tokens.list', { profileId: profile.id });
    expect(rows.some((row) => row.id === victim)).toBe(true);
  });

  it('compares lists with the cache as it is at the commit, written by another process mid-sync or not', async () => {
    // The sync reads the stored lists early too; a zone row dropped by another process after that
    // read must be written again, not taken as already stored.
    const h = makeCore();
    const profile = await addProfile(h.core, demo, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const zonesBefore = await call<{ id: string }[]>(h.core, 'zones.list', { profileId: profile.id });
    const victim = zonesBefore[0]?.id ?? '';
    expect(victim).not.toBe('');
    await syncWhileAnotherProcessDeletes(h, profile.id, 'zones', victim);
    const zonesAfter = await call<{ id: string }[]>(h.core, 'zones.list', { profileId: profile.id });
    expect(zonesAfter.map((z) => z.id)).toEqual(zonesBefore.map((z) => z.id));
  });

  it('takes the token plan it made while zones travelled only if nothing was written to the cache since', async () => {
    // The commit's token plan is made once the token lists are in. Here the last zone page is
    // held until another process has dropped a token's row: the plan (made before the drop) says
    // that token's row stays, and the commit must see that it no longer does.
    const held = holdingFetch(demo.baseUrl);
    const h = makeCore({ fetch: held.fetch });
    const profile = await addProfile(h.core, demo, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const victim = demo.credential('alice-dns-acme').tokenId ?? '';
    const zones = held.hold('GET', '/zones');
    const syncing = call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    const zonesReply = await zones;
    // Every other reply is in (the held one is the only request not done), then the plan is made.
    for (;;) {
      const progress = h.core.services.sync.status()[0]?.progress;
      if (progress && progress.planned > 8 && progress.done === progress.planned - 1) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setImmediate(resolve));
    deleteAsAnotherProcess(h.dataDir, 'tokens', profile.id, victim);
    zonesReply.release();
    const [run] = await syncing;
    expect(run?.outcome).toBe('ok');
    const rows = await call<TokenRow[]>(h.core, 'tokens.list', { profileId: profile.id });
    expect(rows.some((row) => row.id === victim)).toBe(true);
  });

  it('records created, modified, status changed, policies changed and deleted', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, demo, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    await expect(call(h.core, 'tokens.history', { profileId: profile.id })).resolves.toEqual([]);

    const manager = demo.credential('alice-manager');
    const api = async (method: string, path: string, body?: unknown): Promise<{ result: { id: string } }> => {
      const response = await fetch(`${demo.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${manager.secret}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { result: { id: string } };
    };
    const groups = demo.state.permissionGroups();
    const zoneRead = groups.find((g) => g.name === 'Zone Read');
    const dnsWrite = groups.find((g) => g.name === 'DNS Write');
    const created = await api('POST', '/user/tokens', {
      name: 'fresh token',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: zoneRead?.id }],
          resources: { 'com.cloudflare.api.account.zone.*': '*' },
        },
      ],
    });
    const tokenOf = (label: string): NonNullable<ReturnType<typeof demo.state.token>> => {
      const token = demo.state.token(demo.credential(label).tokenId ?? '');
      if (!token) throw new Error(`no token ${label}`);
      return token;
    };
    const dns = tokenOf('alice-dns-acme');
    const deny = tokenOf('alice-deny');
    const legacy = tokenOf('alice-legacy');
    const reader = tokenOf('alice-account-reader');
    const body = (t: typeof dns, extra: Record<string, unknown>): Record<string, unknown> => ({
      name: t.name,
      policies: t.policies.map((p) => ({
        effect: p.effect,
        permission_groups: p.permission_groups.map((g) => ({ id: g.id })),
        resources: p.resources,
      })),
      ...extra,
    });
    await api('PUT', `/user/tokens/${dns.id}`, body(dns, { name: 'Edit DNS acme.com (renamed)' }));
    await api('PUT', `/user/tokens/${deny.id}`, body(deny, { status: 'disabled' }));
    await api('PUT', `/user/tokens/${legacy.id}`, {
      ...body(legacy, {}),
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: dnsWrite?.id }],
          resources: { 'com.cloudflare.api.account.zone.*': '*' },
        },
      ],
    });
    await api('DELETE', `/user/tokens/${reader.id}`);

    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run?.outcome).toBe('ok');
    const history = await call<
      { tokenId: string; kind: string; message: Message; source: string; before: unknown; after: unknown }[]
    >(h.core, 'tokens.history', { profileId: profile.id });
    expect(history.map((e) => [e.tokenId, e.kind])).toEqual(
      expect.arrayContaining([
        [created.result.id, 'created'],
        [dns.id, 'modified'],
        [deny.id, 'status_changed'],
        [legacy.id, 'policies_changed'],
        [reader.id, 'deleted'],
      ]),
    );
    expect(history).toHaveLength(5);
    expect(history.every((e) => e.source === 'sync')).toBe(true);
    expect(history.find((e) => e.kind === 'status_changed')?.message).toEqual({
      key: 'history.statusChanged',
      params: { from: 'active', to: 'disabled' },
    });
    const modified = history.find((e) => e.kind === 'modified')?.message ?? { key: '' };
    expect(modified).toMatchObject({ key: 'history.modified', params: { name: 'yes' } });
    expect(englishMessage(modified)).toBe('name "Edit DNS acme.com" -> "Edit DNS acme.com (renamed)"');
    expect(history.find((e) => e.kind === 'deleted')).toMatchObject({
      after: null,
      before: expect.objectContaining({ id: reader.id }),
    });

    // The token detail carries its own history.
    const detail = await call<{ history: { kind: string }[] }>(h.core, 'tokens.get', {
      profileId: profile.id,
      tokenId: deny.id,
    });
    expect(detail.history.map((e) => e.kind)).toEqual(['status_changed']);

    // A third sync with nothing changed adds nothing (re-ordered policies are not a change).
    await call(h.core, 'sync.start', { profileId: profile.id });
    await expect(call<unknown[]>(h.core, 'tokens.history', { profileId: profile.id })).resolves.toHaveLength(
      5,
    );
  });
});

describe('offline', () => {
  it('fails with OFFLINE, keeps the cache, and sync.status says offline with the last success time', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, demo, 'bob-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const before = dumpProfileRows(h.core.context.db(), profile.id);
    const [first] = await call<SyncStatus[]>(h.core, 'sync.status', {});
    await demo.stop();
    const [run] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    await demo.restart();
    expect(run).toMatchObject({
      outcome: 'failed',
      error: { code: 'OFFLINE', message: expect.stringContaining('cannot reach Cloudflare') },
    });
    const [status] = await call<SyncStatus[]>(h.core, 'sync.status', {});
    expect(status).toMatchObject({
      offline: true,
      running: false,
      lastSuccessAt: first?.lastSuccessAt,
      lastRun: { outcome: 'failed' },
    });
    expect(first?.lastSuccessAt).toEqual(expect.any(String));
    expect(dumpProfileRows(h.core.context.db(), profile.id)).toBe(before);
    const [back] = await call<SyncRun[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(back?.outcome).toBe('ok');
    await expect(call<SyncStatus[]>(h.core, 'sync.status', {})).resolves.toMatchObject([{ offline: false }]);
  });
});
