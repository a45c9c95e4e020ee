/**
 * The Cloudflare gateway: one SDK client per profile, reads that retry, writes that never do.
 *
 * Every client is built with explicit options only (base URL, placeholder auth, no SDK retries,
 * a timeout, logging off and a logger that drops everything) and the guarded fetch, so nothing in
 * the environment can change the host, the credential, the headers or the log output.
 *
 * Reads (`read`, and the typed list/get/verify methods) retry 5xx, timeouts, resets and
 * unreadable replies with exponential backoff and jitter, honouring retry-after, for a bounded
 * number of attempts. A 429 blocks the credential's gate (for a clamped, escalating time, see
 * rate-gate.ts): a caller that allows waiting (a sync) waits and continues, any other caller gets
 * RATE_LIMITED with retryAt at once; every 429 counts as an attempt, so a server that keeps
 * refusing ends the call. Every typed read takes the raw reply and checks it (wire.ts): the SDK
 * would hand over whatever JSON came, and turns a list's `result: null` into an empty list.
 * Writes (`write`, and create/update/delete/roll) are sent exactly once: a failure after the
 * request may have reached Cloudflare (timeout, reset, 5xx, unreadable reply) becomes UNCERTAIN.
 */
import { createHash, randomUUID } from 'node:crypto';
import Cloudflare from 'cloudflare';
import type { CfTokenBody } from '../../../shared/cloudflare-types';
import type { TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Clock } from '../ports';
import type { ProfileCredential } from '../secrets/credential';
import { isRetryable, toAppError } from './errors';
import { CALL_HEADER, createGuardedFetch, type RequestCounter } from './guarded-fetch';
import { parseRetryAfter } from './rate-headers';
import { RateGate, sleep, type RateBudget } from './rate-gate';
import {
  parseAccounts,
  parseCreatedToken,
  parseEnvelope,
  parsePageInfo,
  parsePermissionGroups,
  parseSecret,
  parseToken,
  parseTokens,
  parseUser,
  parseVerify,
  parseZones,
  type WireAccount,
  type WireEnvelope,
  type WirePermissionGroup,
  type WireToken,
  type WireUser,
  type WireVerify,
  type WireZone,
} from './wire';

/** The SDK's per-request options, as its own methods declare them. */
export type SdkRequestOptions = NonNullable<Parameters<Cloudflare['user']['get']>[0]>;

/** Cloudflare's largest page size for token, account and zone lists. */
export const MAX_PER_PAGE = 50;

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * How long this call may wait for a rate-limit block or the request budget to clear before
   * answering RATE_LIMITED. A sync passes minutes; an interactive call keeps the default (0).
   */
  rateLimitWaitMs?: number;
  /** Counted once per request actually sent for this call (e.g. a sync's run total). */
  tally?: RequestCounter;
}

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  /** Cloudflare's result_info.total_count, or null when the reply did not say. */
  totalCount: number | null;
  /** Cloudflare's result_info.total_pages, or null when the reply did not say. */
  totalPages: number | null;
}

/** A credential for a one-off client: a profile credential or a token secret being verified. */
export type GatewayCredential = ProfileCredential | { kind: 'secret'; token: string };

export interface CloudflareClient {
  /** Requests this client has sent (every attempt counts). */
  requestCount(): number;
  /** Until when Cloudflare blocks this client's credential; null when it does not. */
  rateLimitedUntil(): Date | null;

  /** A read through the SDK, retried on transient failures. `what` names it in errors. */
  read<T>(
    what: string,
    run: (sdk: Cloudflare, request: SdkRequestOptions) => Promise<T>,
    options?: CallOptions,
  ): Promise<T>;
  /** A write through the SDK, sent exactly once (never retried automatically). */
  write<T>(
    operation: string,
    run: (sdk: Cloudflare, request: SdkRequestOptions) => Promise<T>,
    options?: CallOptions,
  ): Promise<T>;

