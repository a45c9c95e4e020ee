/**
 * Cloudflare failures -> contract error codes, with a sentence a person can act on.
 *
 * The SDK throws APIError subclasses (status + Cloudflare's errors[]), APIConnectionError,
 * APIConnectionTimeoutError and APIUserAbortError; our own fetch wrapper may throw an AppError,
 * which the SDK wraps as a connection error's cause. Everything becomes one AppError whose
 * details carry Cloudflare's code/message list and the HTTP status. Raw error text from the SDK is
 * never passed through: it can quote request details.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'cloudflare';
import { AppError, type ErrorDetails } from '../../../shared/errors';
import { MalformedReplyError } from './wire';
import { parseRetryAfter } from './rate-headers';

/**
 * Codes on a 403 that mean "this credential does not authenticate" rather than "valid, but not
 * allowed" (9109): 1000 invalid API token, 10000 authentication error, 9103 unknown
 * X-Auth-Key/Email, 9106/9107 missing credential headers.
 */
const INVALID_CREDENTIAL_CODES_403 = new Set([1000, 10000, 9103, 9106, 9107]);

/** Codes on a 400 that mean the credential headers themselves are malformed or missing. */
const INVALID_CREDENTIAL_CODES_400 = new Set([6003, 6102, 6103, 6111, 9106]);

const OFFLINE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT',
]);

export interface CloudflareMessage {
  code: number;
  message: string;
}

/** One property of a value whose shape nobody promised (an SDK error, a reply's errors[] item). */
function propertyOf(value: unknown, name: 'code' | 'message' | 'cause'): unknown {
  return typeof value === 'object' && value !== null && name in value ? Reflect.get(value, name) : undefined;
}

function cloudflareMessages(error: ApiFailure): CloudflareMessage[] {
  const list: unknown[] = Array.isArray(error.errors) ? error.errors : [];
  return list
    .map((item) => {
      const code = propertyOf(item, 'code');
      const message = propertyOf(item, 'message');
      return {
        code: typeof code === 'number' ? code : Number(code ?? 0) || 0,
        message: typeof message === 'string' ? message.slice(0, 300) : '',
      };
    })
    .slice(0, 10);
}

/** Walks an error's cause chain for a Node system error code (ECONNREFUSED, ...). */
function causeCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    const code = propertyOf(current, 'code');
    if (typeof code === 'string') return code;
    current = propertyOf(current, 'cause');
  }
  return null;
}

function appErrorInCauses(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    if (current instanceof AppError) return current;
    current = propertyOf(current, 'cause');
  }
  return null;
}

function joined(messages: CloudflareMessage[]): string {
  return messages
    .map((m) => m.message)
    .filter(Boolean)
    .join('; ');
}

/** Marks errors worth retrying on a read (never on a write). */
export const RETRYABLE = Symbol('keyflare.retryable');

export function retryable(error: AppError): AppError {
  Object.defineProperty(error, RETRYABLE, { value: true });
  return error;
}

export function isRetryable(error: AppError): boolean {
  return RETRYABLE in error && error[RETRYABLE] === true;
}

export interface MapContext {
  now: Date;
  /** What was being done, in plain words: "list the tokens of account Acme". */
  action?: string;
}

/** The parts of the SDK's APIError the mapping reads. */
export interface ApiFailure {
  status: number | undefined;
  errors: unknown;
  headers: Headers | undefined;
}

