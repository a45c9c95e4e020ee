/**
 * The closed set of error codes and the result envelope every channel answers with.
 *
 * Errors travel as data (`{ ok: false, error }`) rather than as thrown Error objects because
 * Electron's IPC and contextBridge drop every field of an Error except its message.
 *
 * Languages (docs/i18n.md): an error made from a catalogue message carries its `key` and
 * `params`, and its `message` is the English text of that key, so logs stay readable while the
 * window and the command line show it in the user's language. Every code also has a generic
 * title and next step in the catalogues (`errors.code.<CODE>.title|next`).
 */
import { englishText } from './i18n/english-message';
import { msg, type Message, type MessageKey, type MessageParams } from './i18n/message';

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

/**
 * One field that failed validation: its path, its problem in English (logs, `--json`) and, when
 * the problem was made from a catalogue message, its key and params for the faces to word
 * (`issueDetail` in i18n/issue-message.ts).
 */
export interface ValidationIssue {
  path: string;
  message: string;
  key?: MessageKey;
  params?: MessageParams;
}

/** Extra facts about an error the UI can act on; every field is optional and plain data. */
export interface ErrorDetails {
  /** Field paths that failed validation, with a message each. */
  issues?: ValidationIssue[];
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
  /** English, for logs and for a face that has no translation of `key`. */
  message: string;
  /** The catalogue key of `message`, when it was made from one; the faces translate it. */
  key?: MessageKey;
  params?: MessageParams;
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
  readonly key: MessageKey;
  readonly params: MessageParams | undefined;

  /**
   * `message` is a catalogue message, never a sentence: `msg('errors.profiles.gone')`. An English
   * string does not compile, so every error a person reads can be said in their language.
   */
  constructor(code: ErrorCode, message: Message, details?: ErrorDetails) {
    super(englishText(message.key, message.params));
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.key = message.key;
    this.params = message.params;
  }

  /** The error's sentence as a message, e.g. to nest it as the cause of another (`nest('cause', error.text)`). */
  get text(): Message {
    return msg(this.key, this.params);
  }

  toShape(): AppErrorShape {
    return {
      code: this.code,
      message: this.message,
      key: this.key,
      ...(this.params === undefined ? {} : { params: this.params }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/**
 * The sentence of an error that crossed a boundary as data (a reply's error, a sync run's), as a
 * message to nest in another: its key and params, or `fallback` when it carries none.
 */
export function shapeMessage(
  shape: { key?: string | undefined; params?: MessageParams | undefined },
  fallback: Message,
): Message {
  return shape.key === undefined ? fallback : msg(shape.key as MessageKey, shape.params);
}

/** The catalogue key of a code's generic title ("Cloudflare cannot be reached"). */
export function errorTitleKey(code: ErrorCode): MessageKey {
  return `errors.code.${code}.title`;
}

/** The catalogue key of a code's generic next step ("Check your internet connection…"). */
export function errorNextKey(code: ErrorCode): MessageKey {
  return `errors.code.${code}.next`;
}

/** The generic English sentence of a code, for errors made where no better words exist. */
export function genericMessage(code: ErrorCode): string {
  return englishText(errorTitleKey(code), {
    until: 'none',
    operation: 'other',
    movedTo: 'none',
    issues: 'none',
  });
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
