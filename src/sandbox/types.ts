/**
 * Public types of the Cloudflare API simulator.
 *
 * Other engineers code against these names (tests, benchmarks, the demo script), so they are
 * kept in one file and re-exported from index.ts. Field names that mirror the Cloudflare API
 * keep its snake_case; simulator-only fields are camelCase.
 */
import type { Scenario } from './scenario-schema';
import type { SimStateView } from './state-view';

/** How a credential authenticates: a user-owned token, an account-owned token or a Global API Key. */
export type CredentialKind = 'user_token' | 'account_token' | 'global_key';

/** One credential of the loaded scenario, with its secret (test fixtures only). */
export interface DemoCredential {
  /** Stable label from the scenario; the request log shows it instead of the secret. */
  label: string;
  kind: CredentialKind;
  secret: string;
  /** Email of the login; set for global keys (it is the X-Auth-Email value). */
  email?: string;
  /** For account-owned tokens: the owning account. */
  accountId?: string;
  /** The user who holds the credential (for account tokens: the member who created it). */
  userId: string;
  /** Token id for API tokens. */
  tokenId?: string;
  /** The token's name as Cloudflare shows it. */
  name?: string;
  /** What the fixture is for, from the scenario file. */
  note?: string;
}

/** Fixed latency plus uniform jitter in [0, jitterMs], applied to every API request. */
export interface LatencyConfig {
  latencyMs: number;
  jitterMs: number;
}

/** Fixed-window rate limit per credential (Cloudflare: 1200 requests per 5 minutes). */
export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

/** Which requests a fault applies to. Paths are relative to /client/v4. */
export interface FaultMatch {
  /** HTTP method, case-insensitive; any method when absent. */
  method?: string;
  /**
   * Path pattern relative to /client/v4: an OpenAPI template (`/user/tokens/{token_id}`),
   * an express-style one (`/user/tokens/:id`), `*` wildcards (`/accounts/*`), or a RegExp
   * tested against the path. Any path when absent.
   */
  path?: string | RegExp;
  /** Fail the Nth matching request, counted from when the fault was injected (1 = next). */
  nth?: number;
  /** How many consecutive matching requests fail from the Nth on; 'always' = until removed. */
  times?: number | 'always';
  /**
   * 'before' (default): the request is not processed. 'after': the operation runs (a roll
   * really rolls) and only the response is lost or replaced, the uncertainty real networks have.
   * Faults that break the operation's own answer (see AnswerFault) always run it first.
   */
  phase?: 'before' | 'after';
  /**
   * Fire on each request in range with this chance (0..1) instead of always: random faults for
   * soak runs. Draws come from the simulator's `faultSeed`, so a run can be repeated.
   */
  probability?: number;
}

/** Statuses Cloudflare's edge answers with an HTML error page (5xx and its own 52x codes). */
export type EdgeErrorStatus = 500 | 502 | 503 | 504 | 520 | 521 | 522 | 523 | 524;

/**
 * Faults that deliver the operation's own answer, broken: the operation always runs first
 * (whatever `phase` says). The rewrites (no_result, wrong_types, lying_result_info) apply to 2xx
 * answers only; an error answer is sent as it is.
 */
export type AnswerFault =
  /** The headers and half the body, then the connection drops (the body is cut off). */
  | { kind: 'truncated' }
  /** `success: true` with `result: null` ('null') or without a `result` key ('missing'). */
  | { kind: 'no_result'; result: 'null' | 'missing' }
  /**
   * 'list_as_object': a list result becomes an object keyed by index (an object becomes a
   * one-item list); 'numeric_ids': every `id` becomes a number; 'string_result': the result
   * becomes a JSON string of itself.
   */
  | { kind: 'wrong_types'; variant: 'list_as_object' | 'numeric_ids' | 'string_result' }
  /** result_info with these fields replaced (any JSON number: negative, fractional, 1e300). */
  | { kind: 'lying_result_info'; totalCount?: number; totalPages?: number; count?: number }
  /**
   * A valid JSON answer of about `bytes` bytes: padding first, then the real result. Streamed,
   * never buffered; `declareLength` also sends its content-length.
   */
  | { kind: 'oversized'; bytes: number; declareLength?: boolean }
  /** The answer trickled `chunkBytes` (default 1) at a time, one chunk every `intervalMs`. */
  | { kind: 'slow_drip'; intervalMs: number; chunkBytes?: number };

/** What happens to a matching request. */
export type FaultAction =
  | { kind: 'server_error'; status: 500 | 502 | 503 }
  | { kind: 'malformed_json' }
  | { kind: 'reset' }
  | { kind: 'hang'; ms: number }
  /** 429 code 971 as a real block sends it, with this raw `retry-after` value (omitted if absent). */
  | { kind: 'too_many_requests'; retryAfter?: string }
  /** Cloudflare's edge HTML error page (text/html) with this status. */
  | { kind: 'html_error'; status: EdgeErrorStatus }
  | AnswerFault;

