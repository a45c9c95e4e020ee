/**
 * Sync: refreshes each profile's snapshot from Cloudflare, quickly and safely.
 *
 * One sync per profile at a time (a second start joins the running one); all profiles sync
 * concurrently. Requests go through a planner with bounded concurrency (default 8) and the
 * gateway's per-credential rate gate; a 429 makes the sync wait until retry-after (up to
 * `maxRateLimitWaitMs`) while sync.status and a progress event say "rate limited until T".
 * The new snapshot, its history and the refreshed capabilities are written in ONE transaction,
 * so a failed or cancelled sync leaves the previous snapshot exactly as it was. Keyflare's own
 * token writes made while the sync fetched are not undone: the sync notes the write journal's
 * mark before fetching, waits for writes still in flight when its fetch ends, and its commit keeps
 * the rows written after the mark (see tokens/in-flight-writes.ts, db/token-write-journal.ts).
 * `start` resolves when the syncs end, with their runs (errors are in each run, so one profile's
 * failure does not hide another's result); `sync.finished` is emitted for each as well.
 */
import type { SyncProgress, SyncRun, SyncState } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { CloudflareGateway } from '../cloudflare/gateway';
import type { RequestCounter } from '../cloudflare/guarded-fetch';
import type { CoreContext } from '../context';
import { listAccountIds, readStoredListRows } from '../db/lists-repository';
import { findProfile, listProfiles, requireProfile } from '../db/profile-repository';
import { replaceSnapshot, type CacheReadAhead, type ProfileSnapshot } from '../db/snapshot-repository';
import type { StoredToken } from '../db/stored-token';
import { finishRun, lastFinishedRun, lastRun, startRun, type SyncRunError } from '../db/sync-run-repository';
import { cacheVersion, listTokenIds, readStoredTokens, type StoredTokens } from '../db/token-repository';
import { journalMark } from '../db/token-write-journal';
import { planFits, planTokenRows, type TokenRowsPlan } from '../db/token-rows-plan';
import { historyOfPlan } from '../history/history-diff';
import type { ProfileService } from '../profiles/profile-service';
import { tokenSecretPrefix } from '../secrets/secret-store';
import { dropVanishedSecrets } from './vanished-secrets';
import { createInFlightWrites, type InFlightWrites } from '../tokens/in-flight-writes';
import { createSyncPlanner, type PlannedRequest } from './request-planner';
import { refreshCapabilities } from './sync-capabilities';
import { fetchSnapshot, type FetchedSnapshot } from './snapshot-fetcher';

export interface SyncOptions {
  /** Requests in flight per profile. */
  concurrency?: number;
  /** How long a sync waits out a rate-limit block before giving up with RATE_LIMITED. */
  maxRateLimitWaitMs?: number;
  /** Minimum interval between two progress events of one profile (ms). */
  progressIntervalMs?: number;
}

/** What a finished sync did, for tests and the benchmark. */
export interface SyncReport {
  run: SyncRun;
  plan: readonly PlannedRequest[];
  fetchMs: number;
  writeMs: number;
}

export interface SyncService {
  start(profileId?: string): Promise<SyncRun[]>;
  /** As start for one profile, with the plan and timings. */
  syncProfile(profileId: string): Promise<SyncReport>;
  cancel(profileId: string): boolean;
  status(): SyncState[];
  /** Cancels a running sync of the profile and waits for it to stop. */
  stop(profileId: string): Promise<void>;
  /** Told by the gateway when a 429 blocks a profile: pushes a progress event at once. */
  rateLimited(profileId: string): void;
}

export interface SyncDeps {
  gateway: CloudflareGateway;
  profiles: ProfileService;
  options?: SyncOptions;
  /** Test hook: runs inside the snapshot transaction just before it commits. */
  beforeCommit?: (profileId: string) => void;
  /** Keyflare's token writes in flight, shared with the token service (default: none tracked). */
  writes?: InFlightWrites;
}

interface ActiveSync {
  controller: AbortController;
  cancelled: boolean;
  progress: SyncProgress;
  promise: Promise<SyncReport>;
}

