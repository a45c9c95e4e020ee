/**
 * How the command prints a failure: `keyflare: <what went wrong>`, the lines that help (candidates,
 * what to do), in the run's language. A core error says its own sentence when it has a catalogue
 * key; one that has none yet keeps its English sentence, under the code's generic title in the
 * user's language when that is not English. Errors a person can act on get the code's generic
 * next step (errors.code.<CODE>.next), as the window shows it.
 */
import {
  errorNextKey,
  errorTitleKey,
  isErrorCode,
  type AppErrorShape,
  type ErrorCode,
} from '../shared/errors';
import type { MessageKey, MessageParams } from '../shared/i18n';
import { formatMessage } from '../shared/i18n/format-message';
import { textIn, type CliError } from './exit-codes';
import type { CliLanguage } from './locale';
import type { Output } from './output';

/** Codes whose generic next step tells a terminal user something the sentence does not. */
const NEXT_STEP: ReadonlySet<ErrorCode> = new Set([
  'AUTH_INVALID',
  'PERMISSION_DENIED',
  'RATE_LIMITED',
  'OFFLINE',
  'TIMEOUT',
  'UPSTREAM',
  'UNCERTAIN',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'CACHE_CORRUPT',
  'CACHE_NEWER',
]);

/** The core's operation names as the catalogue's select values. */
const OPERATIONS: Readonly<Record<string, string>> = {
  roll: 'roll',
  create: 'create',
  update: 'update',
  delete: 'delete',
  setStatus: 'status',
  status: 'status',
};

/** The select values the generic title and next step choose between. */
function selectors(error: Pick<CoreErrorLike, 'details'>, lang: CliLanguage): MessageParams {
  const moved = error.details?.movedTo ?? [];
  return {
    until: lang.formats.clock(error.details?.retryAt ?? null) ?? 'none',
    operation: OPERATIONS[error.details?.operation ?? ''] ?? 'other',
    movedTo: moved.length > 0 ? moved.join(', ') : 'none',
    issues: error.details?.issues?.length ? 'listed' : 'none',
  };
}

/** A core error as the command reports it; sync runs carry the same fields, the code as text. */
export interface CoreErrorLike {
  code: string;
  message: string;
  key?: MessageKey | undefined;
  params?: MessageParams | undefined;
  details?: AppErrorShape['details'];
}

/**
 * The core error's own sentence in the run's language: its key translated, its dates in the run's formats; without a key yet,
 * English as it came, after the code's generic title when the run speaks another language.
 */
export function coreSentence(lang: CliLanguage, error: CoreErrorLike): string {
  // formatMessage: a time the error carries (a rate limit's `retryAt`) is said in the run's locale.
  if (error.key) return formatMessage(lang.t, { key: error.key, params: error.params ?? {} }, lang.formats);
  if (lang.locale === 'en' || !isErrorCode(error.code)) return error.message;
  return lang.t('cli.error.untranslated', {
    title: lang.t(errorTitleKey(error.code), selectors(error, lang)),
    message: error.message,
  });
}

/** Every line of a failure, in the run's language. */
export function errorLines(lang: CliLanguage, error: CliError): string[] {
  const core = error.core;
  const lines = [`keyflare: ${core ? coreSentence(lang, core) : textIn(lang.t, error.text)}`];
  for (const line of error.lines) lines.push(textIn(lang.t, line));
  if (core && NEXT_STEP.has(core.code)) lines.push(lang.t(errorNextKey(core.code), selectors(core, lang)));
  return lines;
}

export function printError(out: Output, lang: CliLanguage, error: CliError): void {
  for (const line of errorLines(lang, error)) out.error(line);
}