export type FaultSpec = FaultMatch & FaultAction;

/** Handle of an injected fault. */
export interface FaultHandle {
  readonly id: string;
  /** How many requests the fault has been applied to. */
  hits(): number;
  /** How many requests matched its method/path so far (applied or not). */
  matched(): number;
  remove(): void;
}

/** One API request as the simulator saw it. Never holds a secret. */
export interface RequestLogEntry {
  seq: number;
  /** ISO time the request arrived. */
  time: string;
  method: string;
  /** Full path, e.g. /client/v4/user/tokens. */
  path: string;
  query: Record<string, string>;
  /** OpenAPI operation, e.g. "GET /user/tokens/{token_id}", when the route is known. */
  operation: string | null;
  /** Credential label (scenario label, or `token:<id>` for tokens created at runtime); 'unknown' for unrecognised secrets, null when none was sent. */
  credential: string | null;
  credentialKind: CredentialKind | null;
  /** Status sent, or null when the connection was reset or the client went away first. */
  status: number | null;
  durationMs: number;
  /** The fault applied to this request, if any. */
  fault: FaultAction['kind'] | 'rate_limited' | null;
  clientIp: string;
}

/** A response or request body that does not match the OpenAPI schema. */
export interface Violation {
  direction: 'request' | 'response';
  /** e.g. "PUT /user/tokens/{token_id}". */
  operation: string;
  method: string;
  path: string;
  status: number | null;
  errors: string[];
  time: string;
}

/** Runtime controls of a running simulator (same powers as the /__sim HTTP routes). */
export interface SimulatorControl {
  setLatency(ms: number, jitterMs?: number): void;
  /** Replaces the limit and forgets every credential's counter. */
  setRateLimit(config: RateLimitConfig): void;
  /** Forgets every credential's counter (unblocks everyone). */
  resetRateLimits(): void;
  injectFault(spec: FaultSpec): FaultHandle;
  clearFaults(): void;
  requestLog(): RequestLogEntry[];
  resetLog(): void;
  /** Apparent client address for request_ip conditions; null restores the socket's address. */
  setClientIp(ip: string | null): void;
}

/** Test-only hooks that break the simulator on purpose. */
export interface SimulatorDebug {
  /** Rewrites the body of the next API response before it is validated and sent. */
  corruptNextResponse(mutate: (body: unknown) => unknown): void;
  /** Forgets recorded schema violations (after a test asserted the ones it expected). */
  clearSchemaViolations(): void;
}

export interface StartSimulatorOptions {
  /** 'demo' (default), 'large', 'small', or a scenario object (validated like the JSON files). */
  scenario?: 'demo' | 'large' | 'small' | Scenario;
  /** 0 (default) picks a free port. */
  port?: number;
  latencyMs?: number;
  jitterMs?: number;
  rateLimit?: RateLimitConfig;
  /** Faults armed from the first request (same as control.injectFault right after start). */
  faults?: FaultSpec[];
  /** Seed of the draws for faults with a `probability` (default: a fixed seed, so runs repeat). */
  faultSeed?: number;
  /** Validate requests and responses against the OpenAPI schema (default true). */
  validate?: boolean;
  /** Clock for issued_on, expiry, not_before and rate-limit windows (default: real time). */
  now?: () => Date;
}

/** What every simulator offers, whatever carries its requests (engine.ts). */
export interface SimulatorCore {
  /** e.g. http://127.0.0.1:PORT/client/v4, or https://sandbox.keyflare.invalid/client/v4 */
  readonly baseUrl: string;
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
  readonly scenarioName: string;
  readonly credentials: DemoCredential[];
  readonly control: SimulatorControl;
  /** Read access to users, accounts, zones and tokens (snapshots; mutate through the API). */
  readonly state: SimStateView;
  readonly debug: SimulatorDebug;
  schemaViolations(): Violation[];
  /** Looks up a scenario credential by label; throws when the label is unknown. */
  credential(label: string): DemoCredential;
  /** Stops for good and releases timers. */
  close(): Promise<void>;
}

/** A simulator served by node:http on 127.0.0.1 (simulator.ts). */
export interface Simulator extends SimulatorCore {
  readonly port: number;
  /** Closes the port and drops open connections (simulates "offline"). State is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same state. */
  restart(): Promise<void>;
}

/** A simulator reached through its own `fetch`, in this process, without a port (in-process.ts). */
export interface InProcessSimulator extends SimulatorCore {
  /** Answers the simulator's origin only; every other URL is refused. */
  readonly fetch: typeof fetch;
}
