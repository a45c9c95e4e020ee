/**
 * tokens.update and tokens.setStatus: one PUT with the whole token, the cache and history updated
 * from its answer, nothing lost that Keyflare cannot edit, and every failure path reported with
 * the exact uncertainty.
 */
import { describe, expect, it } from 'vitest';
import type { TokenDraft } from '../../../src/shared/domain';
import type { TokenSnapshot } from '../../../src/sandbox';
import { startTestSimulator } from '../../support/test-simulator';
import {
  DEMO,
  dnsDraft,
  groupId,
  movableClock,
  outsideCall,
  requests,
  tokenHarness,
  type TokenHarness,
  useTokenSuite,
} from '../support/token-harness';
import { englishMessage } from '../../../src/shared/i18n/english-message';

const { sim, secrets } = await useTokenSuite();

const PUT_USER_TOKEN = ['PUT', '/user/tokens/{token_id}'] as const;
const ALICE_DENY = 'a1a10000000000000000000000000007';
const ALICE_MANAGER = 'a1a10000000000000000000000000001';

async function createdToken(h: TokenHarness, name: string): Promise<string> {
  const created = await h.ok('tokens.create', {
    profileId: h.profile.id,
    owner: { kind: 'user' },
    draft: dnsDraft(sim, name),
    keepSecret: true,
  });
  sim.control.resetLog();
  return created.token.id;
}

function editedDraft(name: string): TokenDraft {
  return {
    name,
    policies: [
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'DNS Write', 'zone')],
        resources: [{ type: 'zone', zoneId: DEMO.acmeIo, include: true }],
      },
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'Zone Read', 'zone')],
        resources: [
          { type: 'account_zones', accountId: DEMO.acme, include: true },
          { type: 'zone', zoneId: DEMO.acmeCom, include: false },
        ],
      },
    ],
    requestIp: { in: ['198.51.100.0/24'], notIn: [] },
    notBefore: null,
    expiresOn: new Date(Date.now() + 90 * 86_400_000).toISOString(),
  };
}

describe('editing a token', () => {
  it('PUTs the whole definition once and updates the list and history from the answer', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Before edit');
    const draft = editedDraft('After edit');
    const row = await h.ok('tokens.update', { profileId: h.profile.id, tokenId, draft });

    expect(requests(sim, ...PUT_USER_TOKEN)).toHaveLength(1);
    const stored = sim.state.token(tokenId);
    expect(stored).toMatchObject({
      name: 'After edit',
      status: 'active',
      requestIp: { in: ['198.51.100.0/24'], not_in: [] },
    });
    expect(stored?.expires_on).toBe(draft.expiresOn?.replace(/\.\d{3}Z$/u, 'Z'));
    // The exclusion is written as an allow + deny pair, as the dashboard does.
    expect(stored?.policies.map((p) => p.effect).sort()).toEqual(['allow', 'allow', 'deny']);
    expect(row).toMatchObject({
      name: 'After edit',
      secretKept: true,
      ipFilterSummary: 'only from 198.51.100.0/24',
    });
    expect([...row.permissionNames].sort()).toEqual(['DNS Write', 'Zone Read']);

    const history = await h.ok('tokens.history', { profileId: h.profile.id, tokenId });
    expect(
      history
        .filter((e) => e.source === 'keyflare')
        .map((e) => e.kind)
        .sort(),
    ).toEqual(['created', 'modified', 'policies_changed']);
    // One line names every field that changed, in order, in the catalogue's words.
    const modified = history.find((e) => e.kind === 'modified')?.message ?? { key: '' };
    expect(modified).toMatchObject({ key: 'history.modified', params: { name: 'yes', to: 'After edit' } });
    expect(englishMessage(modified)).toMatch(
      /^name ".+" -> "After edit"; expiry changed; IP filter changed$/u,
    );
  });

  it('keeps the token’s current status (a disabled token stays disabled)', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Disabled then edited');
    await h.ok('tokens.setStatus', { profileId: h.profile.id, tokenId, status: 'disabled' });
    const row = await h.ok('tokens.update', {
      profileId: h.profile.id,
      tokenId,
      draft: editedDraft('Still disabled'),
    });
    expect(row.status).toBe('disabled');
    expect(sim.state.token(tokenId)).toMatchObject({ name: 'Still disabled', status: 'disabled' });
  });

  it('reads the token again first (a read may retry) but never sends the PUT twice', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Retry the read');
    sim.control.injectFault({
      kind: 'server_error',
      status: 503,
      method: 'GET',
      path: '/user/tokens/{token_id}',
    });
    await h.ok('tokens.update', { profileId: h.profile.id, tokenId, draft: editedDraft('Read retried') });
    expect(requests(sim, 'GET', '/user/tokens/{token_id}').map((e) => e.status)).toEqual([503, 200]);
    expect(requests(sim, ...PUT_USER_TOKEN)).toHaveLength(1);
  });

  it('refuses to overwrite a change made outside Keyflare since the last sync, and shows it', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Edited twice');
    const current = sim.state.token(tokenId);
    await outsideCall(sim, sim.credential('alice-manager').secret, 'PUT', `/user/tokens/${tokenId}`, {
      name: 'Renamed in the dashboard',
      policies: current?.policies.map((p) => ({
        effect: p.effect,
        permission_groups: p.permission_groups,
        resources: p.resources,
      })),
    });
    sim.control.resetLog();

    const error = await h.fails('tokens.update', {
      profileId: h.profile.id,
      tokenId,
      draft: editedDraft('Mine'),
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('was changed outside Keyflare since the last sync');
    expect(requests(sim, 'PUT')).toEqual([]);
    await expect(h.row(tokenId)).resolves.toMatchObject({ name: 'Renamed in the dashboard' });
  });

  it('refuses, before sending, an edit that would drop what its draft cannot hold', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Has an R2 bucket');
    const bucketGroup = sim.state
      .permissionGroups()
      .find((g) => g.scopes.includes('com.cloudflare.edge.r2.bucket'));
    const current = sim.state.token(tokenId);
    await outsideCall(sim, sim.credential('alice-manager').secret, 'PUT', `/user/tokens/${tokenId}`, {
      name: 'Has an R2 bucket',
      policies: [
        ...(current?.policies.map((p) => ({
          effect: p.effect,
          permission_groups: p.permission_groups,
          resources: p.resources,
        })) ?? []),
        {
          effect: 'allow',
          permission_groups: [{ id: bucketGroup?.id }],
          resources: { [`com.cloudflare.edge.r2.bucket.${DEMO.acme}_default_logs`]: '*' },
        },
      ],
    });
    await h.ok('sync.start', { profileId: h.profile.id });
    sim.control.resetLog();
    const error = await h.fails('tokens.update', {
      profileId: h.profile.id,
      tokenId,
      draft: editedDraft('Would drop the bucket'),
    });
    expect(error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('R2 bucket') });
    expect(requests(sim, 'PUT')).toEqual([]);
  });
});

