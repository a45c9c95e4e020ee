/**
 * The closed set of error codes and the result envelope every channel answers with.
 *
 * Errors travel as data (`{ ok: false, error }`) rather than as thrown Error objects because
 * Electron's IPC and contextBridge drop every field of an Error except its message.
 */

export const ERROR_CODES = [
  'AUTH_INVALID',
  'PERMISSION_DENIED',
  'RATE_LIMITED',
  'OFFLINE',
  'TIMEOUT',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'UPSTREAM',
  'UNCERTAIN',
  'CANCELLED',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'CACHE_CORRUPT',
  'CACHE_NEWER',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extra facts about an error the UI can act on; every field is optional and plain data. */
export interface ErrorDetails {
  /** Field paths that failed validation, with a message each. */
  issues?: { path: string; message: string }[];
  /** RATE_LIMITED: ISO time until which Cloudflare blocks calls for this credential. */
  retryAt?: string;
  /** Cloudflare's own error codes and messages, when the API answered. */
  cloudflare?: { code: number; message: string }[];
  /** HTTP status of the failing response, when there was one. */
  status?: number;
  /** UNCERTAIN: the write that may or may not have happened, e.g. "roll". */
  operation?: string;
  /** CACHE_CORRUPT: where the unreadable cache files were moved. */
  movedTo?: string[];
  profileId?: string;
  tokenId?: string;
  accountId?: string;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/**
 * An error that carries a contract error code.
 *
 * Core services throw it; `dispatch` turns it into `{ ok: false, error }`. Anything else that is
 * thrown becomes INTERNAL with a generic message, so no stray text (possibly a secret) leaks out.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Makes an impossible state loud at compile time and at run time. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
