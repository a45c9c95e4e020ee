/**
 * SECURITY.md 26: replies are checked the same way in tests and in the packaged app, and an
 * extra reply field holding a secret never reaches the renderer.
 *
 * Each test plants an undeclared field holding a canary secret in a real handler's reply — the
 * profile credential added to a profile, a field deep inside a token's detail, a second secret
 * next to a show-once one — and sees the reply turned into INTERNAL, with the canary neither in
 * the serialized reply nor in anything the core logged (the raw log fields, before the file
 * logger's scrubbing).
 */
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { CoreOptions } from '../../src/main/core';
import { UNCHECKED_REPLY } from '../../src/main/core/dispatch';
import type { Logger } from '../../src/main/core/ports';
import type { Profile } from '../../src/shared/domain';
import type { Result } from '../../src/shared/errors';
import { startTestSimulator } from '../support/test-simulator';
import { closeAllCores, makeCore, type Harness } from '../core/support/core-harness';
import { addProfile, call } from '../core/support/sim-profiles';
import { dnsDraft } from '../core/support/token-harness';

const sim = await startTestSimulator({ scenario: 'demo' });

afterEach(() => {
  vi.restoreAllMocks();
  closeAllCores();
});

/** A logger that keeps every line with its raw fields. */
function recordingLogger(): Logger & { lines: unknown[] } {
  const lines: unknown[] = [];
  const record =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void =>
      void lines.push({ level, message, fields });
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

async function setUp(): Promise<{
  h: Harness;
  profile: Profile;
  logger: ReturnType<typeof recordingLogger>;
}> {
  const logger = recordingLogger();
  const h = makeCore({ logger });
  const profile = await addProfile(h.core, sim, 'alice-manager');
  await call(h.core, 'sync.start', { profileId: profile.id });
  return { h, profile, logger };
}

/** The reply is INTERNAL with the fixed message, and no canary is in it or in the log. */
function expectBlocked(reply: Result<unknown>, logger: { lines: unknown[] }, canaries: string[]): void {
  expect(reply).toEqual({ ok: false, error: UNCHECKED_REPLY });
  expect(UNCHECKED_REPLY).toMatchObject({
    key: 'errors.input.uncheckedReply',
    message: expect.stringMatching(/could not check/u),
  });
  const logged = JSON.stringify(logger.lines);
  expect(logged).toContain('a channel reply does not match its output schema');
  for (const canary of canaries) {
    expect(JSON.stringify(reply)).not.toContain(canary);
    expect(logged).not.toContain(canary);
  }
}

describe('a reply with a field the contract does not declare', () => {
  const credential = sim.credential('alice-manager').secret;
  // Not shaped like a secret, so only the dispatcher (not the log scrubber) can keep it out.
  const plainCanary = 'canary-plain-value';

  it('is refused when a handler adds the profile credential to a profile', async () => {
    const { h, logger } = await setUp();
    const list = h.core.services.profiles.list.bind(h.core.services.profiles);
    vi.spyOn(h.core.services.profiles, 'list').mockImplementation(() =>
      list().map((profile) => ({ ...profile, credential, note: plainCanary })),
    );
    const reply = await h.core.dispatch('profiles.list', {});
    expectBlocked(reply, logger, [credential, plainCanary]);
    expect(JSON.stringify(logger.lines)).toContain('unrecognized_keys credential,note');
  });

  it('is refused when the field hides deep inside a token detail', async () => {
    const { h, profile, logger } = await setUp();
    const { inventory } = h.core.services;
    const token = inventory.token.bind(inventory);
    vi.spyOn(inventory, 'token').mockImplementation((profileId, tokenId) => {
      const detail = token(profileId, tokenId);
      const [first, ...rest] = detail.policies;
      if (!first) throw new Error('the demo token has a policy');
      return { ...detail, policies: [{ ...first, secret: credential }, ...rest] };
    });
    const tokenId = sim.credential('alice-manager').tokenId;
    const reply = await h.core.dispatch('tokens.get', { profileId: profile.id, tokenId });
    expectBlocked(reply, logger, [credential]);
  });

  it('is refused next to a show-once secret, the one reply allowed to carry a secret', async () => {
    const { h, profile, logger } = await setUp();
    const { tokens } = h.core.services;
    const create = tokens.create.bind(tokens);
    vi.spyOn(tokens, 'create').mockImplementation(async (input) => ({
      ...(await create(input)),
      profileCredential: credential,
    }));
    const reply = await h.core.dispatch('tokens.create', {
      profileId: profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Leaky create'),
      keepSecret: true,
    });
    expectBlocked(reply, logger, [credential]);
  });

  it('passes when it matches its schema exactly, so the check costs the user nothing', async () => {
    const { h, profile, logger } = await setUp();
    const reply = await h.core.dispatch('profiles.list', {});
    expect(reply).toMatchObject({ ok: true, value: [{ id: profile.id }] });
    expect(JSON.stringify(logger.lines)).not.toContain('does not match its output schema');
  });

  it('is checked by every core: there is no option to turn the check off', () => {
    expectTypeOf<CoreOptions>().not.toHaveProperty('validateOutput');
  });
});
