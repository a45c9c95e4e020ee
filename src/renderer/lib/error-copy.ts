/**
 * Plain-language copy for every contract error code: what happened and what to do next.
 *
 * The core's message is precise but written for the log; this module turns a code (plus the
 * details the core attached: retry time, moved files, the uncertain operation) into a headline
 * and a next step a person can act on. `ERROR_COPY_CODES` lets a test prove every code has copy.
 */
import type { DataFileEvent } from '../../shared/domain';
import type { AppErrorShape, ErrorCode } from '../../shared/errors';
import { formatClock, formatDateTime } from './format';

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
  /** Words for the thing that was being done, e.g. "the sync", "the roll". */
  action?: string;
}

function withoutTrailingDot(text: string): string {
  return text.replace(/\.\s*$/u, '');
}

const OPERATION_WORDS: Record<string, string> = {
  roll: 'roll',
  create: 'token creation',
  update: 'edit',
  delete: 'deletion',
  setStatus: 'status change',
  status: 'status change',
};

function operationWords(operation: string | undefined, action: string | undefined): string {
  if (operation !== undefined) return OPERATION_WORDS[operation] ?? operation;
  return action ?? 'change';
}

type CopyBuilder = (error: AppErrorShape, ctx: ErrorCopyContext) => Omit<ErrorCopy, 'facts'>;

const COPY: Record<ErrorCode, CopyBuilder> = {
  AUTH_INVALID: () => ({
    title: 'Cloudflare did not accept this login’s credential',
    next: 'It may have been rolled, deleted or expired. Open the profile and replace the credential.',
  }),
  PERMISSION_DENIED: () => ({
    title: 'This login is not allowed to do that',
    next: 'The credential lacks the permission. Use a profile whose credential can manage API tokens, or grant it in the Cloudflare dashboard.',
  }),
  RATE_LIMITED: (error, ctx) => {
    const until = formatClock(error.details?.retryAt ?? null, ctx.now ?? new Date());
    return {
      title: until
        ? `Cloudflare is rate-limiting this login until ${until}`
        : 'Cloudflare is rate-limiting this login',
      next: 'Cloudflare allows 1,200 requests per 5 minutes per login. Keyflare waits instead of retrying; cached data stays available.',
    };
  },
  OFFLINE: () => ({
    title: 'Cloudflare cannot be reached',
    next: 'Check your internet connection, VPN or proxy. Cached data stays available; try again when you are back online.',
  }),
  TIMEOUT: () => ({
    title: 'Cloudflare took too long to answer',
    next: 'Try again in a moment. If it keeps happening, check cloudflarestatus.com.',
  }),
  NOT_FOUND: () => ({
    title: 'It no longer exists on Cloudflare',
    next: 'It may have been deleted elsewhere. Sync the profile to refresh the list.',
  }),
  VALIDATION: (error) => ({
    title: 'Some details need fixing',
    next: error.details?.issues?.length
      ? 'Correct the fields listed below and try again.'
      : 'Correct the details and try again.',
  }),
  CONFLICT: () => ({
    title: 'Something changed on Cloudflare in the meantime',
    next: 'Sync the profile, check the token and try again.',
  }),
  UPSTREAM: () => ({
    title: 'Cloudflare answered with an error',
    next: 'This is usually temporary: try again in a minute.',
  }),
  UNCERTAIN: (error, ctx) => {
    const what = operationWords(error.details?.operation, ctx.action);
    return {
      title: `The ${what} may have happened: verify to check`,
      next: 'The connection dropped before Cloudflare answered, so Keyflare did not send it again. Verify the token or sync the profile before you retry.',
    };
  },
  CANCELLED: () => ({
    title: 'Cancelled',
    next: 'Nothing was changed; the data from the last sync is still shown.',
  }),
  KEYCHAIN_UNAVAILABLE: () => ({
    title: 'The system keychain is unavailable',
    next: 'Cached tokens stay browsable, but credentials and secrets cannot be used. To fix it, unlock or install a keyring (GNOME Keyring or KWallet on Linux, Keychain Access on macOS), then restart Keyflare.',
  }),
  KEYCHAIN_LOCKED: () => ({
    title: 'The keychain is locked',
    next: 'Unlock your login keychain (the system may show a prompt), then try again.',
  }),
  CACHE_CORRUPT: (error) => {
    const moved = error.details?.movedTo ?? [];
    return {
      title: 'Keyflare’s cache could not be read',
      next:
        moved.length > 0
          ? `It was moved aside to ${moved.join(', ')} and a fresh cache was started. Sync your profiles to rebuild it; the cache never holds secrets.`
          : 'A fresh cache was started. Sync your profiles to rebuild it; the cache never holds secrets.',
    };
  },
  CACHE_NEWER: () => ({
    title: 'This data folder was written by a newer Keyflare',
    next: 'Keyflare will not modify it. Update Keyflare to open it.',
  }),
  INTERNAL: (error) => ({
    title: /not available yet/iu.test(error.message)
      ? withoutTrailingDot(error.message)
      : 'Keyflare hit an unexpected problem',
    next: /not available yet/iu.test(error.message)
      ? 'This part of Keyflare is still being built.'
      : 'Try again. If it keeps happening, the details are in the log in Keyflare’s data folder.',
  }),
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
    facts.push(withoutTrailingDot(error.message));
  for (const issue of error.details?.issues ?? []) {
    facts.push(issue.path === '(input)' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  for (const cf of error.details?.cloudflare ?? []) facts.push(`Cloudflare ${cf.code}: ${cf.message}`);
  return { ...base, facts };
}

/** A short, single-line version for toasts and status text. */
export function errorHeadline(error: AppErrorShape, ctx: ErrorCopyContext = {}): string {
  return describeError(error, ctx).title;
}

/** "Showing cached data from 14:02" for the offline badge. */
export function cachedDataLabel(lastSyncAt: string | null, now: Date = new Date()): string {
  const when = formatClock(lastSyncAt, now);
  return when ? `Showing cached data from ${when}` : 'Showing cached data';
}

/** What happened to an unreadable cache, and what to do, in two sentences. */
/** The banner for a data file moved aside or refused at start: what happened and what is still true. */
export function dataFileNotice(event: DataFileEvent): { title: string; body: string } {
  const when = formatDateTime(event.at) ?? event.at;
  const where = event.movedTo.length > 0 ? ` to ${event.movedTo.join(', ')}` : '';
  if (event.kind === 'newer_schema') {
    return {
      title: 'This data folder was written by a newer Keyflare',
      body: 'Keyflare will not modify it, so nothing can be shown or changed. Update Keyflare to open it.',
    };
  }
  if (event.store === 'profiles') {
    return {
      title: 'Keyflare’s profile list could not be read',
      body:
        `On ${when} Keyflare moved it aside${where} and started a new one. Nothing was deleted from the keychain: ` +
        're-attach the credentials Keyflare kept there as profiles, or forget them.',
    };
  }
  return {
    title: 'Keyflare’s token cache could not be read',
    body:
      `On ${when} Keyflare moved it aside${where} and started a new one. Your profiles, settings and history are ` +
      'intact; sync to download the token list again. The cache never holds secrets.',
  };
}
