/**
 * The Health view's answers against the simulator's demo login at a fixed time: every problem
 * with the actions that fit it and that the profile may take, the user's thresholds, rotation
 * from Keyflare's own roll history, older-format kept secrets, and snoozes and ignores.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { HealthProblem, HealthReport } from '../../../src/shared/health/health-schemas';
import { createMemoryStore } from '../../../src/main/core/secrets/memory-store';
import type { SecretStore } from '../../../src/main/core/secrets/secret-store';
import { AppError } from '../../../src/shared/errors';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { startSimulator, type Simulator } from '../../../src/sandbox';
import { closeAllCores, makeCore } from '../support/core-harness';
import { manualTime } from '../support/manual-time';
import { addProfile, call } from '../support/sim-profiles';
import { msg } from '../../../src/shared/i18n/message';

const DAY = 86_400_000;
const time = manualTime('2025-06-15T12:00:00Z');
const sims: Simulator[] = [];
afterAll(async () => {
  closeAllCores();
  for (const sim of sims) await sim.close();
});

/** A keychain whose reads of token secrets fail, as a locked one does; the profile's credential works. */
function lockedTokenReads(): SecretStore {
  const inner = createMemoryStore();
  return {
    ...inner,
    get: (account) =>
      account.startsWith('token:')
        ? Promise.reject(new AppError('KEYCHAIN_LOCKED', msg('errors.keychain.locked')))
        : inner.get(account),
  };
}

/** A simulator of its own (tests change its tokens) and a core with Alice synced, at the shared time. */
async function setup(secrets: SecretStore = createMemoryStore()) {
  const sim = await startSimulator({ scenario: 'demo', now: () => time.clock.now() });
  sims.push(sim);
  const h = makeCore({ clock: time.clock, timers: time.timers, secrets });
  const profile = await addProfile(h.core, sim, 'alice-manager', 'Alice');
  await call(h.core, 'sync.start', { profileId: profile.id });
  const report = (): Promise<HealthReport> => call<HealthReport>(h.core, 'health.list', {});
  return { h, sim, profile, report };
}

function problemsOf(report: HealthReport, name: string): HealthProblem[] {
  return report.problems.filter((p) => p.token?.name === name);
}

function kindsOf(report: HealthReport, name: string): string[] {
  return problemsOf(report, name).map((p) => p.kind);
}

