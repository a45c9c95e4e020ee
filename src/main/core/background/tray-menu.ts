/**
 * The tray icon's menu, tooltip and attention state, as plain data.
 *
 * The Electron shell turns the model into a Menu and an icon (electron/tray.ts); everything a
 * person reads in it is decided here, from the profiles, their sync status and the token rows,
 * so it is tested without Electron. Every label is a catalogue message (`notifications.tray.*`) in
 * the user's language, which the shell passes in (settings/user-language.ts). Times are absolute ("14:05", "Mon 09:12"): a menu is built
 * ahead of being opened, and "5 minutes ago" would be stale by then.
 */
import type { Profile, SyncStatus, TokenRow } from '../../../shared/domain';
import { englishText } from '../../../shared/i18n/english-message';
import type { Translate } from '../../../shared/i18n/translator';
import { attentionOf } from './attention';

export type TrayAction = 'open' | 'sync' | 'quit';

export type TrayMenuItem =
  | { kind: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { kind: 'info'; label: string }
  | { kind: 'separator' };

export interface TrayModel {
  /** Whether the icon shows the attention variant. */
  attention: boolean;
  /** Text beside the macOS menu-bar icon: the attention count, or empty. */
  title: string;
  tooltip: string;
  items: TrayMenuItem[];
}

export interface TrayFacts {
  profiles: readonly Pick<Profile, 'id' | 'label' | 'lastSyncAt'>[];
  statuses: readonly SyncStatus[];
  rows: readonly Pick<TokenRow, 'status' | 'warnings'>[];
  now: Date;
}

export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

const DAY_MS = 24 * 60 * 60_000;

/** "14:05" today, "Mon 14:05" within six days either way, "3 Mar" further off. */
export function menuTime(iso: string, now: Date, format: TimeFormat = {}): string {
  const at = new Date(iso);
  const options = format.timeZone ? { timeZone: format.timeZone } : {};
  const day = new Intl.DateTimeFormat(format.locale, { ...options, dateStyle: 'short' });
  const clock = new Intl.DateTimeFormat(format.locale, { ...options, hour: '2-digit', minute: '2-digit' });
  if (day.format(at) === day.format(now)) return clock.format(at);
  if (Math.abs(at.getTime() - now.getTime()) < 6 * DAY_MS) {
    // One formatter for the weekday and the time, so each language orders and spaces them its way.
    const weekdayClock = { ...options, weekday: 'short', hour: '2-digit', minute: '2-digit' } as const;
    return new Intl.DateTimeFormat(format.locale, weekdayClock).format(at);
  }
  return new Intl.DateTimeFormat(format.locale, { ...options, day: 'numeric', month: 'short' }).format(at);
}

function profileLine(
  profile: TrayFacts['profiles'][number],
  status: SyncStatus | undefined,
  now: Date,
  format: TimeFormat,
  t: Translate,
): string {
  const lastSync = status?.lastSuccessAt ?? profile.lastSyncAt;
  const limited = status?.rateLimitedUntil ? Date.parse(status.rateLimitedUntil) : null;
  const state =
    limited !== null && limited > now.getTime()
      ? 'limited'
      : status?.running
        ? 'syncing'
        : status?.offline
          ? 'offline'
          : status?.lastRun?.outcome === 'failed'
            ? 'failed'
            : 'synced';
  return t('notifications.tray.profile', {
    profile: profile.label,
    state,
    lastSync: lastSync ? menuTime(lastSync, now, format) : 'none',
    until: state === 'limited' ? menuTime(status?.rateLimitedUntil ?? '', now, format) : '',
  });
}

/**
 * The menu for these facts in the language of `t` (English by default); `facts` null when the
 * data folder cannot be read.
 */
export function trayModel(
  facts: TrayFacts | null,
  format: TimeFormat = {},
  t: Translate = englishText,
): TrayModel {
  const open: TrayMenuItem = {
    kind: 'action',
    action: 'open',
    label: t('notifications.tray.open'),
    enabled: true,
  };
  const quit: TrayMenuItem = {
    kind: 'action',
    action: 'quit',
    label: t('notifications.tray.quit'),
    enabled: true,
  };
  if (!facts)
    return {
      attention: true,
      title: '',
      tooltip: t('notifications.tray.unreadableTooltip'),
      items: [open, { kind: 'info', label: t('notifications.tray.unreadable') }, { kind: 'separator' }, quit],
    };
  const attention = attentionOf(facts.rows);
  const statuses = new Map(facts.statuses.map((status) => [status.profileId, status]));
  const running = facts.profiles.filter((profile) => statuses.get(profile.id)?.running);
  const allRunning = facts.profiles.length > 0 && running.length === facts.profiles.length;
  const items: TrayMenuItem[] = [open];
  const summary = attention.summary ? t(attention.summary.key, attention.summary.params) : null;
  if (summary) items.push({ kind: 'action', action: 'open', label: summary, enabled: true });
  items.push({
    kind: 'action',
    action: 'sync',
    label: t(
      allRunning
        ? 'notifications.tray.syncing'
        : facts.profiles.length === 1
          ? 'notifications.tray.syncNow'
          : 'notifications.tray.syncAll',
    ),
    enabled: facts.profiles.length > 0 && !allRunning,
  });
  if (facts.profiles.length > 0) {
    items.push({ kind: 'separator' });
    for (const profile of facts.profiles)
      items.push({
        kind: 'info',
        label: profileLine(profile, statuses.get(profile.id), facts.now, format, t),
      });
    const next = facts.statuses
      .map((status) => status.nextSyncAt)
      .filter((at): at is string => at !== null)
      .sort()[0];
    if (next)
      items.push({
        kind: 'info',
        label: t('notifications.tray.nextSync', { time: menuTime(next, facts.now, format) }),
      });
  }
  items.push({ kind: 'separator' }, quit);
  return {
    attention: attention.count > 0,
    title: attention.count > 0 ? String(attention.count) : '',
    tooltip: summary ? t('notifications.tray.tooltip', { summary }) : 'Keyflare',
    items,
  };
}
