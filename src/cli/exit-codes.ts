/**
 * Exit codes: what `keyflare` returns, one number per kind of outcome a script can act on.
 *
 * The core's error codes map onto a few documented numbers (README "Exit codes"), so a script
 * can tell "no such token" from "offline" from "the keychain is locked" without parsing text.
 * `exec` returns its command's own code instead; a command killed by a signal gives 128 + the
 * signal's number, as shells do.
 */
import type { AppErrorShape, ErrorCode } from '../shared/errors';
import { englishText } from '../shared/i18n/english-message';
import type { Message, Translate } from '../shared/i18n';

export const EXIT = {
  ok: 0,
  /** The answer is no: `can` denies, `verify` or `doctor` found a token that is not active. */
  no: 1,
  /** Bad arguments or input. */
  usage: 2,
  /** No such token, profile or file. */
  notFound: 3,
  /** A name matches several tokens or profiles, or the change conflicts with the current state. */
  conflict: 4,
  /** Cloudflare refused the credential or the permission. */
  auth: 5,
  /** Offline, timed out, rate limited or Cloudflare failed. */
  network: 6,
  /** The keychain is unavailable or locked. */
  keychain: 7,
  /** The data folder cannot be used (damaged, or written by a newer Keyflare). */
  data: 8,
  /** `exec` refused to run (token disabled, expired or not yet valid; nested exec). */
  refused: 9,
  /** A write may or may not have happened at Cloudflare. */
  uncertain: 10,
  /** Interrupted (Ctrl-C) or cancelled. */
  cancelled: 130,
  /** A bug in Keyflare. */
  internal: 70,
} as const;

const BY_CODE: Record<ErrorCode, number> = {
  AUTH_INVALID: EXIT.auth,
  PERMISSION_DENIED: EXIT.auth,
  RATE_LIMITED: EXIT.network,
  OFFLINE: EXIT.network,
  TIMEOUT: EXIT.network,
  UPSTREAM: EXIT.network,
  NOT_FOUND: EXIT.notFound,
  VALIDATION: EXIT.usage,
  CONFLICT: EXIT.conflict,
  UNCERTAIN: EXIT.uncertain,
  CANCELLED: EXIT.cancelled,
  KEYCHAIN_UNAVAILABLE: EXIT.keychain,
  KEYCHAIN_LOCKED: EXIT.keychain,
  CACHE_CORRUPT: EXIT.data,
  CACHE_NEWER: EXIT.data,
  INTERNAL: EXIT.internal,
};

export function exitCodeFor(code: ErrorCode): number {
  return BY_CODE[code];
}

/**
 * What the command says: a catalogue message, translated when printed, or text with no words of
 * Keyflare's own (names, ids, a path; a core sentence that has no key yet) printed as it is.
 */
export type CliText = Message | string;

/** The text in the user's language. */
export function textIn(t: Translate, text: CliText): string {
  return typeof text === 'string' ? text : t(text.key, text.params);
}

/**
 * A failure the command reports on stderr and exits with; never carries a secret. Its words are
 * catalogue messages the printer translates; `message` is their English text, for logs and tests.
 */
export class CliError extends Error {
  readonly exitCode: number;
  /** What went wrong. */
  readonly text: CliText;
  /** Extra lines after the message: candidates, what to do next. */
  readonly lines: readonly CliText[];
  /** The core's error code, when the core said no. */
  readonly code: ErrorCode | null;
  /** The core's error itself, when the core said no: its details pick the next step's words. */
  readonly core: AppErrorShape | null;

  constructor(
    exitCode: number,
    text: CliText,
    lines: readonly CliText[] = [],
    core: AppErrorShape | null = null,
  ) {
    super();
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.text = text;
    this.lines = lines;
    this.code = core?.code ?? null;
    this.core = core;
    // English on demand: most errors are printed in the user's language and never need it.
    Object.defineProperty(this, 'message', {
      get: () => textIn(englishText, text),
      enumerable: false,
      configurable: true,
    });
  }
}