export function mapApiError(error: ApiFailure, ctx: MapContext): AppError {
  const messages = cloudflareMessages(error);
  const status = error.status ?? 0;
  const details: ErrorDetails = { status, cloudflare: messages };
  const said = joined(messages);
  const suffix = said ? ` Cloudflare said: ${said}` : '';
  const codes = messages.map((m) => m.code);
  const action = ctx.action ? ` (${ctx.action})` : '';

  if (
    status === 401 ||
    (status === 403 && codes.some((code) => INVALID_CREDENTIAL_CODES_403.has(code))) ||
    (status === 400 && codes.some((code) => INVALID_CREDENTIAL_CODES_400.has(code)))
  ) {
    return new AppError(
      'AUTH_INVALID',
      `Cloudflare did not accept this credential: it is wrong, expired, disabled or was deleted.${suffix}`,
      details,
    );
  }
  if (status === 403) {
    return new AppError(
      'PERMISSION_DENIED',
      `The credential is valid but is not allowed to do this${action}. Give it the missing permission in the Cloudflare dashboard.${suffix}`,
      details,
    );
  }
  if (status === 404)
    return new AppError(
      'NOT_FOUND',
      `Cloudflare does not know this item${action}; it may have been deleted.${suffix}`,
      details,
    );
  if (status === 429) {
    const retryAt = parseRetryAfter(error.headers ?? null, ctx.now) ?? new Date(ctx.now.getTime() + 60_000);
    return new AppError(
      'RATE_LIMITED',
      `Cloudflare is rate limiting this login until ${retryAt.toISOString()}. Keyflare waits instead of retrying.`,
      { ...details, retryAt: retryAt.toISOString() },
    );
  }
  if (status === 400 || status === 422) {
    return new AppError(
      'VALIDATION',
      said ? `Cloudflare refused the request: ${said}` : 'Cloudflare refused the request as invalid.',
      details,
    );
  }
  if (status === 409)
    return new AppError('CONFLICT', `Cloudflare reported a conflict${action}.${suffix}`, details);
  if (status >= 500) {
    return retryable(
      new AppError(
        'UPSTREAM',
        `Cloudflare had a problem answering (HTTP ${status})${action}. Try again in a moment.${suffix}`,
        details,
      ),
    );
  }
  return new AppError('UPSTREAM', `Cloudflare answered with HTTP ${status}${action}.${suffix}`, details);
}

/** A reply Keyflare refused as malformed, as the UPSTREAM error a person reads. */
export function malformedReply(error: MalformedReplyError): AppError {
  return new AppError('UPSTREAM', `${error.message} Keyflare did not use it. Try again in a moment.`);
}

/** Maps anything a Cloudflare call threw to an AppError. */
export function toAppError(error: unknown, ctx: MapContext): AppError {
  if (error instanceof AppError) return error;
  const inner = appErrorInCauses(error);
  if (inner) return inner;
  if (error instanceof APIUserAbortError) return new AppError('CANCELLED', 'Cancelled.');
  if (error instanceof APIConnectionTimeoutError) {
    return retryable(
      new AppError('TIMEOUT', 'Cloudflare did not answer in time. Check your connection and try again.'),
    );
  }
  if (error instanceof APIConnectionError) {
    const code = causeCode(error.cause);
    if (code && OFFLINE_CODES.has(code)) {
      return new AppError(
        'OFFLINE',
        'Keyflare cannot reach Cloudflare. Check your internet connection; cached data is still shown.',
      );
    }
    return retryable(
      new AppError('UPSTREAM', 'The connection to Cloudflare was interrupted. Try again in a moment.'),
    );
  }
  if (error instanceof APIError) {
    const failure: ApiFailure = {
      status: typeof error.status === 'number' ? error.status : undefined,
      errors: error.errors,
      headers: error.headers instanceof Headers ? error.headers : undefined,
    };
    return mapApiError(failure, ctx);
  }
  if (error instanceof MalformedReplyError) {
    // A garbled reply may be a passing fault of a proxy or the edge: worth another try on a read.
    return retryable(malformedReply(error));
  }
  if (error instanceof SyntaxError) {
    return retryable(
      new AppError('UPSTREAM', 'Cloudflare sent a reply Keyflare could not read. Try again in a moment.'),
    );
  }
  if (error instanceof Error && error.name === 'AbortError') return new AppError('CANCELLED', 'Cancelled.');
  return new AppError('INTERNAL', 'Keyflare hit an unexpected problem while talking to Cloudflare.');
}

/**
 * Runs a read the caller can live without: a 403 or 404 (the credential may not see it) answers
 * null; every other failure still throws.
 */
export async function nullWhenDenied<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'PERMISSION_DENIED' || error.code === 'NOT_FOUND'))
      return null;
    throw error;
  }
}
