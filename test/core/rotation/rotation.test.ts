/**
 * Rotate with overlap, against the simulator: the new token is created once and its secret shown
 * once, the old token is untouched until the user confirms, then disabled or deleted once;
 * history links both; an interruption at either write leaves a rotation that says what is
 * unknown, survives a restart, and resumes with reads only.
 */
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  dispatchOk,
  keptToken,
  outsideCall,
  tokenHarness,
  useTokenSuite,
  type TokenHarness,
} from '../support/token-harness';
import { makeCore } from '../support/core-harness';
import { englishMessage } from '../../../src/shared/i18n/english-message';

const { sim, secrets } = await useTokenSuite();

const WRITES = ['POST', 'PUT', 'DELETE', 'PATCH'];
function writes(): string[] {
  return sim.control
    .requestLog()
    .filter((entry) => WRITES.includes(entry.method))
    .map((entry) => `${entry.method} ${entry.path}`);
}

async function verifies(secret: string): Promise<boolean> {
  const reply = await outsideCall(sim, secret, 'GET', '/user/tokens/verify');
  return reply.status === 200;
}

async function started(h: TokenHarness, name = 'CI deploy') {
  const old = await keptToken(h, name);
  const reply = await h.ok('rotation.start', {
    profileId: h.profile.id,
    tokenId: old.tokenId,
    keepSecret: true,
  });
  return { old, reply };
}

