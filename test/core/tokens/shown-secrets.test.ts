/**
 * Show-once secrets the user chose not to keep leave main's memory: when their ten minutes are
 * up (on a timer, whether or not anyone asks for them again), when their profile is removed or
 * gets another credential, and when the core closes. Clock and timers are the injected ports,
 * so the tests move time instead of waiting.
 */
import { describe, expect, it } from 'vitest';
import { SHOWN_SECRET_TTL_MS, createShownSecrets } from '../../../src/main/core/tokens/shown-secrets';
import { credentialInput } from '../support/sim-profiles';
import {
  dnsDraft,
  manualTimers,
  movableClock,
  tokenHarness,
  useTokenSuite,
  type TokenHarness,
} from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

/** Creates a user token whose secret is shown once and not kept; returns its id. */
async function unkeptToken(h: TokenHarness, name: string): Promise<{ tokenId: string; secret: string }> {
  const created = await h.ok('tokens.create', {
    profileId: h.profile.id,
    owner: { kind: 'user' },
    draft: dnsDraft(sim, name),
    keepSecret: false,
  });
  expect(created.keptInKeychain).toBe(false);
  return { tokenId: created.token.id, secret: created.secret };
}

describe('the memory of show-once secrets', () => {
  const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'] as const;

  it('drops a secret when its timer fires, even while the clock says it is still young', () => {
    const timers = manualTimers();
    const shown = createShownSecrets(movableClock(), timers);
    shown.remember(ids[0], 'tok1', 'secret-one');
    expect(timers.pending()).toEqual([SHOWN_SECRET_TTL_MS]);
    expect(shown.recall(ids[0], 'tok1')).toBe('secret-one');

    timers.fireAll();
    expect(shown.size()).toBe(0);
    expect(shown.recall(ids[0], 'tok1')).toBeNull();
  });

  it('keeps one timer per secret: showing it again replaces the older entry and its timer', () => {
    const timers = manualTimers();
    const shown = createShownSecrets(movableClock(), timers);
    shown.remember(ids[0], 'tok1', 'first');
    shown.remember(ids[0], 'tok1', 'second');
    expect(timers.pending()).toHaveLength(1);
    expect(shown.recall(ids[0], 'tok1')).toBe('second');
    shown.forget(ids[0], 'tok1');
    expect(timers.pending()).toEqual([]);
    expect(shown.size()).toBe(0);
  });

  it('refuses a secret older than ten minutes by the clock too (a machine that slept through the timer)', () => {
    const clock = movableClock();
    const shown = createShownSecrets(clock, manualTimers());
    shown.remember(ids[0], 'tok1', 'secret-one');
    clock.advance(SHOWN_SECRET_TTL_MS - 1);
    expect(shown.recall(ids[0], 'tok1')).toBe('secret-one');
    clock.advance(1);
    expect(shown.recall(ids[0], 'tok1')).toBeNull();
    expect(shown.size()).toBe(0);
  });

  it('drops every secret of one profile and none of another', () => {
    const timers = manualTimers();
    const shown = createShownSecrets(movableClock(), timers);
    shown.remember(ids[0], 'tok1', 'a');
    shown.remember(ids[0], 'tok2', 'b');
    shown.remember(ids[1], 'tok1', 'c');
    shown.forgetProfile(ids[0]);
    expect(shown.size()).toBe(1);
    expect(timers.pending()).toHaveLength(1);
    expect(shown.recall(ids[1], 'tok1')).toBe('c');
    shown.clear();
    expect(shown.size()).toBe(0);
    expect(timers.pending()).toEqual([]);
  });
});

describe('a secret shown once and not kept', () => {
  it('is copyable until its timer fires, then main no longer holds it', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await unkeptToken(h, 'Timed out');
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' });
    expect(h.clipboard.text).toBe(secret);
    expect(h.core.services.shownSecrets.size()).toBe(1);
    expect(h.timers.pending()).toContain(SHOWN_SECRET_TTL_MS);

    h.timers.fireAll();
    expect(h.core.services.shownSecrets.size()).toBe(0);
    await expect(
      h.fails('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' }),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is not held in memory at all when the keychain keeps it', async () => {
    const h = await tokenHarness(sim, secrets);
    await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Kept'),
      keepSecret: true,
    });
    expect(h.core.services.shownSecrets.size()).toBe(0);
    expect(h.timers.pending()).toEqual([]);
  });

  it('leaves memory when its profile gets another credential', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await unkeptToken(h, 'Credential replaced');
    await h.ok('profiles.replaceCredential', {
      profileId: h.profile.id,
      credential: credentialInput(sim.credential('alice-manager')),
    });
    expect(h.core.services.shownSecrets.size()).toBe(0);
    expect(h.timers.pending()).toEqual([]);
    await expect(
      h.fails('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' }),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('leaves memory when its profile is removed, while another profile keeps its own', async () => {
    const h = await tokenHarness(sim, secrets);
    await unkeptToken(h, 'Profile removed');
    const other = await h.ok('profiles.add', {
      label: 'Other',
      credential: credentialInput(sim.credential('alice-global-key')),
      baseUrl: sim.baseUrl,
    });
    await h.ok('sync.start', { profileId: other.id });
    const kept = await h.ok('tokens.create', {
      profileId: other.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Other profile'),
      keepSecret: false,
    });
    expect(h.core.services.shownSecrets.size()).toBe(2);

    await h.ok('profiles.remove', { profileId: h.profile.id });
    expect(h.core.services.shownSecrets.size()).toBe(1);
    expect(h.core.services.shownSecrets.recall(other.id, kept.token.id)).toBe(kept.secret);
  });

  it('leaves memory, with its timer, when the core closes', async () => {
    const h = await tokenHarness(sim, secrets);
    await unkeptToken(h, 'Closed');
    expect(h.core.services.shownSecrets.size()).toBe(1);
    h.core.close();
    expect(h.core.services.shownSecrets.size()).toBe(0);
    expect(h.timers.pending()).toEqual([]);
  });
});
