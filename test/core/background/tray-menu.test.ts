/**
 * The tray's menu, tooltip and attention state as a person reads them.
 */
import { describe, expect, it } from 'vitest';
import { menuTime, trayModel, type TrayFacts } from '../../../src/main/core/background/tray-menu';
import { userLanguage } from '../../../src/main/core/settings/user-language';
import type { TokenRow } from '../../../src/shared/domain';
import { syncStatus as status } from '../../fixtures/sync-status';

const NOW = new Date('2026-03-10T14:05:00.000Z'); // a Tuesday
const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };

function row(
  status: TokenRow['status'],
  kinds: TokenRow['warnings'][number]['kind'][],
): Pick<TokenRow, 'status' | 'warnings'> {
  return { status, warnings: kinds.map((kind) => ({ kind, severity: 'warning', message: { key: kind } })) };
}

const profiles: TrayFacts['profiles'] = [
  { id: 'work', label: 'Work', lastSyncAt: '2026-03-10T07:10:00.000Z' },
  { id: 'home', label: 'Home', lastSyncAt: '2026-03-09T20:00:00.000Z' },
];

describe('trayModel', () => {
  it('lists Open, Sync all, each profile’s last sync, the next scheduled sync and Quit', () => {
    const model = trayModel(
      {
        profiles,
        statuses: [
          status('work', {
            lastSuccessAt: '2026-03-10T07:10:00.000Z',
            nextSyncAt: '2026-03-10T19:02:00.000Z',
          }),
          status('home', {
            lastSuccessAt: '2026-03-09T20:00:00.000Z',
            nextSyncAt: '2026-03-10T15:58:00.000Z',
          }),
        ],
        rows: [row('active', ['no_expiry'])],
        now: NOW,
      },
      FORMAT,
    );
    expect(model.items).toEqual([
      { kind: 'action', action: 'open', label: 'Open Keyflare', enabled: true },
      { kind: 'action', action: 'sync', label: 'Sync all', enabled: true },
      { kind: 'separator' },
      { kind: 'info', label: 'Work — synced 07:10' },
      { kind: 'info', label: 'Home — synced Mon 20:00' },
      { kind: 'info', label: 'Next scheduled sync 15:58' },
      { kind: 'separator' },
      { kind: 'action', action: 'quit', label: 'Quit Keyflare', enabled: true },
    ]);
    expect(model).toMatchObject({ attention: false, title: '', tooltip: 'Keyflare' });
  });

  it('counts active tokens that expire soon as needing attention, in the icon, title, tooltip and menu', () => {
    const model = trayModel(
      {
        profiles,
        statuses: [],
        rows: [
          row('active', ['expires_soon', 'no_ip_filter']),
          row('active', ['expires_soon']),
          row('disabled', ['expires_soon']),
          row('expired', ['expired']),
          row('active', ['never_used']),
        ],
        now: NOW,
      },
      FORMAT,
    );
    expect(model).toMatchObject({
      attention: true,
      title: '2',
      tooltip: 'Keyflare — 2 tokens expire within 30 days',
    });
    expect(model.items[1]).toEqual({
      kind: 'action',
      action: 'open',
      label: '2 tokens expire within 30 days',
      enabled: true,
    });
    const one = trayModel(
      { profiles, statuses: [], rows: [row('active', ['expires_soon'])], now: NOW },
      FORMAT,
    );
    expect(one.tooltip).toBe('Keyflare — 1 token expires within 30 days');
  });

  it('says what each profile is doing: syncing, rate-limited, offline, failed, never synced', () => {
    const model = trayModel(
      {
        profiles: [
          { id: 'a', label: 'Syncing', lastSyncAt: null },
          { id: 'b', label: 'Limited', lastSyncAt: '2026-03-10T09:00:00.000Z' },
          { id: 'c', label: 'Offline', lastSyncAt: '2026-03-01T09:00:00.000Z' },
          { id: 'd', label: 'Failed', lastSyncAt: '2026-03-10T09:00:00.000Z' },
          { id: 'e', label: 'New', lastSyncAt: null },
        ],
        statuses: [
          status('a', { running: true }),
          status('b', {
            rateLimitedUntil: '2026-03-10T14:30:00.000Z',
            lastSuccessAt: '2026-03-10T09:00:00.000Z',
          }),
          status('c', { offline: true, lastSuccessAt: '2026-03-01T09:00:00.000Z' }),
          status('d', {
            lastSuccessAt: '2026-03-10T09:00:00.000Z',
            lastRun: {
              id: 3,
              profileId: 'd',
              startedAt: '2026-03-10T13:00:00.000Z',
              endedAt: '2026-03-10T13:00:01.000Z',
              outcome: 'failed',
              requestCount: 1,
              error: { code: 'AUTH_INVALID', message: 'no' },
            },
          }),
        ],
        rows: [],
        now: NOW,
      },
      FORMAT,
    );
    expect(model.items.filter((item) => item.kind === 'info').map((item) => item.label)).toEqual([
      'Syncing — syncing…',
      'Limited — rate-limited until 14:30',
      'Offline — offline, synced 1 Mar',
      'Failed — last sync failed, synced 09:00',
      'New — not synced yet',
    ]);
  });

  it('offers "Sync now" for one profile, "Syncing…" while every profile syncs, nothing to sync without profiles', () => {
    const sync = (facts: Omit<TrayFacts, 'rows' | 'now'>) =>
      trayModel({ ...facts, rows: [], now: NOW }, FORMAT).items.find(
        (i) => i.kind === 'action' && i.action === 'sync',
      );
    expect(sync({ profiles: [profiles[0]!], statuses: [] })).toMatchObject({
      label: 'Sync now',
      enabled: true,
    });
    expect(
      sync({ profiles, statuses: [status('work', { running: true }), status('home', { running: true })] }),
    ).toMatchObject({
      label: 'Syncing…',
      enabled: false,
    });
    expect(sync({ profiles, statuses: [status('work', { running: true })] })).toMatchObject({
      label: 'Sync all',
      enabled: true,
    });
    expect(sync({ profiles: [], statuses: [] })).toMatchObject({ enabled: false });
  });

  it('speaks Chinese when the user’s language is zh-CN: actions, attention, each profile, the next sync', () => {
    const zh = userLanguage('zh-CN', []);
    const model = trayModel(
      {
        profiles,
        statuses: [
          status('work', { offline: true, lastSuccessAt: '2026-03-10T07:10:00.000Z' }),
          status('home', {
            lastSuccessAt: '2026-03-09T20:00:00.000Z',
            nextSyncAt: '2026-03-10T15:58:00.000Z',
          }),
        ],
        rows: [row('active', ['expires_soon']), row('active', ['expires_soon'])],
        now: NOW,
      },
      { locale: 'zh-CN', timeZone: 'UTC' },
      zh.t,
    );
    expect(model.items.map((item) => (item.kind === 'separator' ? '—' : item.label))).toEqual([
      '打开 Keyflare',
      '2 个令牌将在 30 天内过期',
      '全部同步',
      '—',
      'Work — 离线，上次同步：07:10',
      'Home — 上次同步：周一20:00',
      '下次计划同步 15:58',
      '—',
      '退出 Keyflare',
    ]);
    expect(model.tooltip).toBe('Keyflare — 2 个令牌将在 30 天内过期');
    expect(trayModel(null, {}, zh.t).items[1]).toEqual({ kind: 'info', label: '无法读取数据文件夹' });
  });

  it('without a readable data folder: Open, the reason, Quit', () => {
    const model = trayModel(null);
    expect(model.items.map((item) => (item.kind === 'separator' ? '—' : item.label))).toEqual([
      'Open Keyflare',
      'The data folder cannot be read',
      '—',
      'Quit Keyflare',
    ]);
    expect(model.attention).toBe(true);
  });
});

describe('menuTime', () => {
  it('gives the clock today, the weekday this week, the date further off', () => {
    expect(menuTime('2026-03-10T06:30:00.000Z', NOW, FORMAT)).toBe('06:30');
    expect(menuTime('2026-03-11T02:10:00.000Z', NOW, FORMAT)).toBe('Wed 02:10');
    expect(menuTime('2026-03-05T17:45:00.000Z', NOW, FORMAT)).toBe('Thu 17:45');
    expect(menuTime('2026-02-20T17:45:00.000Z', NOW, FORMAT)).toBe('20 Feb');
  });
});
