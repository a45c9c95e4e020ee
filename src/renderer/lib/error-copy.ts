/**
 * Plain-language copy for every contract error code: what happened and what to do next.
 *
 * The core's message is precise but written for the log; this module turns a code (plus the
 * details the core attached: retry time, moved files, the uncertain operation) into a headline
 * and a next step a person can act on, from the catalogues' `errors.code.<CODE>` entries in the
 * window's language. `ERROR_COPY_CODES` lets a test prove every code has copy.
 */
import type { DataFileEvent } from '../../shared/domain';
import {
  errorNextKey,
  errorTitleKey,
  type AppErrorShape,
  type ErrorCode,
  type ValidationIssue,
} from '../../shared/errors';
import { issueText } from '../../shared/i18n/issue-message';
import type { MessageParams } from '../../shared/i18n';
import { formatClock, formatDateTime } from './format';
import { t } from './i18n';
import { messageSentence } from './message-sentence';

export interface ErrorCopy {
  /** One line: what happened. */
  title: string;
  /** What to do next. */
  next: string;
  /** Extra facts worth showing (validation issues, Cloudflare's own words), possibly empty. */
  facts: string[];
}

export interface ErrorCopyContext {
  now?: Date;
  /** The operation that was being done when the error has none: "roll", "deletion"… */
  action?: string;
}

function withoutTrailingDot(text: string): string {
  return text.replace(/\.\s*$/u, '');
}

/** The core's operation names and the screens' action words, as the catalogue's select values. */
const OPERATIONS: Record<string, string> = {
  roll: 'roll',
  create: 'create',
  update: 'update',
  delete: 'delete',
  deletion: 'delete',
  setStatus: 'status',
  status: 'status',
};

/** The ICU select values the catalogue's per-code sentences choose between. */
function selectors(error: AppErrorShape, ctx: ErrorCopyContext): MessageParams {
  const moved = error.details?.movedTo ?? [];
  return {
    until: formatClock(error.details?.retryAt ?? null, ctx.now ?? new Date()) ?? 'none',
    operation: OPERATIONS[error.details?.operation ?? ctx.action ?? ''] ?? 'other',
    movedTo: moved.length > 0 ? moved.join(', ') : 'none',
    issues: error.details?.issues?.length ? 'listed' : 'none',
  };
}

type CopyBuilder = (error: AppErrorShape, ctx: ErrorCopyContext) => Omit<ErrorCopy, 'facts'>;

/** The catalogue's generic title and next step of the error's code. */
const generic: CopyBuilder = (error, ctx) => {
  const params = selectors(error, ctx);
  return { title: t(errorTitleKey(error.code), params), next: t(errorNextKey(error.code), params) };
};

const COPY: Record<ErrorCode, CopyBuilder> = {
  AUTH_INVALID: generic,
  PERMISSION_DENIED: generic,
  RATE_LIMITED: generic,
  OFFLINE: generic,
  TIMEOUT: generic,
  NOT_FOUND: generic,
  VALIDATION: generic,
  CONFLICT: generic,
  UPSTREAM: generic,
  UNCERTAIN: generic,
  CANCELLED: generic,
  KEYCHAIN_UNAVAILABLE: generic,
  KEYCHAIN_LOCKED: generic,
  CACHE_CORRUPT: generic,
  CACHE_NEWER: generic,
  INTERNAL: (error, ctx) =>
    // A channel not built yet names itself in the core's (English) words until the core sends a key.
    /not available yet/iu.test(error.message)
      ? { title: withoutTrailingDot(error.message), next: t('errors.notBuiltYet') }
      : generic(error, ctx),
};

/** Every code that has copy; a test compares it with ERROR_CODES. */
export const ERROR_COPY_CODES = Object.keys(COPY) as ErrorCode[];

/** The headline, next step and facts for an error. */
export function describeError(error: AppErrorShape, ctx: ErrorCopyContext = {}): ErrorCopy {
  const builder = COPY[error.code] ?? COPY.INTERNAL;
  const base = builder(error, ctx);
  const facts: string[] = [];
  // Without field issues, the core's own sentence is the most precise fact there is.
  if (error.code === 'VALIDATION' && !error.details?.issues?.length && error.message)
    facts.push(withoutTrailingDot(messageText(error)));
  for (const issue of error.details?.issues ?? []) {
    const problem = issueSentence(issue);
    facts.push(
      issue.path === '(input)' ? problem : t('errors.fieldFact', { path: issue.path, message: problem }),
    );
  }
  for (const cf of error.details?.cloudflare ?? [])
    facts.push(t('errors.cloudflareFact', { code: cf.code, message: cf.message }));
  return { ...base, facts };
}

/**
 * A field's problem in the window's language: its message when the core sent one (a draft's,
 * zod's), else its English as it came.
 */
export function issueSentence(issue: ValidationIssue): string {
  return messageSentence(issueText(issue));
}

/** A short, single-line version for toasts and status text. */
export function errorHeadline(error: AppErrorShape, ctx: ErrorCopyContext = {}): string {
  return describeError(error, ctx).title;
}

/**
 * An error's own sentence in the window's language: its key when the core sent one (its dates,
 * such as a rate limit's `retryAt`, in the window's formats), else its English.
 */
export function messageText(error: AppErrorShape): string {
  return error.key === undefined
    ? error.message
    : messageSentence({ key: error.key, params: error.params ?? {} });
}

/** "Showing cached data from 14:02" for the offline badge. */
export function cachedDataLabel(lastSyncAt: string | null, now: Date = new Date()): string {
  return t('shell.cachedData', { when: formatClock(lastSyncAt, now) ?? 'none' });
}

/** The banner for a data file moved aside or refused at start: what happened and what is still true. */
export function dataFileNotice(event: DataFileEvent): { title: string; body: string } {
  if (event.kind === 'newer_schema') {
    return { title: t('shell.dataFile.newerTitle'), body: t('shell.dataFile.newerBody') };
  }
  const params = {
    when: formatDateTime(event.at) ?? event.at,
    movedTo: event.movedTo.length > 0 ? event.movedTo.join(', ') : 'none',
  };
  return event.store === 'profiles'
    ? { title: t('shell.dataFile.profilesTitle'), body: t('shell.dataFile.profilesBody', params) }
    : { title: t('shell.dataFile.cacheTitle'), body: t('shell.dataFile.cacheBody', params) };
}
