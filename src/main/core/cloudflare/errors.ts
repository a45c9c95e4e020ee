/**
 * Cloudflare failures -> contract error codes, with a sentence a person can act on.
 *
 * The SDK throws APIError subclasses (status + Cloudflare's errors[]), APIConnectionError,
 * APIConnectionTimeoutError and APIUserAbortError; our own fetch wrapper may throw an AppError,
 * which the SDK wraps as a connection error's cause. Everything becomes one AppError whose
 * details carry Cloudflare's code/message list and the HTTP status. Raw error text from the SDK is
 * never passed through: it can quote request details.
 *
 * Each sentence is a catalogue message (errors.cloudflare.*, docs/i18n.md): the request being
 * made travels as a nested message (`{request}`), and Cloudflare's own words (English, not ours to
 * translate) as `{said}` inside a sentence of ours, so the faces show it in the user's language.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'cloudflare';
import { AppError, type ErrorCode, type ErrorDetails } from '../../../shared/errors';
import { msg, nest, type Message, type MessageKey } from '../../../shared/i18n/message';
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
  /** The request being made, as its name (errors.request.*): "list the tokens of account Acme". */
  action?: Message;
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
  const codes = messages.map((m) => m.code);
  // `said` and `request` are 'none' when there is nothing to name; the sentences select on it.
  const params = {
    said: joined(messages) || 'none',
    status,
    ...(ctx.action ? nest('request', ctx.action) : { request: 'none' }),
  };
  const error_ = (code: ErrorCode, key: MessageKey): AppError =>
    new AppError(code, msg(key, params), details);

  if (
    status === 401 ||
    (status === 403 && codes.some((code) => INVALID_CREDENTIAL_CODES_403.has(code))) ||
    (status === 400 && codes.some((code) => INVALID_CREDENTIAL_CODES_400.has(code)))
  ) {
    return error_('AUTH_INVALID', 'errors.cloudflare.notAccepted');
  }
  if (status === 403) return error_('PERMISSION_DENIED', 'errors.cloudflare.notAllowed');
  if (status === 404) return error_('NOT_FOUND', 'errors.cloudflare.notFound');
  if (status === 429) {
    const retryAt = parseRetryAfter(error.headers ?? null, ctx.now) ?? new Date(ctx.now.getTime() + 60_000);
    return rateLimited(retryAt, details);
  }
  if (status === 400 || status === 422) return error_('VALIDATION', 'errors.cloudflare.refused');
  if (status === 409) return error_('CONFLICT', 'errors.cloudflare.conflict');
  if (status >= 500) return retryable(error_('UPSTREAM', 'errors.cloudflare.serverError'));
  return error_('UPSTREAM', 'errors.cloudflare.httpStatus');
}

/**
 * RATE_LIMITED until `retryAt` (Cloudflare's block, or the gate's when it holds the login longer).
 * `retryAt` travels as ISO text; the faces say it as a time in the user's locale.
 */
export function rateLimited(retryAt: Date, details: ErrorDetails = {}): AppError {
  const at = retryAt.toISOString();
  return new AppError('RATE_LIMITED', msg('errors.cloudflare.rateLimited', { retryAt: at }), {
    ...details,
    retryAt: at,
  });
}

/** A reply Keyflare refused as malformed, as the UPSTREAM error a person reads. */
export function malformedReply(error: MalformedReplyError): AppError {
  return new AppError('UPSTREAM', msg('errors.reply.notUsed', nest('problem', error.problem)));
}

/** CANCELLED: the person (or a closing window) stopped the call; nothing more was sent. */
export function cancelled(): AppError {
  return new AppError('CANCELLED', msg('errors.cancelled'));
}

/** Maps anything a Cloudflare call threw to an AppError. */
export function toAppError(error: unknown, ctx: MapContext): AppError {
  if (error instanceof AppError) return error;
  const inner = appErrorInCauses(error);
  if (inner) return inner;
  if (error instanceof APIUserAbortError) return cancelled();
  if (error instanceof APIConnectionTimeoutError) {
    return retryable(new AppError('TIMEOUT', msg('errors.cloudflare.timeout')));
  }
  if (error instanceof APIConnectionError) {
    const code = causeCode(error.cause);
    if (code && OFFLINE_CODES.has(code)) return new AppError('OFFLINE', msg('errors.cloudflare.offline'));
    return retryable(new AppError('UPSTREAM', msg('errors.cloudflare.interrupted')));
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
    return retryable(new AppError('UPSTREAM', msg('errors.cloudflare.unreadable')));
  }
  if (error instanceof Error && error.name === 'AbortError') return cancelled();
  return new AppError('INTERNAL', msg('errors.cloudflare.unexpected'));
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
