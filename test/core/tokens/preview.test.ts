/**
 * tokens.preview: the dry run shows the summary, the exact body, the endpoint (the create's, or an
 * edit's) and the warnings, names every invalid field, and sends nothing to Cloudflare.
 */
import { describe, expect, it } from 'vitest';
import type { TokenDraft } from '../../../src/shared/domain';
import { DEMO, groupId, requests, tokenHarness, useTokenSuite } from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

const expiry = new Date(Date.now() + 60 * 24 * 3600 * 1000);
expiry.setUTCHours(0, 0, 0, 0);
const expiryDay = expiry.toISOString().slice(0, 10);

function scopedDraft(): TokenDraft {
  return {
    name: 'CI deploy',
    policies: [
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'DNS Write', 'zone')],
        resources: [{ type: 'zone', zoneId: DEMO.acmeCom, include: true }],
      },
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'Zone Read', 'zone')],
        resources: [{ type: 'account_zones', accountId: DEMO.acme, include: true }],
      },
    ],
    requestIp: { in: ['203.0.113.0/24'], notIn: [] },
    notBefore: null,
    expiresOn: expiry.toISOString(),
  };
}

describe('preview', () => {
  it('shows the summary, the exact body and the endpoint, and sends nothing', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const preview = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: scopedDraft(),
    });

    expect(preview.summary).toBe(
      `DNS Write on zone acme.com; Zone Read on all zones in account Acme Corp; only from 203.0.113.0/24; expires ${expiryDay}`,
    );
    expect(preview.endpoint).toBe('POST /user/tokens');
    expect(preview.body).toEqual({
      name: 'CI deploy',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: groupId(sim, 'DNS Write', 'zone') }],
          resources: { [`com.cloudflare.api.account.zone.${DEMO.acmeCom}`]: '*' },
        },
        {
          effect: 'allow',
          permission_groups: [{ id: groupId(sim, 'Zone Read', 'zone') }],
          resources: {
            [`com.cloudflare.api.account.${DEMO.acme}`]: { 'com.cloudflare.api.account.zone.*': '*' },
          },
        },
      ],
      condition: { request_ip: { in: ['203.0.113.0/24'] } },
      expires_on: `${expiryDay}T00:00:00Z`,
    });
    expect(preview.warnings).toEqual([]);
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('sends exactly the previewed body when the same draft is created', async () => {
    const h = await tokenHarness(sim, secrets);
    const preview = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: scopedDraft(),
    });
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: scopedDraft(),
      keepSecret: false,
    });
    const stored = sim.state.token(created.token.id);
    expect(stored?.name).toBe('CI deploy');
    expect(stored?.requestIp).toEqual({ in: ['203.0.113.0/24'], not_in: [] });
    expect(stored?.expires_on).toBe((preview.body as { expires_on: string }).expires_on);
    // Cloudflare re-orders policies: compare what the row lists as a set.
    expect([...created.token.resourceNames].sort()).toEqual([
      'all zones in account Acme Corp',
      'zone acme.com',
    ]);
  });

  it('warns about the would-be token: broad writes, no IP filter, no expiry', async () => {
    const h = await tokenHarness(sim, secrets);
    const preview = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: {
        name: 'Everything',
        policies: [
          {
            effect: 'allow',
            permissionGroupIds: [groupId(sim, 'Zone Settings Write', 'zone')],
            resources: [{ type: 'all_zones', include: true }],
          },
        ],
        requestIp: { in: [], notIn: [] },
        notBefore: null,
        expiresOn: null,
      },
    });
    expect(preview.warnings.map((w) => w.kind)).toEqual(['broad_write', 'no_ip_filter', 'no_expiry']);
  });

  it('uses the account endpoint for an account-owned token', async () => {
    const h = await tokenHarness(sim, secrets);
    const preview = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: { ...scopedDraft(), policies: [scopedDraft().policies[0] ?? expect.fail('no policy')] },
    });
    expect(preview.endpoint).toBe(`POST /accounts/${DEMO.acme}/tokens`);
  });

  it('shows the edit’s endpoint when the preview is of an edit', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = '0123456789abcdef0123456789abcdef';
    const user = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: scopedDraft(),
      tokenId,
    });
    expect(user.endpoint).toBe(`PUT /user/tokens/${tokenId}`);
    const account = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: { ...scopedDraft(), policies: [scopedDraft().policies[0] ?? expect.fail('no policy')] },
      tokenId,
    });
    expect(account.endpoint).toBe(`PUT /accounts/${DEMO.acme}/tokens/${tokenId}`);
  });

  it('names each invalid field and sends nothing', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const error = await h.fails('tokens.preview', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: {
        ...scopedDraft(),
        policies: [
          {
            effect: 'allow',
            permissionGroupIds: [groupId(sim, 'DNS Write', 'zone')],
            resources: [{ type: 'zone', zoneId: DEMO.aliceDev, include: true }],
          },
        ],
        requestIp: { in: ['203.0.113.300/24'], notIn: [] },
        expiresOn: '2020-01-01T00:00:00Z',
      },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((issue) => issue.path)).toEqual([
      'policies.0.resources.0',
      'requestIp.in.0',
      'expiresOn',
    ]);
    expect(error.details?.issues?.[0]?.message).toContain('outside account Acme Corp');
    expect(requests(sim, 'POST')).toEqual([]);
    expect(sim.control.requestLog()).toEqual([]);
  });
});
