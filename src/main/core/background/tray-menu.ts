/**
 * The tray icon's menu, tooltip and attention state, as plain data.
 *
 * The Electron shell turns the model into a Menu and an icon (electron/tray.ts); everything a
 * person reads in it is decided here, from the profiles, their sync status and the token rows,
 * so it is tested without Electron. Times are absolute ("14:05", "Mon 09:12"): a menu is built
 * ahead of being opened, and "5 minutes ago" would be stale by then.
 */
import type { Profile, SyncStatus, TokenRow } from '../../../shared/domain';
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
    const weekday = new Intl.DateTimeFormat(format.locale, { ...options, weekday: 'short' }).format(at);
    return `${weekday} ${clock.format(at)}`;
  }
  return new Intl.DateTimeFormat(format.locale, { ...options, day: 'numeric', month: 'short' }).format(at);
}

function profileLine(
  profile: TrayFacts['profiles'][number],
  status: SyncStatus | undefined,
  now: Date,
  format: TimeFormat,
): string {
  const lastSync = status?.lastSuccessAt ?? profile.lastSyncAt;
  const synced = lastSync ? `synced ${menuTime(lastSync, now, format)}` : 'not synced yet';
  const limited = status?.rateLimitedUntil ? Date.parse(status.rateLimitedUntil) : null;
  let state: string;
  if (limited !== null && limited > now.getTime())
    state = `rate-limited until ${menuTime(status?.rateLimitedUntil ?? '', now, format)}`;
  else if (status?.running) state = 'syncing…';
  else if (status?.offline) state = `offline, ${synced}`;
  else if (status?.lastRun?.outcome === 'failed') state = `last sync failed, ${synced}`;
  else state = synced;
  return `${profile.label} — ${state}`;
}

/** The menu for these facts; `facts` null when the data folder cannot be read. */
export function trayModel(facts: TrayFacts | null, format: TimeFormat = {}): TrayModel {
  const open: TrayMenuItem = { kind: 'action', action: 'open', label: 'Open Keyflare', enabled: true };
  const quit: TrayMenuItem = { kind: 'action', action: 'quit', label: 'Quit Keyflare', enabled: true };
  if (!facts)
    return {
      attention: true,
      title: '',
      tooltip: 'Keyflare — its data folder cannot be read',
      items: [open, { kind: 'info', label: 'The data folder cannot be read' }, { kind: 'separator' }, quit],
    };
  const attention = attentionOf(facts.rows);
  const statuses = new Map(facts.statuses.map((status) => [status.profileId, status]));
  const running = facts.profiles.filter((profile) => statuses.get(profile.id)?.running);
  const allRunning = facts.profiles.length > 0 && running.length === facts.profiles.length;
  const items: TrayMenuItem[] = [open];
  if (attention.summary)
    items.push({ kind: 'action', action: 'open', label: attention.summary, enabled: true });
  items.push({
    kind: 'action',
    action: 'sync',
    label: allRunning ? 'Syncing…' : facts.profiles.length === 1 ? 'Sync now' : 'Sync all',
    enabled: facts.profiles.length > 0 && !allRunning,
  });
  if (facts.profiles.length > 0) {
    items.push({ kind: 'separator' });
    for (const profile of facts.profiles)
      items.push({ kind: 'info', label: profileLine(profile, statuses.get(profile.id), facts.now, format) });
    const next = facts.statuses
      .map((status) => status.nextSyncAt)
      .filter((at): at is string => at !== null)
      .sort()[0];
    if (next) items.push({ kind: 'info', label: `Next scheduled sync ${menuTime(next, facts.now, format)}` });
  }
  items.push({ kind: 'separator' }, quit);
  return {
    attention: attention.count > 0,
    title: attention.count > 0 ? String(attention.count) : '',
    tooltip: attention.summary ? `Keyflare — ${attention.summary}` : 'Keyflare',
    items,
  };
}