function runError(error: AppError): SyncRunError {
  return {
    code: error.code,
    message: error.message,
    ...(error.key === undefined ? {} : { key: error.key, params: error.params ?? {} }),
    ...(error.details?.retryAt ? { retryAt: error.details.retryAt } : {}),
  };
}

function toSnapshot(fetched: FetchedSnapshot): ProfileSnapshot {
  const tokens: StoredToken[] = [...(fetched.userTokens ?? [])];
  for (const a of fetched.accounts) if (a.tokens) tokens.push(...a.tokens);
  const names = new Map(fetched.accounts.map((a) => [a.account.id, a.account.name]));
  return {
    accounts: [],
    zones: fetched.accounts.flatMap((a) =>
      a.zones.map((z) => ({
        ...z,
        accountId: z.accountId ?? a.account.id,
        accountName: z.accountName ?? names.get(z.accountId ?? a.account.id) ?? null,
      })),
    ),
    permissionGroups: [
      ...fetched.userPermissionGroups.map((g) => ({ source: 'user' as const, accountId: null, ...g })),
      ...fetched.accounts.flatMap((a) =>
        a.permissionGroups.map((g) => ({ source: 'account' as const, accountId: a.account.id, ...g })),
      ),
    ],
    tokens,
  };
}

/**
 * A sync's request counter that calls `then` once, when the first `round` requests have left
 * (the counter is advanced as each request goes out; see guarded-fetch.ts).
 */
function firstRoundCounter(round: number, then: () => void): RequestCounter {
  let count = 0;
  return {
    get count() {
      return count;
    },
    set count(value: number) {
      count = value;
      if (count === round) then();
    },
  };
}

