/**
 * Reminders with an injected clock and a recording notifier: what crossed a threshold while
 * Keyflare was closed is shown once at start, at most once per token and threshold (also across
 * restarts), batched when many, after every sync and every day; snoozed and ignored tokens stay
 * quiet; the badge counts the tokens that need care.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { DesktopNotification, DesktopNotifier } from '../../../src/main/core/reminders/notifier-port';
import { startSimulator, type Simulator } from '../../../src/sandbox';
import { closeAllCores, makeCore, tempDir } from '../support/core-harness';
import { manualTime } from '../support/manual-time';
import { addProfile, call } from '../support/sim-profiles';
import { DEMO, groupId } from '../support/token-harness';

const DAY = 86_400_000;
const time = manualTime('2025-06-15T12:00:00Z');
const sims: Simulator[] = [];
afterAll(async () => {
  closeAllCores();
  for (const sim of sims) await sim.close();
});

interface RecordingNotifier extends DesktopNotifier {
  shown: DesktopNotification[];
  badges: number[];
  titles(): string[];
}

function recordingNotifier(): RecordingNotifier {
  const notifier: RecordingNotifier = {
    shown: [],
    badges: [],
    show: (notification) => {
      notifier.shown.push(notification);
      return true;
    },
    setBadgeCount: (count) => {
      notifier.badges.push(count);
    },
    titles: () => notifier.shown.map((n) => n.title),
  };
  return notifier;
}

async function setup(
  settings: Record<string, unknown> = { rotationDueDays: 0 },
  systemLocales: readonly string[] = [],
) {
  const sim = await startSimulator({ scenario: 'demo', now: () => time.clock.now() });
  sims.push(sim);
  const dataDir = tempDir();
  const notifier = recordingNotifier();
  const open = (n: DesktopNotifier) =>
    makeCore({ dataDir, clock: time.clock, timers: time.timers, notifier: n, systemLocales });
  const h = open(notifier);
  const profile = await addProfile(h.core, sim, 'alice-manager', 'Alice');
  await call(h.core, 'settings.update', settings);
  await call(h.core, 'sync.start', { profileId: profile.id });
  return { sim, h, profile, notifier, open };
}

/** A calendar day as an English notification words it (a core without an OS language speaks `en`). */
function day(iso: string, locale = 'en'): string {
  const [year, month, date] = iso.split('-').map(Number);
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  return format.format(new Date(year ?? 0, (month ?? 1) - 1, date ?? 1));
}

const EXPIRED = [
  `CI token 2024 expired on ${day('2024-12-31')}`,
  `Personal zone reader 2024 expired on ${day('2024-06-30')}`,
];

function zoneReadDraft(sim: Simulator, name: string, expiresInDays: number) {
  return {
    name,
    policies: [
      {
        effect: 'allow' as const,
        permissionGroupIds: [sim.state.permissionGroups().find((g) => g.name === 'Zone Read')?.id ?? ''],
        resources: [{ type: 'all_zones' as const, include: true }],
      },
    ],
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: new Date(time.now() + expiresInDays * DAY).toISOString(),
  };
}