describe('enabling and disabling', () => {
  it('sends the full current token with the new status, so nothing else changes', async () => {
    const h = await tokenHarness(sim, secrets);
    const before = sim.state.token(ALICE_DENY);
    const disabled = await h.ok('tokens.setStatus', {
      profileId: h.profile.id,
      tokenId: ALICE_DENY,
      status: 'disabled',
    });

    expect(requests(sim, ...PUT_USER_TOKEN)).toHaveLength(1);
    const after = sim.state.token(ALICE_DENY);
    expect(after?.status).toBe('disabled');
    // Same policies (ids, nested resources, the deny), same dates and IP filter; order is not meaning.
    const normalized = (policies: TokenSnapshot['policies']): TokenSnapshot['policies'] =>
      [...policies]
        .map((p) => ({
          ...p,
          permission_groups: [...p.permission_groups].sort((a, b) => a.id.localeCompare(b.id)),
        }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(normalized(after?.policies ?? [])).toEqual(normalized(before?.policies ?? []));
    expect(after?.policies).toHaveLength(2);
    expect([after?.not_before, after?.expires_on, after?.requestIp]).toEqual([
      before?.not_before,
      before?.expires_on,
      before?.requestIp,
    ]);
    expect(disabled.status).toBe('disabled');
    const history = await h.ok('tokens.history', { profileId: h.profile.id, tokenId: ALICE_DENY });
    expect(history[0]).toMatchObject({
      kind: 'status_changed',
      source: 'keyflare',
      message: { key: 'history.statusChanged', params: { from: 'active', to: 'disabled' } },
    });

    const enabled = await h.ok('tokens.setStatus', {
      profileId: h.profile.id,
      tokenId: ALICE_DENY,
      status: 'active',
    });
    expect(enabled.status).toBe('active');
    expect(sim.state.token(ALICE_DENY)?.status).toBe('active');
  });

  it('refuses to disable the profile’s own credential, sending nothing', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const error = await h.fails('tokens.setStatus', {
      profileId: h.profile.id,
      tokenId: ALICE_MANAGER,
      status: 'disabled',
    });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('would lock Keyflare out'),
    });
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('refuses to enable an expired token', async () => {
    const clock = movableClock();
    const clocked = await startTestSimulator({ scenario: 'demo', now: () => clock.now() });
    const h = await tokenHarness(clocked, secrets, { clock });
    const soon = new Date(clock.now().getTime() + 86_400_000).toISOString();
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: { ...dnsDraft(clocked, 'Expires tomorrow'), expiresOn: soon },
      keepSecret: false,
    });
    clock.advance(2 * 86_400_000);
    clocked.control.resetLog();
    const error = await h.fails('tokens.setStatus', {
      profileId: h.profile.id,
      tokenId: created.token.id,
      status: 'active',
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'An expired token cannot be enabled: edit its expiry date instead. Nothing was changed.',
    });
    expect(requests(clocked, 'PUT')).toEqual([]);
    await expect(h.row(created.token.id)).resolves.toMatchObject({ status: 'expired' });
  });
});