  getUser(options?: CallOptions): Promise<WireUser>;
  listAccounts(page: number, perPage: number, options?: CallOptions): Promise<Page<WireAccount>>;
  listZones(
    accountId: string | null,
    page: number,
    perPage: number,
    options?: CallOptions,
  ): Promise<Page<WireZone>>;
  listUserTokens(page: number, perPage: number, options?: CallOptions): Promise<Page<WireToken>>;
  listAccountTokens(
    accountId: string,
    page: number,
    perPage: number,
    options?: CallOptions,
  ): Promise<Page<WireToken>>;
  getUserToken(tokenId: string, options?: CallOptions): Promise<WireToken>;
  getAccountToken(accountId: string, tokenId: string, options?: CallOptions): Promise<WireToken>;
  listPermissionGroups(owner: TokenOwner, options?: CallOptions): Promise<WirePermissionGroup[]>;
  /** GET /user/tokens/verify with this client's own credential. */
  verifyUserToken(options?: CallOptions): Promise<WireVerify>;
  /** GET /accounts/{id}/tokens/verify with this client's own credential. */
  verifyAccountToken(accountId: string, options?: CallOptions): Promise<WireVerify>;

  createUserToken(body: CfTokenBody, options?: CallOptions): Promise<{ token: WireToken; secret: string }>;
  updateUserToken(tokenId: string, body: CfTokenBody, options?: CallOptions): Promise<WireToken>;
  deleteUserToken(tokenId: string, options?: CallOptions): Promise<{ id: string }>;
  /** Rolls the secret; resolves to the new secret (shown once, never cached). */
  rollUserToken(tokenId: string, options?: CallOptions): Promise<string>;
  createAccountToken(
    accountId: string,
    body: CfTokenBody,
    options?: CallOptions,
  ): Promise<{ token: WireToken; secret: string }>;
  updateAccountToken(
    accountId: string,
    tokenId: string,
    body: CfTokenBody,
    options?: CallOptions,
  ): Promise<WireToken>;
  deleteAccountToken(accountId: string, tokenId: string, options?: CallOptions): Promise<{ id: string }>;
  rollAccountToken(accountId: string, tokenId: string, options?: CallOptions): Promise<string>;
}

export interface GatewayOptions {
  fetch: typeof fetch;
  clock: Clock;
  userAgent?: string;
  /** Per-request timeout (ms), covering the whole reply body too. */
  timeoutMs?: number;
  /** The most bytes read of one reply (default 8 MiB). */
  maxReplyBytes?: number;
  /** Attempts for a read, including the first. */
  maxReadAttempts?: number;
  /** First backoff delay (ms); doubles per attempt, with jitter, capped at 8 s. */
  backoffBaseMs?: number;
  budget?: RateBudget;
  /** Told when a credential gets blocked by a 429. */
  onRateLimited?: (clientKey: string, until: Date) => void;
}

export interface CloudflareGateway {
  /** The client of a profile; reused while the base URL and credential stay the same. */
  forProfile(profileId: string, baseUrl: string, credential: ProfileCredential): CloudflareClient;
  /** A throwaway client (checking a credential before a profile exists, verifying a token secret). */
  forCredential(baseUrl: string, credential: GatewayCredential, key?: string): CloudflareClient;
  /** Requests sent for a profile since start. */
  requestCount(profileId: string): number;
  rateLimitedUntil(profileId: string): Date | null;
  /** Drops a profile's client (after remove or credential replacement). */
  forget(profileId: string): void;
  /**
   * Ends a rate-limit block on the profile's credential (it was removed or replaced), so adding
   * it again is not refused for minutes; the requests already sent still count in the window.
   */
  endRateLimitBlock(profileId: string): void;
}

function fingerprint(baseUrl: string, credential: GatewayCredential): string {
  // In memory only: lets every client of the same credential share one rate gate, whichever way
  // it is held (a profile's token and the same token being checked or verified are one budget).
  const what =
    credential.kind === 'global_key'
      ? `key\0${credential.email}\0${credential.key}`
      : `token\0${credential.token}`;
  return createHash('sha256').update(baseUrl).update('\0').update(what).digest('hex');
}

const dropLogs = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
};

/** A value the SDK puts in its own Authorization header; the guarded fetch replaces every header. */
const SDK_PLACEHOLDER_TOKEN = 'keyflare-sets-auth-in-fetch';

/** The raw reply of an SDK call, read as Cloudflare's envelope (the SDK would not check it). */
async function envelopeOf(pending: { asResponse(): Promise<Response> }, what: string): Promise<WireEnvelope> {
  const response = await pending.asResponse();
  return parseEnvelope(await response.text(), what);
}

function uncertain(operation: string, error: AppError): AppError {
  // TIMEOUT and UPSTREAM (5xx, reset, unreadable reply) can happen after Cloudflare acted.
  if (!['TIMEOUT', 'UPSTREAM'].includes(error.code)) return error;
  return new AppError(
    'UNCERTAIN',
    `Keyflare cannot tell whether Cloudflare carried out "${operation}": ${error.message} Check the result before trying again.`,
    { ...(error.details ?? {}), operation },
  );
}