describe('the Health view', () => {
  it('lists every problem by severity, each with the actions the profile may take', async () => {
    const { report } = await setup();
    const health = await report();
    const severities = health.problems.map((p) => p.severity);
    expect(severities).toEqual(
      [...severities].sort(
        (a, b) => ['danger', 'warning', 'info'].indexOf(a) - ['danger', 'warning', 'info'].indexOf(b),
      ),
    );
    expect(health.counts).toEqual({
      danger: health.problems.filter((p) => p.severity === 'danger').length,
      warning: health.problems.filter((p) => p.severity === 'warning').length,
      info: health.problems.filter((p) => p.severity === 'info').length,
    });

    const [expired] = problemsOf(health, 'CI token 2024');
    expect(expired).toMatchObject({
      kind: 'expired',
      severity: 'danger',
      message: { key: 'insights.warning.expiredOn', params: { expiresDay: '2024-12-31' } },
      actions: ['edit_expiry', 'delete'],
    });
    // An expired token can do nothing: no advice about its reach or use.
    expect(kindsOf(health, 'CI token 2024')).toEqual(['expired']);

    expect(kindsOf(health, 'Edit DNS acme.com').sort()).toEqual(
      ['never_used', 'no_expiry', 'no_ip_filter', 'rotation_due'].sort(),
    );
    const rotation = problemsOf(health, 'Edit DNS acme.com').find((p) => p.kind === 'rotation_due');
    expect(rotation).toMatchObject({
      message: { key: 'insights.problem.rotationDueUnchanged', params: { days: 106, every: 90 } },
      actions: ['roll'],
    });

    // The profile's own credential: never offered Disable (it would lock Keyflare out), and told why.
    const manager = problemsOf(health, 'Keyflare manager (alice)').find(
      (p) => p.kind === 'can_create_tokens',
    );
    expect(manager).toMatchObject({ severity: 'danger', actions: ['edit'] });
    expect(manager?.actionsNote).toEqual({ key: 'outcomes.allowed.ownCredential' });

    // A disabled token does nothing until it is enabled again.
    expect(kindsOf(health, 'Old deploy token')).toEqual([]);
    expect(health.quotas).toContainEqual(
      expect.objectContaining({ scope: 'user', label: 'alice@example.com', used: 10, limit: 50 }),
    );
  });

  it('follows the thresholds in the settings', async () => {
    const { h, sim, profile, report } = await setup();
    const created = await call<{ token: { id: string } }>(h.core, 'tokens.create', {
      profileId: profile.id,
      owner: { kind: 'user' },
      keepSecret: false,
      draft: {
        name: 'Short-lived deploy',
        policies: [
          {
            effect: 'allow',
            permissionGroupIds: [sim.state.permissionGroups().find((g) => g.name === 'Zone Read')?.id ?? ''],
            resources: [{ type: 'all_zones', include: true }],
          },
        ],
        requestIp: { in: [], notIn: [] },
        notBefore: null,
        expiresOn: new Date(time.now() + 10 * DAY).toISOString(),
      },
    });
    expect(created.token.id).toBeTruthy();
    expect(problemsOf(await report(), 'Short-lived deploy').map((p) => englishMessage(p.message))).toContain(
      'expires in 10 days',
    );

    await call(h.core, 'settings.update', { expiryWarningDays: 7, rotationDueDays: 0, unusedDays: 30 });
    const after = await report();
    expect(kindsOf(after, 'Short-lived deploy')).not.toContain('expiring');
    expect(after.problems.some((p) => p.kind === 'rotation_due')).toBe(false);
    // The manager was used by the sync just now; 20 days later it is unused from 20 days on.
    time.jump(20 * DAY);
    await call(h.core, 'settings.update', { unusedDays: 21 });
    expect(kindsOf(await report(), 'Keyflare manager (alice)')).not.toContain('unused');
    await call(h.core, 'settings.update', { unusedDays: 20 });
    expect(
      problemsOf(await report(), 'Keyflare manager (alice)').map((p) => englishMessage(p.message)),
    ).toContain('not used for 20 days');
    time.jump(-20 * DAY);
  });

  it('counts rotation from the last roll Keyflare made', async () => {
    const { h, sim, profile, report } = await setup();
    const tokenId = sim.credential('alice-dns-acme').tokenId ?? '';
    await call(h.core, 'tokens.roll', { profileId: profile.id, tokenId, keepSecret: false });
    expect(kindsOf(await report(), 'Edit DNS acme.com')).not.toContain('rotation_due');
    time.jump(95 * DAY);
    const rotation = problemsOf(await report(), 'Edit DNS acme.com').find((p) => p.kind === 'rotation_due');
    expect(rotation?.message).toEqual({
      key: 'insights.problem.rotationDueRolled',
      params: { days: 95, every: 90 },
    });
    expect(englishMessage(rotation?.message ?? { key: '' })).toBe(
      'rotation due: last rolled 95 days ago (rotate every 90 days)',
    );
    time.jump(-95 * DAY);
  });

  it('suggests a roll for a kept secret of the older format, and only for that one', async () => {
    const { h, sim, profile, report } = await setup();
    const legacy = sim.credential('alice-legacy');
    const prefixed = sim.credential('alice-dns-acme');
    await call(h.core, 'tokens.adopt', {
      profileId: profile.id,
      tokenId: legacy.tokenId,
      secret: legacy.secret,
    });
    await call(h.core, 'tokens.adopt', {
      profileId: profile.id,
      tokenId: prefixed.tokenId,
      secret: prefixed.secret,
    });
    const health = await report();
    expect(
      problemsOf(health, 'Legacy token (no prefix)').find((p) => p.kind === 'older_format'),
    ).toMatchObject({
      severity: 'info',
      actions: ['roll'],
    });
    expect(kindsOf(health, 'Edit DNS acme.com')).not.toContain('older_format');
    expect(health.secretFormatNote).toBeNull();
    for (const secret of [legacy.secret, prefixed.secret])
      expect(JSON.stringify(health)).not.toContain(secret);
  });

  it('says when the keychain could not be read, and answers all the same', async () => {
    const { h, sim, profile, report } = await setup(lockedTokenReads());
    // A kept secret the keychain will not give back: the format check is skipped with a note.
    const legacy = sim.credential('alice-legacy');
    await h.core.dispatch('tokens.adopt', {
      profileId: profile.id,
      tokenId: legacy.tokenId,
      secret: legacy.secret,
    });
    const health = await report();
    expect(health.problems.length).toBeGreaterThan(0);
    expect(health.secretFormatNote?.key).toBe('insights.problem.secretFormatUnchecked');
    expect(englishMessage(health.secretFormatNote ?? { key: '' })).toMatch(
      /^The format of one kept secret could not be checked: The system keychain is locked/u,
    );
  });

  it('hides a snoozed problem until the snooze ends, an ignored one until it is restored', async () => {
    const { h, sim, profile, report } = await setup();
    const tokenId = sim.credential('alice-tokens-read').tokenId ?? '';
    const snoozed = await call<{ until: string | null }>(h.core, 'health.dismiss', {
      profileId: profile.id,
      tokenId,
      kind: 'no_expiry',
      days: 7,
    });
    expect(snoozed.until).toBe(new Date(time.now() + 7 * DAY).toISOString());
    await call(h.core, 'health.dismiss', { profileId: profile.id, tokenId, kind: 'never_used' });
    let health = await report();
    expect(kindsOf(health, 'Token auditor')).toEqual(['rotation_due']);
    expect(
      health.dismissed.map((d) => `${d.kind} ${d.until === null ? 'ignored' : 'snoozed'}`).sort(),
    ).toEqual(['never_used ignored', 'no_expiry snoozed']);

    time.jump(8 * DAY);
    health = await report();
    expect(kindsOf(health, 'Token auditor')).toContain('no_expiry');
    expect(kindsOf(health, 'Token auditor')).not.toContain('never_used');
    await expect(
      call(h.core, 'health.restore', { profileId: profile.id, tokenId, kind: 'never_used' }),
    ).resolves.toEqual({ restored: true });
    expect(kindsOf(await report(), 'Token auditor')).toContain('never_used');
    time.jump(-8 * DAY);
  });

  it('refuses to snooze a token Keyflare does not know', async () => {
    const { h, profile } = await setup();
    const reply = await h.core.dispatch('health.dismiss', {
      profileId: profile.id,
      tokenId: 'ffff0000000000000000000000000000',
      kind: 'no_expiry',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