describe('an edit or status change that fails', () => {
  it('reports a 503 on the PUT as UNCERTAIN, sent once, and leaves the cache as it was', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Unlucky edit');
    const fault = sim.control.injectFault({
      kind: 'server_error',
      status: 503,
      method: 'PUT',
      path: '/user/tokens/{token_id}',
      times: 'always',
    });
    const error = await h.fails('tokens.update', {
      profileId: h.profile.id,
      tokenId,
      draft: editedDraft('Maybe saved'),
    });
    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'update', status: 503 } });
    expect(error.message).toMatch(/^The change may have been saved: sync to check\./u);
    expect(fault.matched()).toBe(1);
    await expect(h.row(tokenId)).resolves.toMatchObject({ name: 'Unlucky edit' });
  });

  it('reports a reset or a timeout on a status change as UNCERTAIN after one PUT', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Unlucky toggle');
    for (const fault of [{ kind: 'reset' as const }, { kind: 'hang' as const, ms: 4000 }]) {
      const injected = sim.control.injectFault({ ...fault, method: 'PUT', path: '/user/tokens/{token_id}' });
      const error = await h.fails('tokens.setStatus', {
        profileId: h.profile.id,
        tokenId,
        status: 'disabled',
      });
      expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'setStatus' } });
      expect(error.message).toMatch(/^The status change may have been saved: sync to check\./u);
      expect(injected.matched()).toBe(1);
      injected.remove();
    }
    await expect(h.row(tokenId)).resolves.toMatchObject({ status: 'active' });
  });

  it('reports a rate limit as RATE_LIMITED with retryAt, holding the PUT back once Cloudflare says the budget is spent', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Rate limited edit');
    sim.control.setRateLimit({ limit: 2, windowMs: 120_000 });
    await outsideCall(sim, sim.credential('alice-manager').secret, 'GET', '/user/tokens/verify');
    sim.control.resetLog();
    // The fresh read spends the last request of the window (Cloudflare's Ratelimit header says so).
    const error = await h.fails('tokens.update', {
      profileId: h.profile.id,
      tokenId,
      draft: editedDraft('Too fast'),
    });
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAt: expect.any(String) } });
    expect(error.message).toMatch(/^Nothing was changed\./u);
    expect(requests(sim, 'GET', '/user/tokens/{token_id}')).toHaveLength(1);
    expect(requests(sim, ...PUT_USER_TOKEN)).toEqual([]);
    expect(sim.state.token(tokenId)?.name).toBe('Rate limited edit');
  });

  it('reports Cloudflare’s 400 as VALIDATION and a token deleted elsewhere as NOT_FOUND', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await createdToken(h, 'Refused edit');
    h.core.context
      .db()
      .prepare(
        "INSERT INTO permission_groups (profile_id, source, account_id, id, scope, name) VALUES (?, 'user', '', ?, ?, 'Retired Write')",
      )
      .run(h.profile.id, 'dead0000000000000000000000000000', 'com.cloudflare.api.account.zone');
    const stale = editedDraft('Stale');
    stale.policies[0] = { ...stale.policies[0]!, permissionGroupIds: ['dead0000000000000000000000000000'] };
    const refused = await h.fails('tokens.update', { profileId: h.profile.id, tokenId, draft: stale });
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^Nothing was changed\. Cloudflare refused the request/u),
    });
    expect(requests(sim, ...PUT_USER_TOKEN)).toHaveLength(1);

    await outsideCall(sim, sim.credential('alice-manager').secret, 'DELETE', `/user/tokens/${tokenId}`);
    sim.control.resetLog();
    const gone = await h.fails('tokens.setStatus', { profileId: h.profile.id, tokenId, status: 'disabled' });
    expect(gone).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^Nothing was changed\./u),
    });
    expect(requests(sim, 'PUT')).toEqual([]);
  });
});
