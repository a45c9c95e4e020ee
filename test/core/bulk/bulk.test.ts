/**
 * Bulk actions against the simulator: the plan says exactly what will be sent, per profile and
 * account, and sends nothing; the run sends each write once through the token operations, reports
 * progress and a result per token, words a partial failure (done, failed, may have happened),
 * stops sending for a profile that is rate limited, and "enable again" undoes a disable.
 */
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { BulkRun } from '../../../src/shared/bulk/bulk-schemas';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import {
  DEMO,
  keptToken,
  outsideCall,
  requests,
  tokenHarness,
  useTokenSuite,
  type TokenHarness,
} from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

const MANAGER = 'a1a10000000000000000000000000001';
const EXPIRED = 'a1a10000000000000000000000000004';

function refs(h: TokenHarness, ids: string[]): { profileId: string; tokenId: string }[] {
  return ids.map((tokenId) => ({ profileId: h.profile.id, tokenId }));
}

function outcomes(run: BulkRun): Record<string, string> {
  return Object.fromEntries(run.results.map((r) => [r.token.name, r.outcome]));
}

describe('bulk actions', () => {
  it('plans per profile and account, says what is left out and why, and sends nothing', async () => {
    const h = await tokenHarness(sim, secrets);
    const a = (await keptToken(h, 'Bulk A')).tokenId;
    const b = (await keptToken(h, 'Bulk B')).tokenId;
    const c = (await keptToken(h, 'Bulk C', { accountId: DEMO.acme })).tokenId;
    await h.ok('tokens.setStatus', { profileId: h.profile.id, tokenId: a, status: 'disabled' });
    sim.control.resetLog();

    const plan = await h.ok('bulk.plan', {
      action: 'disable',
      tokens: refs(h, [a, b, c, MANAGER, EXPIRED]),
    });
    expect(
      plan.groups.map((g) => [
        g.accountName,
        g.send.map((t) => t.name),
        g.skip.map((s) => `${s.token.name}: ${s.reason.key}`),
      ]),
    ).toEqual([
      [
        null,
        ['Bulk B'],
        [
          'Bulk A: outcomes.bulk.skip.alreadyDisabled',
          'Keyflare manager (alice): outcomes.bulk.skip.ownCredentialDisable',
          'CI token 2024: outcomes.bulk.skip.expiredDisable',
        ],
      ],
      // An account's group carries its name as data; each face words "account Acme Corp".
      ['Acme Corp', ['Bulk C'], []],
    ]);
    expect(plan).toMatchObject({ sendCount: 2, skipCount: 3 });
    expect(plan.summary).toEqual({
      key: 'outcomes.bulk.plan.send',
      params: { action: 'disable', count: 2, profiles: 1, skipped: 3 },
    });
    expect(englishMessage(plan.summary)).toBe(
      'Disable 2 tokens: 2 requests to Cloudflare, each sent once. 3 tokens are left out.',
    );
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('sends each write once with progress, then enables again what it disabled', async () => {
    const h = await tokenHarness(sim, secrets);
    const b = (await keptToken(h, 'Bulk B')).tokenId;
    const c = (await keptToken(h, 'Bulk C', { accountId: DEMO.acme })).tokenId;
    sim.control.resetLog();
    h.events.length = 0;

    const run = await h.ok('bulk.run', {
      action: 'disable',
      tokens: refs(h, [b, c, MANAGER]),
      confirmed: true,
    });
    expect(outcomes(run)).toEqual({
      'Bulk B': 'done',
      'Bulk C': 'done',
      'Keyflare manager (alice)': 'skipped',
    });
    expect(run.summary.map(englishMessage).join(' ')).toBe('2 tokens disabled. 1 token left out.');
    expect(requests(sim, 'PUT')).toHaveLength(2);
    expect(sim.state.token(b)?.status).toBe('disabled');
    expect(sim.state.token(c)?.status).toBe('disabled');
    const progress = h.events
      .filter((e) => e.event === 'bulk.progress')
      .map((e) => e.payload as { done: number; total: number });
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['1/2', '2/2']);
    expect((await h.row(b)).status).toBe('disabled');

    const again = await h.ok('bulk.run', {
      action: 'enable',
      tokens: refs(h, [b, c]),
      confirmed: true,
    });
    expect(again.counts).toMatchObject({ done: 2, failed: 0 });
    expect(sim.state.token(b)?.status).toBe('active');
    expect(sim.state.token(c)?.status).toBe('active');
  });

  it('words a partial failure: which succeeded, which failed, which may have happened, never retried', async () => {
    const h = await tokenHarness(sim, secrets);
    const ok = (await keptToken(h, 'Goes through')).tokenId;
    const lost = (await keptToken(h, 'Answer lost')).tokenId;
    const gone = (await keptToken(h, 'Deleted elsewhere')).tokenId;
    await outsideCall(sim, sim.credential('alice-manager').secret, 'DELETE', `/user/tokens/${gone}`);
    const fault = sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      method: 'PUT',
      path: new RegExp(`/user/tokens/${lost}$`, 'u'),
      times: 'always',
      phase: 'after',
    });
    sim.control.resetLog();

    const run = await h.ok('bulk.run', {
      action: 'disable',
      tokens: refs(h, [ok, lost, gone]),
      confirmed: true,
    });
    expect(outcomes(run)).toEqual({
      'Goes through': 'done',
      'Answer lost': 'uncertain',
      'Deleted elsewhere': 'failed',
    });
    expect(run.summary.map((part) => part.key)).toEqual([
      'outcomes.bulk.run.done',
      'outcomes.bulk.run.failed',
      'outcomes.bulk.run.uncertain',
    ]);
    expect(run.summary.map(englishMessage).join(' ')).toBe(
      '1 token disabled. 1 token failed, nothing happened to it: “Deleted elsewhere”. ' +
        '1 token may have been disabled (Cloudflare did not confirm; sync to check, nothing is retried): “Answer lost”.',
    );
    const lostMessage = run.results.find((r) => r.token.name === 'Answer lost')?.message;
    expect(englishMessage(lostMessage ?? { key: '' })).toMatch(/may have been saved: sync to check/u);
    expect(fault.matched()).toBe(1);
    // One PUT each for the two Cloudflare still had; the read before the write found the third gone.
    expect(
      requests(sim, 'PUT')
        .map((e) => e.path.split('/').at(-1))
        .sort(),
    ).toEqual([ok, lost].sort());
  });

  it('stops sending for a profile Cloudflare rate-limits, and says which were not sent', async () => {
    const h = await tokenHarness(sim, secrets);
    const ids: string[] = [];
    for (const name of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6']) ids.push((await keptToken(h, name)).tokenId);
    sim.control.injectFault({ kind: 'too_many_requests', retryAfter: '120', method: 'PUT', times: 'always' });
    sim.control.resetLog();

    const run = await h.ok('bulk.run', {
      action: 'disable',
      tokens: refs(h, ids),
      confirmed: true,
    });
    expect(run.counts.done).toBe(0);
    expect(run.counts.failed + run.counts.notSent).toBe(6);
    expect(run.counts.notSent).toBeGreaterThan(0);
    expect(requests(sim, 'PUT').length).toBeLessThan(6);
    expect(run.results.filter((r) => r.outcome === 'failed').every((r) => r.code === 'RATE_LIMITED')).toBe(
      true,
    );
  });

  it('deletes at Cloudflare and from the keychain, and verifies only what has a kept secret', async () => {
    const h = await tokenHarness(sim, secrets);
    const doomed = (await keptToken(h, 'To delete')).tokenId;
    const checked = (await keptToken(h, 'To verify')).tokenId;
    const verify = await h.ok('bulk.run', {
      action: 'verify',
      tokens: refs(h, [checked, EXPIRED]),
      confirmed: true,
    });
    expect(outcomes(verify)).toEqual({ 'To verify': 'done', 'CI token 2024': 'skipped' });
    expect(verify.results[0]?.message).toMatchObject({ key: 'verify.outcome.active' });

    const run = await h.ok('bulk.run', {
      action: 'delete',
      tokens: refs(h, [doomed, MANAGER]),
      confirmed: true,
    });
    expect(outcomes(run)).toEqual({ 'To delete': 'done', 'Keyflare manager (alice)': 'skipped' });
    expect(sim.state.token(doomed)).toBeUndefined();
    await expect(secrets.get(tokenSecretAccount(h.profile.id, doomed))).resolves.toBeNull();
  });
});