export function createSyncService(ctx: CoreContext, deps: SyncDeps): SyncService {
  const concurrency = deps.options?.concurrency ?? 8;
  const maxRateLimitWaitMs = deps.options?.maxRateLimitWaitMs ?? 5 * 60_000 + 5_000;
  const progressIntervalMs = deps.options?.progressIntervalMs ?? 100;
  const active = new Map<string, ActiveSync>();
  const writes = deps.writes ?? createInFlightWrites();

  const cancelledError = (): AppError => new AppError('CANCELLED', msg('errors.sync.cancelled'));

  /**
   * Ids of the profile's tokens whose secret the keychain keeps, asked only when the snapshot
   * brings tokens the cache does not hold (a token an earlier list missed comes back with its
   * flag, and so does every token of a profile re-attached from the keychain). If the
   * keychain cannot answer, the sync still commits and those rows say "no secret" until the
   * secret is adopted again; the inventory matters more than the flag.
   */
  const keptSecretsFor = async (
    profileId: string,
    tokens: readonly StoredToken[],
    cached: StoredTokens | ReadonlySet<string>,
    plan: TokenRowsPlan | null,
  ): Promise<Set<string>> => {
    // The token plan, when made from these tokens and this read of the cache, has the answer.
    const uncached =
      plan && cached instanceof Map && planFits(plan, cached, tokens)
        ? plan.replaced.some((entry) => entry.old === undefined)
        : tokens.some((entry) => !cached.has(entry.id));
    if (!uncached) return new Set();
    const prefix = tokenSecretPrefix(profileId);
    try {
      return new Set((await ctx.secrets.list(prefix)).map((account) => account.slice(prefix.length)));
    } catch (error) {
      ctx.logger.warn('kept secrets not listed for a sync', {
        profileId,
        code: isAppError(error) ? error.code : 'unknown',
      });
      return new Set();
    }
  };

  const emitProgress = (progress: SyncProgress): void => ctx.emit('sync.progress', { ...progress });

  const runSync = async (profileId: string, state: ActiveSync): Promise<SyncReport> => {
    const db = ctx.db();
    const profile = requireProfile(db, profileId);
    // Taken before anything is fetched: a token Keyflare writes from now on is fresher in the cache.
    const mark = journalMark(db);
    const run = startRun(db, profileId, ctx.clock.now().toISOString());
    // The commit compares the fetched tokens and lists with the stored ones. Reading those
    // (thousands of rows) is done once the first round of requests has left, while their replies
    // travel and the thread would wait; the commit takes them if nothing was written to the cache
    // since. Each token page is held sharing the cached texts it repeats (keepTextOnly), and once
    // every token list is in, the token rows' plan is made from that read (token-rows-plan.ts):
    // the commit, after the last reply, then only applies it.
    let early: CacheReadAhead | null = null;
    let plan: TokenRowsPlan | null = null;
    const readEarly = (): void => {
      try {
        const version = cacheVersion(db);
        early = {
          version,
          stored: readStoredTokens(db, profileId),
          lists: readStoredListRows(db, profileId),
        };
      } catch {
        early = null; // the commit reads them itself, and meets the same error there
      }
    };
    const tally = firstRoundCounter(concurrency, () => setImmediate(readEarly));
    let lastEmit = 0;
    const planner = createSyncPlanner({
      concurrency,
      signal: state.controller.signal,
      onProgress: (done, planned) => {
        state.progress = { profileId, done, planned };
        const now = Date.now();
        if (now - lastEmit >= progressIntervalMs || done === planned) {
          lastEmit = now;
          emitProgress(state.progress);
        }
      },
    });
    const started = performance.now();
    let fetchMs = 0;
    let writeMs = 0;
    try {
      const credential = await deps.profiles.credential(profileId);
      const client = deps.gateway.forProfile(profileId, profile.baseUrl, credential);
      const knownAccounts = listAccountIds(db, profileId);
      const fetched = await fetchSnapshot(
        client,
        profile,
        planner,
        { signal: state.controller.signal, rateLimitWaitMs: maxRateLimitWaitMs, tally },
        {
          knownAccountIds: knownAccounts,
          cachedTokens: () => early?.stored ?? null,
          // The commit's token plan is made once the token lists are in, often while the last
          // zone pages travel; in a turn of its own, after each page's keepTextOnly.
          onTokensListed: (tokens) =>
            setImmediate(() => {
              if (early && !state.controller.signal.aborted) plan = planTokenRows(early.stored, tokens);
            }),
        },
      );
      fetchMs = performance.now() - started;
      if (state.controller.signal.aborted) throw cancelledError();
      const snapshot = toSnapshot(fetched);
      await writes.settled(profileId, state.controller.signal);
      // Assigned in callbacks, which the compiler's narrowing does not see. The commit checks its
      // version again under the transaction's lock; this check, like the read it saves, comes
      // before that lock (a token another process drops in between comes back without its
      // secret flag, as when the keychain cannot answer).
      const readAhead = early as CacheReadAhead | null;
      const tokenPlan = plan as TokenRowsPlan | null;
      const keptSecrets = await keptSecretsFor(
        profileId,
        snapshot.tokens,
        readAhead?.version === cacheVersion(db) ? readAhead.stored : listTokenIds(db, profileId),
        tokenPlan,
      );
      if (state.controller.signal.aborted) throw cancelledError();
      const syncedAt = ctx.clock.now().toISOString();
      const capabilities = refreshCapabilities(profile, fetched, syncedAt);
      snapshot.accounts = fetched.accounts.map((a) => {
        const cap = capabilities.accounts.find((c) => c.accountId === a.account.id);
        const tokensAccess = a.tokens === null ? 'none' : cap?.createTokens ? 'write' : 'read';
        return { id: a.account.id, name: a.account.name, type: a.account.type, tokensAccess };
      });
      const writeStart = performance.now();
      const { stored, history } = replaceSnapshot(
        db,
        profileId,
        snapshot,
        { syncedAt, capabilities, email: fetched.user?.email ?? null, userId: fetched.user?.id ?? null },
        (tokenRows) => historyOfPlan(tokenRows, syncedAt),
        {
          readAhead,
          plan: tokenPlan,
          journalMark: mark,
          keptSecrets,
          ...(deps.beforeCommit ? { beforeCommit: () => deps.beforeCommit?.(profileId) } : {}),
        },
      );
      writeMs = performance.now() - writeStart;
      await dropVanishedSecrets(ctx, client, profileId, stored);
      const finished =
        finishRun(db, run.id, {
          endedAt: ctx.clock.now().toISOString(),
          outcome: 'ok',
          requestCount: tally.count,
          error: null,
        }) ?? run;
      ctx.logger.info('sync finished', {
        profileId,
        requests: tally.count,
        tokens: snapshot.tokens.length,
        changes: history.length,
      });
      return { run: finished, plan: planner.nodes, fetchMs, writeMs };
    } catch (raw) {
      // Stop every request still queued or in flight: the snapshot will not be written.
      state.controller.abort();
      const error = state.cancelled
        ? cancelledError()
        : raw instanceof AppError
          ? raw
          : new AppError('INTERNAL', msg('errors.sync.unexpected'));
      if (!(raw instanceof AppError))
        ctx.logger.error('sync failed unexpectedly', {
          profileId,
          errorName: raw instanceof Error ? raw.name : typeof raw,
        });
      const outcome: 'cancelled' | 'failed' = error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      const finished =
        findProfile(db, profileId) === null
          ? {
              ...run,
              outcome,
              endedAt: ctx.clock.now().toISOString(),
              requestCount: tally.count,
              error: runError(error),
            }
          : (finishRun(db, run.id, {
              endedAt: ctx.clock.now().toISOString(),
              outcome,
              requestCount: tally.count,
              error: runError(error),
            }) ?? run);
      ctx.logger.warn('sync did not complete', { profileId, code: error.code, requests: tally.count });
      return { run: finished, plan: planner.nodes, fetchMs, writeMs };
    }
  };

  const syncProfile = (profileId: string): Promise<SyncReport> => {
    const running = active.get(profileId);
    if (running) return running.promise;
    const state: ActiveSync = {
      controller: new AbortController(),
      cancelled: false,
      progress: { profileId, done: 0, planned: 0 },
      promise: Promise.resolve(null as unknown as SyncReport),
    };
    state.promise = runSync(profileId, state).finally(() => {
      active.delete(profileId);
    });
    active.set(profileId, state);
    void state.promise.then(
      (report) => ctx.emit('sync.finished', { profileId, run: report.run }),
      () => undefined,
    );
    return state.promise;
  };

  const rateLimitedUntil = (profileId: string, last: SyncRun | null): string | null => {
    const live = deps.gateway.rateLimitedUntil(profileId);
    if (live) return live.toISOString();
    const retryAt = last?.error?.code === 'RATE_LIMITED' ? last.error.retryAt : undefined;
    return retryAt && Date.parse(retryAt) > ctx.clock.now().getTime() ? retryAt : null;
  };

  return {
    async start(profileId) {
      const ids = profileId
        ? [requireProfile(ctx.db(), profileId).id]
        : listProfiles(ctx.db()).map((p) => p.id);
      const reports = await Promise.all(ids.map((id) => syncProfile(id)));
      return reports.map((r) => r.run);
    },
    syncProfile,
    cancel(profileId) {
      const running = active.get(profileId);
      if (!running) return false;
      running.cancelled = true;
      running.controller.abort();
      return true;
    },
    async stop(profileId) {
      const running = active.get(profileId);
      if (!running) return;
      running.cancelled = true;
      running.controller.abort();
      await running.promise.catch(() => undefined);
    },
    rateLimited(profileId) {
      const running = active.get(profileId);
      if (running) emitProgress(running.progress);
    },
    status() {
      return listProfiles(ctx.db()).map((profile) => {
        const running = active.get(profile.id);
        const last = lastRun(ctx.db(), profile.id);
        const finished = last && last.outcome !== 'running' ? last : lastFinishedRun(ctx.db(), profile.id);
        return {
          profileId: profile.id,
          running: Boolean(running),
          progress: running ? { ...running.progress } : null,
          lastSuccessAt: profile.lastSyncAt,
          lastRun: last,
          offline: finished?.error?.code === 'OFFLINE',
          rateLimitedUntil: rateLimitedUntil(profile.id, finished),
        };
      });
    },
  };
}