export function createCloudflareGateway(options: GatewayOptions): CloudflareGateway {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxReadAttempts = Math.max(1, options.maxReadAttempts ?? 3);
  const backoffBaseMs = options.backoffBaseMs ?? 300;
  const userAgent = options.userAgent ?? 'Keyflare';
  const gates = new Map<string, RateGate>();
  const profileClients = new Map<
    string,
    { fingerprint: string; client: CloudflareClient; counter: RequestCounter }
  >();
  /** The credential each profile last used, kept after forget() so its block can still be ended. */
  const profilePrints = new Map<string, string>();
  const profileCounters = new Map<string, RequestCounter>();

  const gateFor = (print: string, key: string): RateGate => {
    let gate = gates.get(print);
    if (!gate) {
      gate = new RateGate({
        clock: options.clock,
        ...(options.budget ? { budget: options.budget } : {}),
        onBlocked: (until) => options.onRateLimited?.(key, until),
      });
      gates.set(print, gate);
    }
    return gate;
  };

  const build = (
    baseUrl: string,
    credential: GatewayCredential,
    key: string,
    counter: RequestCounter,
  ): CloudflareClient => {
    const gate = gateFor(fingerprint(baseUrl, credential), key);
    // Per-call tallies ride along in a private header the guarded fetch strips before sending.
    const tallies = new Map<string, RequestCounter>();
    const guardedFetch = createGuardedFetch({
      baseUrl,
      credential,
      gate,
      counters: [counter],
      fetch: options.fetch,
      userAgent,
      tallies,
      timeoutMs,
      ...(options.maxReplyBytes !== undefined ? { maxReplyBytes: options.maxReplyBytes } : {}),
    });
    const sdk = new Cloudflare({
      baseURL: baseUrl,
      apiToken: SDK_PLACEHOLDER_TOKEN,
      apiKey: null,
      apiEmail: null,
      userServiceKey: null,
      maxRetries: 0,
      timeout: timeoutMs,
      logLevel: 'off',
      logger: dropLogs,
      defaultHeaders: {},
      fetch: guardedFetch,
    });
    return createClient(sdk, gate, counter, tallies);
  };

  const createClient = (
    sdk: Cloudflare,
    gate: RateGate,
    counter: RequestCounter,
    tallies: Map<string, RequestCounter>,
  ): CloudflareClient => {
    const send = async <T>(
      run: (s: Cloudflare, r: SdkRequestOptions) => Promise<T>,
      call: CallOptions | undefined,
    ): Promise<T> => {
      gate.assertWithin(call?.rateLimitWaitMs ?? 0);
      // Wait here, outside the SDK's per-request timeout, so a long block is not mistaken for a timeout.
      await gate.waitUntilOpen(call?.signal ?? null);
      const id = call?.tally ? randomUUID() : null;
      if (id && call?.tally) tallies.set(id, call.tally);
      try {
        return await run(sdk, {
          maxRetries: 0,
          ...(call?.signal ? { signal: call.signal } : {}),
          ...(id ? { headers: { [CALL_HEADER]: id } } : {}),
        });
      } finally {
        if (id) tallies.delete(id);
      }
    };

    /** A 429's error, saying until when the gate (not only the reply) holds this credential. */
    const blocked = (error: AppError): AppError => {
      const until = gate.blockedUntil();
      const said = error.details?.retryAt ? Date.parse(error.details.retryAt) : Number.NaN;
      if (error.code !== 'RATE_LIMITED' || !until || until.getTime() <= (Number.isNaN(said) ? 0 : said))
        return error;
      return new AppError(
        'RATE_LIMITED',
        `Cloudflare is rate limiting this login until ${until.toISOString()}. Keyflare waits instead of retrying.`,
        { ...(error.details ?? {}), retryAt: until.toISOString() },
      );
    };

    const read = async <T>(
      what: string,
      run: (s: Cloudflare, r: SdkRequestOptions) => Promise<T>,
      call?: CallOptions,
    ): Promise<T> => {
      let attempt = 0;
      for (;;) {
        attempt += 1;
        try {
          return await send(run, call);
        } catch (raw) {
          const error = blocked(toAppError(raw, { now: options.clock.now(), action: what }));
          if (call?.signal?.aborted) throw new AppError('CANCELLED', 'Cancelled.');
          if (error.code === 'RATE_LIMITED') {
            // Every 429 is an attempt: a server that keeps refusing ends the call, whatever its
            // retry-after says. A block the caller may wait out holds the next send in the gate.
            if (attempt >= maxReadAttempts || gate.waitNeeded() > (call?.rateLimitWaitMs ?? 0)) throw error;
            continue;
          }
          if (!isRetryable(error) || attempt >= maxReadAttempts) throw error;
          const hinted = parseRetryAfter(
            (raw as { headers?: Headers }).headers ?? null,
            options.clock.now(),
            false,
          );
          const backoff = Math.min(8000, backoffBaseMs * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.25);
          // A server-given retry-after is honoured, within reason: a read is not held for minutes.
          const delay = hinted
            ? Math.min(30_000, Math.max(0, hinted.getTime() - options.clock.now().getTime()))
            : backoff;
          await sleep(delay, call?.signal ?? null);
        }
      }
    };

    const write = async <T>(
      operation: string,
      run: (s: Cloudflare, r: SdkRequestOptions) => Promise<T>,
      call?: CallOptions,
    ): Promise<T> => {
      try {
        return await send(run, call);
      } catch (raw) {
        throw uncertain(operation, blocked(toAppError(raw, { now: options.clock.now(), action: operation })));
      }
    };

    const listPage = async <T>(
      what: string,
      page: number,
      perPage: number,
      fetchPage: (r: SdkRequestOptions) => { asResponse(): Promise<Response> },
      parse: (items: unknown, what: string) => T[],
      call?: CallOptions,
    ): Promise<Page<T>> =>
      read(
        what,
        async (_s, r) => {
          const reply = await envelopeOf(fetchPage(r), what);
          const items = parse(reply.result, what);
          const info = parsePageInfo(reply.resultInfo, page, perPage, items.length, what);
          return { items, page, perPage, totalCount: info.totalCount, totalPages: info.totalPages };
        },
        call,
      );

    const body = (value: CfTokenBody): never => value as never;

    return {
      requestCount: () => counter.count,
      rateLimitedUntil: () => gate.blockedUntil(),
      read,
      write,
      getUser: (call) =>
        read(
          'read the user',
          async (s, r) => parseUser((await envelopeOf(s.user.get(r), 'read the user')).result),
          call,
        ),
      listAccounts: (page, perPage, call) =>
        listPage(
          'list accounts',
          page,
          perPage,
          (r) => sdk.accounts.list({ page, per_page: perPage }, r),
          parseAccounts,
          call,
        ),
      listZones: (accountId, page, perPage, call) =>
        listPage(
          'list zones',
          page,
          perPage,
          (r) =>
            sdk.zones.list(
              { ...(accountId ? { account: { id: accountId } } : {}), page, per_page: perPage },
              r,
            ),
          parseZones,
          call,
        ),
      listUserTokens: (page, perPage, call) =>
        listPage(
          'list user tokens',
          page,
          perPage,
          (r) => sdk.user.tokens.list({ page, per_page: perPage, include_expired: true }, r),
          parseTokens,
          call,
        ),
      listAccountTokens: (accountId, page, perPage, call) =>
        listPage(
          'list account tokens',
          page,
          perPage,
          (r) =>
            sdk.accounts.tokens.list(
              { account_id: accountId, page, per_page: perPage, include_expired: true },
              r,
            ),
          parseTokens,
          call,
        ),
      getUserToken: (tokenId, call) =>
        read(
          'read a user token',
          async (s, r) =>
            parseToken((await envelopeOf(s.user.tokens.get(tokenId, r), 'read a user token')).result),
          call,
        ),
      getAccountToken: (accountId, tokenId, call) =>
        read(
          'read an account token',
          async (s, r) =>
            parseToken(
              (
                await envelopeOf(
                  s.accounts.tokens.get(tokenId, { account_id: accountId }, r),
                  'read an account token',
                )
              ).result,
            ),
          call,
        ),
      listPermissionGroups: (owner, call) =>
        owner.kind === 'user'
          ? read(
              'list user permission groups',
              async (s, r) =>
                parsePermissionGroups(
                  (
                    await envelopeOf(
                      s.user.tokens.permissionGroups.list({}, r),
                      'list user permission groups',
                    )
                  ).result,
                  'list user permission groups',
                ),
              call,
            )
          : read(
              'list account permission groups',
              async (s, r) =>
                parsePermissionGroups(
                  (
                    await envelopeOf(
                      s.accounts.tokens.permissionGroups.list({ account_id: owner.accountId }, r),
                      'list account permission groups',
                    )
                  ).result,
                  'list account permission groups',
                ),
              call,
            ),
      verifyUserToken: (call) =>
        read(
          'verify a token',
          async (s, r) =>
            parseVerify(
              (await envelopeOf(s.user.tokens.verify(r), 'verify a token')).result,
              'verify a token',
            ),
          call,
        ),
      verifyAccountToken: (accountId, call) =>
        read(
          'verify an account token',
          async (s, r) =>
            parseVerify(
              (
                await envelopeOf(
                  s.accounts.tokens.verify({ account_id: accountId }, r),
                  'verify an account token',
                )
              ).result,
              'verify an account token',
            ),
          call,
        ),
      createUserToken: (value, call) =>
        write(
          'create',
          async (s, r) => parseCreatedToken(await s.user.tokens.create(body(value), r), 'create a token'),
          call,
        ),
      updateUserToken: (tokenId, value, call) =>
        write(
          'update',
          async (s, r) => parseToken(await s.user.tokens.update(tokenId, body(value), r), 'update a token'),
          call,
        ),
      deleteUserToken: (tokenId, call) =>
        write(
          'delete',
          async (s, r) => {
            const result = (await s.user.tokens.delete(tokenId, r)) as { id?: unknown } | null;
            return { id: typeof result?.id === 'string' ? result.id : tokenId };
          },
          call,
        ),
      rollUserToken: (tokenId, call) =>
        write(
          'roll',
          async (s, r) =>
            parseSecret(await s.user.tokens.value.update(tokenId, { ...r, body: {} }), 'roll a token'),
          call,
        ),
      createAccountToken: (accountId, value, call) =>
        write(
          'create',
          async (s, r) =>
            parseCreatedToken(
              await s.accounts.tokens.create({ account_id: accountId, ...(value as object) } as never, r),
              'create a token',
            ),
          call,
        ),
      updateAccountToken: (accountId, tokenId, value, call) =>
        write(
          'update',
          async (s, r) =>
            parseToken(
              await s.accounts.tokens.update(
                tokenId,
                { account_id: accountId, ...(value as object) } as never,
                r,
              ),
              'update a token',
            ),
          call,
        ),
      deleteAccountToken: (accountId, tokenId, call) =>
        write(
          'delete',
          async (s, r) => {
            const result = (await s.accounts.tokens.delete(tokenId, { account_id: accountId }, r)) as {
              id?: unknown;
            } | null;
            return { id: typeof result?.id === 'string' ? result.id : tokenId };
          },
          call,
        ),
      rollAccountToken: (accountId, tokenId, call) =>
        write(
          'roll',
          async (s, r) =>
            parseSecret(
              await s.accounts.tokens.value.update(tokenId, { account_id: accountId }, { ...r, body: {} }),
              'roll a token',
            ),
          call,
        ),
    };
  };

  return {
    forProfile(profileId, baseUrl, credential) {
      // The kind is part of the client (verify endpoints differ), not of the rate budget.
      const print = `${credential.kind}\0${fingerprint(baseUrl, credential)}`;
      const existing = profileClients.get(profileId);
      if (existing && existing.fingerprint === print) return existing.client;
      let counter = profileCounters.get(profileId);
      if (!counter) {
        counter = { count: 0 };
        profileCounters.set(profileId, counter);
      }
      const client = build(baseUrl, credential, profileId, counter);
      profileClients.set(profileId, { fingerprint: print, client, counter });
      profilePrints.set(profileId, fingerprint(baseUrl, credential));
      return client;
    },
    forCredential(baseUrl, credential, key) {
      return build(baseUrl, credential, key ?? `adhoc:${randomUUID()}`, { count: 0 });
    },
    requestCount: (profileId) => profileCounters.get(profileId)?.count ?? 0,
    rateLimitedUntil: (profileId) => profileClients.get(profileId)?.client.rateLimitedUntil() ?? null,
    forget(profileId) {
      profileClients.delete(profileId);
    },
    endRateLimitBlock(profileId) {
      const print = profilePrints.get(profileId);
      if (print) gates.get(print)?.endBlock();
    },
  };
}