describe('rotate with overlap', () => {
  it('creates the duplicate once, keeps the old token working until confirmed, then deletes it once', async () => {
    const h = await tokenHarness(sim, secrets);
    const { old, reply } = await started(h);
    const { rotation, created } = reply;
    expect(writes()).toEqual(['POST /client/v4/user/tokens']);
    expect(rotation).toMatchObject({
      state: 'awaiting_confirmation',
      oldTokenId: old.tokenId,
      newTokenId: created.token.id,
      uncertain: false,
      secretLost: false,
    });
    expect(created).toMatchObject({ keptInKeychain: true, token: { name: 'CI deploy', secretKept: true } });
    // Both work during the overlap.
    expect(await verifies(old.secret)).toBe(true);
    expect(await verifies(created.secret)).toBe(true);
    // The duplicate grants exactly what the old token grants.
    const [before, after] = [await h.row(old.tokenId), await h.row(created.token.id)];
    expect([after.permissionsSummary, after.resourcesSummary]).toEqual([
      before.permissionsSummary,
      before.resourcesSummary,
    ]);

    sim.control.resetLog();
    const done = await h.ok('rotation.retire', {
      rotationId: rotation.id,
      action: 'delete',
      confirmed: true,
    });
    expect(done).toMatchObject({ state: 'done', retireAction: 'delete', uncertain: false });
    expect(writes()).toEqual([`DELETE /client/v4/user/tokens/${old.tokenId}`]);
    expect(await verifies(old.secret)).toBe(false);
    expect(await verifies(created.secret)).toBe(true);

    const oldHistory = await h.ok('tokens.history', { profileId: h.profile.id, tokenId: old.tokenId });
    const newHistory = await h.ok('tokens.history', { profileId: h.profile.id, tokenId: created.token.id });
    expect(oldHistory.filter((e) => e.kind === 'rotation').map((e) => englishMessage(e.message))).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`will replace this token`),
        expect.stringContaining(
          `rotation finished: deleted; “CI deploy” (${created.token.id}) replaced this token`,
        ),
      ]),
    );
    expect(newHistory.filter((e) => e.kind === 'rotation').map((e) => englishMessage(e.message))).toEqual(
      expect.arrayContaining([expect.stringContaining(`created to replace “CI deploy” (${old.tokenId})`)]),
    );
    expect(await h.ok('rotation.list', { tokenId: created.token.id })).toEqual([done]);
  });

  it('disables the old token instead when asked, with one write', async () => {
    const h = await tokenHarness(sim, secrets);
    const { old, reply } = await started(h);
    sim.control.resetLog();
    await h.ok('rotation.retire', { rotationId: reply.rotation.id, action: 'disable', confirmed: true });
    expect(writes()).toEqual([`PUT /client/v4/user/tokens/${old.tokenId}`]);
    expect((await h.row(old.tokenId)).status).toBe('disabled');
  });

  it('refuses a second rotation of the same token while one is open, and retiring twice', async () => {
    const h = await tokenHarness(sim, secrets);
    const { old, reply } = await started(h);
    sim.control.resetLog();
    const again = await h.fails('rotation.start', {
      profileId: h.profile.id,
      tokenId: old.tokenId,
      keepSecret: false,
    });
    expect(again.code).toBe('CONFLICT');
    await h.ok('rotation.retire', { rotationId: reply.rotation.id, action: 'disable', confirmed: true });
    const twice = await h.fails('rotation.retire', {
      rotationId: reply.rotation.id,
      action: 'delete',
      confirmed: true,
    });
    expect(twice.code).toBe('CONFLICT');
    expect(writes()).toHaveLength(1);
  });

  it('cancels while waiting: the new token stays and the old one is untouched', async () => {
    const h = await tokenHarness(sim, secrets);
    const { old, reply } = await started(h);
    sim.control.resetLog();
    const cancelled = await h.ok('rotation.cancel', { rotationId: reply.rotation.id });
    expect(cancelled.state).toBe('cancelled');
    expect(englishMessage(cancelled.message)).toContain('stays');
    expect(writes()).toEqual([]);
    expect(await verifies(old.secret)).toBe(true);
  });

  it('a lost create reply, then a restart: the rotation says it does not know, and resume finds the token by reading', async () => {
    const h = await tokenHarness(sim, secrets);
    const old = await keptToken(h, 'Lost reply');
    sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      method: 'POST',
      path: '/user/tokens',
      phase: 'after',
    });
    const error = await h.fails('rotation.start', {
      profileId: h.profile.id,
      tokenId: old.tokenId,
      keepSecret: true,
    });
    expect(error.code).toBe('UNCERTAIN');
    expect(writes()).toEqual(['POST /client/v4/user/tokens']);
    h.core.close();

    // A new core on the same data folder, as after quitting the app.
    const again = makeCore({
      dataDir: h.dataDir,
      secrets,
      cloudflare: { timeoutMs: 1500, backoffBaseMs: 5 },
    });
    const [waiting] = await dispatchOk(again.core, 'rotation.list', { tokenId: old.tokenId });
    expect(waiting).toMatchObject({ state: 'creating', uncertain: true, newTokenId: null });
    expect(englishMessage(waiting?.message ?? { key: '' })).toContain('does not know whether the new token');

    sim.control.resetLog();
    const resumed = await dispatchOk(again.core, 'rotation.resume', { rotationId: waiting?.id ?? 0 });
    expect(resumed).toMatchObject({ state: 'awaiting_confirmation', secretLost: true, uncertain: false });
    expect(englishMessage(resumed.message)).toContain('roll the new token');
    const found = sim.state.tokens({ userId: DEMO.alice }).filter((token) => token.name === 'Lost reply');
    expect(found.map((token) => token.id).sort()).toEqual([old.tokenId, resumed.newTokenId].sort());
    expect(writes()).toEqual([]);
  });

  it('a clear refusal of the create leaves no rotation behind', async () => {
    const h = await tokenHarness(sim, secrets);
    const old = await keptToken(h, 'Refused');
    sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      method: 'POST',
      path: '/user/tokens',
      phase: 'before',
      times: 'always',
    });
    // A 5xx before the operation is still UNCERTAIN to Keyflare (it cannot tell): the row stays.
    expect(
      (await h.fails('rotation.start', { profileId: h.profile.id, tokenId: old.tokenId, keepSecret: false }))
        .code,
    ).toBe('UNCERTAIN');
    sim.control.clearFaults();
    const [open] = await h.ok('rotation.list', { tokenId: old.tokenId });
    sim.control.resetLog();
    const resumed = await h.ok('rotation.resume', { rotationId: open?.id ?? 0 });
    expect(resumed.state).toBe('cancelled');
    expect(englishMessage(resumed.message)).toContain('nothing was created');
    expect(writes()).toEqual([]);
    // Nothing open any more: a new rotation may start.
    await h.ok('rotation.start', { profileId: h.profile.id, tokenId: old.tokenId, keepSecret: false });
  });

  it('a lost retire reply: resume reads the old token and finishes without sending the delete again', async () => {
    const h = await tokenHarness(sim, secrets);
    const { old, reply } = await started(h);
    sim.control.resetLog();
    sim.control.injectFault({
      kind: 'reset',
      method: 'DELETE',
      path: `/user/tokens/${old.tokenId}`,
      phase: 'after',
    });
    const error = await h.fails('rotation.retire', {
      rotationId: reply.rotation.id,
      action: 'delete',
      confirmed: true,
    });
    expect(error.code).toBe('UNCERTAIN');
    const [uncertain] = await h.ok('rotation.list', { tokenId: old.tokenId });
    expect(uncertain).toMatchObject({ state: 'retiring', uncertain: true });
    const resumed = await h.ok('rotation.resume', { rotationId: reply.rotation.id });
    expect(resumed.state).toBe('done');
    expect(writes()).toEqual([`DELETE /client/v4/user/tokens/${old.tokenId}`]);
  });
});