describe('reminders', () => {
  it('shows at start what crossed a threshold while Keyflare was closed, once, also after a restart', async () => {
    const { h, notifier, open } = await setup();
    expect(notifier.shown).toEqual([]);
    h.core.services.reminders.start();
    expect(notifier.titles().sort()).toEqual([...EXPIRED].sort());
    expect(notifier.shown[0]?.body).toMatch(
      /^Alice(?: · Alice Personal)?: whatever still uses it now fails\.$/u,
    );
    expect(notifier.badges.at(-1)).toBe(2);

    h.core.services.reminders.check();
    time.advance(DAY);
    expect(notifier.shown).toHaveLength(2);

    h.core.close();
    const again = recordingNotifier();
    const second = open(again);
    second.core.services.reminders.start();
    expect(again.shown).toEqual([]);
    expect(again.badges).toEqual([2]);
  });

  it('batches more than three crossings of one threshold into one notification', async () => {
    const { h, notifier } = await setup({ rotationDueDays: 90 });
    h.core.services.reminders.start();
    const rotation = notifier.shown.filter((n) => /due for rotation/u.test(n.title));
    expect(rotation).toHaveLength(1);
    const count = Number(/^(\d+) tokens are due for rotation$/u.exec(rotation[0]?.title ?? '')?.[1]);
    expect(count).toBeGreaterThan(3);
    expect(rotation[0]?.body).toMatch(
      new RegExp(`and ${count - 3} more\\. Open Keyflare’s Health view`, 'u'),
    );
    // The two expired tokens are below the batch size: one notification each.
    expect(notifier.titles()).toEqual(expect.arrayContaining(EXPIRED));
  });

  it('reminds after a sync and every day: expiring soon, then expired, each once', async () => {
    const { h, sim, profile, notifier } = await setup();
    h.core.services.reminders.start();
    notifier.shown.length = 0;

    await call(h.core, 'tokens.create', {
      profileId: profile.id,
      owner: { kind: 'user' },
      keepSecret: false,
      draft: zoneReadDraft(sim, 'Release bot', 10),
    });
    await call(h.core, 'tokens.create', {
      profileId: profile.id,
      owner: { kind: 'user' },
      keepSecret: false,
      draft: zoneReadDraft(sim, 'Nightly export', 20),
    });
    await call(h.core, 'sync.start', { profileId: profile.id });
    expect(notifier.titles()).toEqual(['Release bot expires in 10 days']);
    expect(notifier.shown[0]?.body).toBe('Alice: extend its expiry or replace it before it stops working.');

    // Day after day: "Nightly export" comes within 14 days on the 6th day, and is told once.
    time.advance(7 * DAY);
    expect(notifier.titles()).toEqual([
      'Release bot expires in 10 days',
      'Nightly export expires in 14 days',
    ]);
    time.advance(4 * DAY);
    expect(notifier.titles().slice(2)).toEqual([
      `Release bot expired on ${day(new Date(time.now() - DAY).toISOString().slice(0, 10))}`,
    ]);
    time.advance(30 * DAY);
    expect(notifier.titles()).toHaveLength(4);
    expect(notifier.titles()[3]).toMatch(/^Nightly export expired on /u);
  });

  it('keeps snoozed and ignored tokens quiet, and the badge follows', async () => {
    const { h, sim, profile, notifier } = await setup();
    await call(h.core, 'health.dismiss', {
      profileId: profile.id,
      tokenId: sim.credential('alice-expired').tokenId,
      kind: 'expired',
      days: 30,
    });
    h.core.services.reminders.start();
    expect(notifier.titles()).toEqual([`Personal zone reader 2024 expired on ${day('2024-06-30')}`]);
    expect(notifier.badges.at(-1)).toBe(1);

    await call(h.core, 'health.restore', {
      profileId: profile.id,
      tokenId: sim.credential('alice-expired').tokenId,
      kind: 'expired',
    });
    expect(notifier.badges.at(-1)).toBe(2);
    h.core.services.reminders.check();
    expect(notifier.titles()).toHaveLength(2);
  });

  it('with reminders off keeps only the badge, and shows nothing twice once they are on', async () => {
    const { h, notifier } = await setup({ rotationDueDays: 0, reminders: false });
    h.core.services.reminders.start();
    expect(notifier.shown).toEqual([]);
    expect(notifier.badges).toEqual([2]);
    await call(h.core, 'settings.update', { reminders: true });
    h.core.services.reminders.check();
    expect(notifier.titles().sort()).toEqual([...EXPIRED].sort());
    h.core.services.reminders.check();
    expect(notifier.shown).toHaveLength(2);
  });

  it('reminds once of a token two logins both see', async () => {
    const { h, sim, profile, notifier } = await setup();
    const bob = await addProfile(h.core, sim, 'bob-manager', 'Bob');
    await call(h.core, 'tokens.create', {
      profileId: profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      keepSecret: false,
      draft: {
        ...zoneReadDraft(sim, 'Shared Acme bot', 5),
        policies: [
          {
            effect: 'allow',
            permissionGroupIds: [groupId(sim, 'Zone Read', 'zone')],
            resources: [{ type: 'account_zones', accountId: DEMO.acme, include: true }],
          },
        ],
      },
    });
    await call(h.core, 'sync.start', {});
    const rows = await call<{ name: string; profileId: string }[]>(h.core, 'tokens.list', {});
    expect(
      rows
        .filter((r) => r.name === 'Shared Acme bot')
        .map((r) => r.profileId)
        .sort(),
    ).toEqual([profile.id, bob.id].sort());
    h.core.services.reminders.start();
    expect(notifier.titles().filter((t) => t.startsWith('Shared Acme bot'))).toEqual([
      'Shared Acme bot expires in 5 days',
    ]);
    h.core.services.reminders.check();
    expect(notifier.titles().filter((t) => t.startsWith('Shared Acme bot'))).toHaveLength(1);
  });

  it('speaks the language Settings names: 简体中文, and the OS’s Chinese under System', async () => {
    const chinese = [
      `CI token 2024 已于 ${day('2024-12-31', 'zh-CN')}过期`,
      `Personal zone reader 2024 已于 ${day('2024-06-30', 'zh-CN')}过期`,
    ];
    const { h, notifier } = await setup({ rotationDueDays: 90, language: 'zh-CN' });
    h.core.services.reminders.start();
    expect(notifier.titles()).toEqual(expect.arrayContaining(chinese));
    const expired = notifier.shown.find((n) => n.title.startsWith('CI token 2024'));
    expect(expired?.body).toMatch(/^Alice(?: · Alice Personal)?：仍在使用它的一切现在都会失败。$/u);
    const rotation = notifier.shown.find((n) => /个令牌需要轮换$/u.test(n.title));
    expect(rotation?.body).toMatch(/以及另外 \d+ 个令牌。请打开 Keyflare 的“健康状况”视图进行处理。$/u);
    for (const n of notifier.shown) expect(`${n.title} ${n.body}`).not.toMatch(/expired|tokens|\{/u);

    const system = await setup({ rotationDueDays: 0, language: 'system' }, ['zh-Hans-CN', 'en-US']);
    system.h.core.services.reminders.start();
    expect(system.notifier.titles().sort()).toEqual([...chinese].sort());
    const english = await setup({ rotationDueDays: 0, language: 'en' }, ['zh-Hans-CN']);
    english.h.core.services.reminders.start();
    expect(english.notifier.titles().sort()).toEqual([...EXPIRED].sort());
  });

  it('notifies nobody until started (tests of other parts, the e2e bridge, the command line)', async () => {
    const { h, profile, notifier } = await setup();
    await call(h.core, 'sync.start', { profileId: profile.id });
    time.advance(2 * DAY);
    expect(notifier.shown).toEqual([]);
    expect(notifier.badges).toEqual([]);
    h.core.services.reminders.stop();
  });
});
