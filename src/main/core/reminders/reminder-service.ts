/**
 * Reminders: a desktop notification when a token crosses a threshold, because Cloudflare sends
 * none and a team otherwise learns of an expired token when CI breaks.
 *
 * - Thresholds: expires within N days (the health setting), has expired, rotation due. They are
 *   the Health view's problems of those kinds, so a snoozed or ignored one stays quiet.
 * - At most once per token and threshold: the crossing is named by its subject (the expiry date,
 *   or the roll the rotation counts from) and kept in the profile store, so a restart shows
 *   nothing twice, and a token given a new expiry that comes close again reminds again.
 * - Batched: more than three tokens crossing the same threshold in one check make one
 *   notification ("5 tokens expire within 14 days") instead of five.
 * - Words: in the user's language (Settings → Language, or the OS's), `notifications.reminder.*`
 *   with the problem's own parameters, its dates in that language's formats.
 * - When: `start()` checks at once (what crossed while Keyflare was closed is shown then, once),
 *   then every day while Keyflare runs, and after every sync. A core that was never started
 *   (tests of other parts, the e2e bridge, the command line) notifies nobody.
 * - The badge on the app's icon counts the tokens that need care for these reasons; it follows
 *   every check and every snooze or ignore. With reminders off in the settings only the badge
 *   is kept up to date, and nothing is recorded as shown.
 */
import type { HealthProblem } from '../../../shared/health/health-schemas';
import type { MessageKey } from '../../../shared/i18n/message';
import type { CoreContext } from '../context';
import {
  listRemindersSent,
  recordRemindersSent,
  type ReminderThreshold,
  type SentReminder,
} from '../db/health-repository';
import type { HealthService, ProblemWithSubject } from '../health/health-service';
import type { UserLanguage } from '../settings/user-language';
import type { DesktopNotification, DesktopNotifier } from './notifier-port';

const DAY_MS = 24 * 60 * 60 * 1000;
/** More crossings of one threshold than this in one check are shown as one notification. */
export const BATCH_AFTER = 3;

export interface ReminderOptions {
  /** How often the check runs while Keyflare is open (a day by default). */
  intervalMs?: number;
}

export interface ReminderCheck {
  shown: DesktopNotification[];
  /** Tokens that need care for an expiry or a rotation (not snoozed or ignored). */
  badge: number;
}

export interface ReminderService {
  /** Checks now, then every day, and after each sync. */
  start(): void;
  stop(): void;
  /** One check: notifies what crossed a threshold and updates the badge. */
  check(): ReminderCheck;
  /** A sync ended: check again when started. */
  afterSync(): void;
  /** Brings the badge up to date without notifying (after a snooze or an ignore). */
  refreshBadge(): void;
}

export interface ReminderDeps {
  health: HealthService;
  notifier: DesktopNotifier;
  settings: { get(): { reminders: boolean; expiryWarningDays: number } };
  /** The language the notifications speak now (settings/user-language.ts). */
  language: () => UserLanguage;
}

const THRESHOLDS: readonly ReminderThreshold[] = ['expired', 'expiring', 'rotation_due'];

function isThreshold(kind: HealthProblem['kind']): kind is ReminderThreshold {
  return (THRESHOLDS as readonly string[]).includes(kind);
}

/** The problem's parameters (days, expiry day…) with the token's name and where it lives. */
function paramsOf(problem: HealthProblem): Record<string, string | number> {
  const token = problem.token;
  return {
    ...problem.message.params,
    name: token?.name ?? '',
    profile: token?.profileLabel ?? '',
    account: token?.accountName ?? 'none',
  };
}

/** The title and body keys of one token's crossing, by the problem's own message. */
function singleKeys(threshold: ReminderThreshold, problem: HealthProblem): [MessageKey, MessageKey] {
  switch (threshold) {
    case 'expiring':
      return ['notifications.reminder.expiring.title', 'notifications.reminder.expiring.body'];
    case 'expired':
      return problem.message.key === 'insights.warning.expiredOn'
        ? ['notifications.reminder.expired.titleOn', 'notifications.reminder.expired.body']
        : ['notifications.reminder.expired.title', 'notifications.reminder.expired.body'];
    case 'rotation_due':
      return problem.message.key === 'insights.problem.rotationDueRolled'
        ? ['notifications.reminder.rotation.title', 'notifications.reminder.rotation.bodyRolled']
        : ['notifications.reminder.rotation.title', 'notifications.reminder.rotation.bodyUnchanged'];
  }
}

function single(
  threshold: ReminderThreshold,
  problem: HealthProblem,
  language: UserLanguage,
): DesktopNotification {
  const [title, body] = singleKeys(threshold, problem);
  const params = paramsOf(problem);
  return {
    title: language.words({ key: title, params }),
    body: language.words({ key: body, params }),
  };
}

const BATCH_TITLE: Record<ReminderThreshold, MessageKey> = {
  expiring: 'notifications.reminder.batch.expiring',
  expired: 'notifications.reminder.batch.expired',
  rotation_due: 'notifications.reminder.batch.rotation',
};

function batch(
  threshold: ReminderThreshold,
  problems: readonly HealthProblem[],
  expiryWarningDays: number,
  language: UserLanguage,
): DesktopNotification {
  const { t } = language;
  const count = problems.length;
  const names = problems
    .slice(0, BATCH_AFTER)
    .map((p) => p.token?.name ?? '')
    .join(t('notifications.reminder.batch.separator'));
  return {
    title: t(BATCH_TITLE[threshold], { count, days: expiryWarningDays }),
    body: t('notifications.reminder.batch.body', { names, more: count - BATCH_AFTER }),
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function createReminderService(
  ctx: CoreContext,
  deps: ReminderDeps,
  options: ReminderOptions = {},
): ReminderService {
  const intervalMs = options.intervalMs ?? DAY_MS;
  let started = false;
  let timer: unknown = null;

  const candidates = (): ProblemWithSubject[] =>
    deps.health.activeProblems().filter((p) => isThreshold(p.problem.kind) && p.problem.token !== null);

  // A token two logins both list (an account's token seen by two members) is one token here.
  const badgeOf = (list: readonly ProblemWithSubject[]): number =>
    new Set(list.map((p) => p.problem.token?.tokenId)).size;

  const check = (): ReminderCheck => {
    const list = candidates();
    const badge = badgeOf(list);
    deps.notifier.setBadgeCount(badge);
    const settings = deps.settings.get();
    if (!settings.reminders) return { shown: [], badge };
    const sent = listRemindersSent(ctx.db());
    // Per threshold, the crossings not shown yet, by token id: one notification for a token that
    // several profiles list, recorded for each of them.
    const fresh = new Map<ReminderThreshold, Map<string, ProblemWithSubject[]>>();
    for (const item of list) {
      const token = item.problem.token;
      const threshold = item.problem.kind;
      if (!token || !isThreshold(threshold)) continue;
      if (sent.get(`${token.profileId}:${token.tokenId}:${threshold}`) === item.subject) continue;
      const byToken = fresh.get(threshold) ?? new Map<string, ProblemWithSubject[]>();
      byToken.set(token.tokenId, [...(byToken.get(token.tokenId) ?? []), item]);
      fresh.set(threshold, byToken);
    }
    const shown: DesktopNotification[] = [];
    const record: SentReminder[] = [];
    const language = deps.language();
    for (const threshold of THRESHOLDS) {
      const groups = [...(fresh.get(threshold)?.values() ?? [])];
      if (groups.length === 0) continue;
      const problems = groups.flatMap((group) => (group[0] ? [group[0].problem] : []));
      const items = groups.flat();
      const notifications =
        problems.length > BATCH_AFTER
          ? [batch(threshold, problems, settings.expiryWarningDays, language)]
          : problems.map((p) => single(threshold, p, language));
      for (const notification of notifications) {
        deps.notifier.show(notification);
        shown.push(notification);
      }
      for (const item of items) {
        const token = item.problem.token;
        if (token)
          record.push({
            profileId: token.profileId,
            tokenId: token.tokenId,
            threshold,
            subject: item.subject,
          });
      }
    }
    if (record.length > 0) {
      recordRemindersSent(ctx.db(), record, ctx.clock.now().toISOString());
      ctx.logger.info('reminders shown', { notifications: shown.length, tokens: record.length });
    }
    return { shown, badge };
  };

  /** A check whose failure (a refused data folder, a closed cache) is logged, never thrown. */
  const safeCheck = (): void => {
    try {
      check();
    } catch (error) {
      ctx.logger.warn('reminder check failed', { errorName: errorName(error) });
    }
  };

  const arm = (): void => {
    timer = ctx.timers.setTimeout(() => {
      timer = null;
      safeCheck();
      if (started) arm();
    }, intervalMs);
  };

  return {
    start() {
      if (started) return;
      started = true;
      safeCheck();
      arm();
    },
    stop() {
      started = false;
      if (timer !== null) ctx.timers.clearTimeout(timer);
      timer = null;
    },
    check,
    afterSync() {
      if (started) safeCheck();
    },
    refreshBadge() {
      if (!started) return;
      try {
        deps.notifier.setBadgeCount(badgeOf(candidates()));
      } catch (error) {
        ctx.logger.warn('badge not updated', { errorName: errorName(error) });
      }
    },
  };
}
