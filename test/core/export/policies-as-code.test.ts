/**
 * Policies as code through the contract, against the simulator: export (body, Terraform, recipe),
 * import, duplicate to another profile or account. Nothing here may send a request to Cloudflare
 * or hold a secret; the round trips must give back exactly what the token is.
 */
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { TokenDraft } from '../../../src/shared/domain';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import {
  DEMO,
  dnsDraft,
  groupId,
  outsideCall,
  tokenHarness,
  useTokenSuite,
  type TokenHarness,
} from '../support/token-harness';
import { credentialInput } from '../support/sim-profiles';

const { sim, secrets } = await useTokenSuite();

/** DNS Write on all zones except acme.io, Zone Read on Acme's zones, Analytics Read on alice.dev, an IP filter, an expiry. */
function richDraft(name: string): TokenDraft {
  return {
    name,
    policies: [
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'DNS Write', 'zone')],
        resources: [
          { type: 'all_zones', include: true },
          { type: 'zone', zoneId: DEMO.acmeIo, include: false },
        ],
      },
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'Zone Read', 'zone')],
        resources: [{ type: 'account_zones', accountId: DEMO.acme, include: true }],
      },
      {
        // Cloudflare's schema keeps nested and flat resources in separate policies.
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'Analytics Read', 'zone')],
        resources: [{ type: 'zone', zoneId: DEMO.aliceDev, include: true }],
      },
    ],
    requestIp: { in: ['203.0.113.0/24'], notIn: [] },
    notBefore: null,
    expiresOn: '2031-01-31T00:00:00Z',
  };
}

async function richToken(h: TokenHarness, name = 'Deploy bot'): Promise<string> {
  const created = await h.ok('tokens.create', {
    profileId: h.profile.id,
    owner: { kind: 'user' },
    draft: richDraft(name),
    keepSecret: true,
  });
  sim.control.resetLog();
  return created.token.id;
}

describe('export', () => {
  it('export body → import → preview gives the identical body, with nothing sent and no secret', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await richToken(h);
    const secret = (await secrets.list('')).length;
    const exported = await h.ok('export.tokens', {
      tokens: [{ profileId: h.profile.id, tokenId }],
      format: 'body',
    });
    expect(exported.fileName).toBe('deploy_bot.json');
    const imported = await h.ok('import.resolve', { profileId: h.profile.id, text: exported.text });
    expect(imported.unresolved).toEqual([]);
    const preview = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: imported.owner,
      draft: imported.draft,
    });
    expect(preview.body).toEqual(JSON.parse(exported.text));
    expect(sim.control.requestLog()).toEqual([]);
    expect(secret).toBeGreaterThan(0);
    for (const account of await secrets.list('')) {
      const value = await secrets.get(account);
      if (value) expect(exported.text).not.toContain(value);
    }
  });

  it('export recipe → import into the same profile gives the identical draft the Edit wizard would open', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await richToken(h);
    const detail = await h.ok('tokens.get', { profileId: h.profile.id, tokenId });
    const exported = await h.ok('export.tokens', {
      tokens: [{ profileId: h.profile.id, tokenId }],
      format: 'recipe',
    });
    expect(exported.text).toContain('"zone": "acme.io"');
    expect(exported.text).not.toContain(DEMO.acmeIo);
    const imported = await h.ok('import.resolve', { profileId: h.profile.id, text: exported.text });
    expect(imported).toMatchObject({ source: 'recipe', owner: { kind: 'user' }, unresolved: [] });
    expect(imported.draft).toEqual(detail.edit.draft);
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('exports Terraform that parses, with one import command per token, user and account-owned', async () => {
    const h = await tokenHarness(sim, secrets);
    const userToken = await richToken(h);
    const account = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: dnsDraft(sim, 'Acme DNS'),
      keepSecret: false,
    });
    const exported = await h.ok('export.tokens', {
      tokens: [
        { profileId: h.profile.id, tokenId: userToken },
        { profileId: h.profile.id, tokenId: account.token.id },
      ],
      format: 'terraform',
    });
    expect(exported.fileName).toBe('keyflare-tokens.tf');
    expect(exported.importCommands).toEqual([
      `terraform import cloudflare_api_token.deploy_bot '${userToken}'`,
      `terraform import cloudflare_account_token.acme_dns '${DEMO.acme}/${account.token.id}'`,
    ]);
    const parsed = (await parse('main.tf', exported.text)) as {
      resource: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    expect(parsed.resource['cloudflare_account_token']?.['acme_dns']?.[0]?.['account_id']).toBe(DEMO.acme);
    expect(parsed.resource['cloudflare_api_token']?.['deploy_bot']?.[0]?.['expires_on']).toBe(
      '2031-01-31T00:00:00Z',
    );
    expect(exported.text).toContain('# DNS Write (zone scope)');
    expect(exported.text).toContain('# zone acme.io');
  });

  it('copies an export to the clipboard from main, not concealed (it holds no secret)', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await richToken(h);
    const reply = await h.ok('export.copy', {
      tokens: [{ profileId: h.profile.id, tokenId }],
      format: 'recipe',
    });
    expect(h.clipboard.writes).toHaveLength(1);
    expect(h.clipboard.writes[0]).toMatchObject({ concealed: false });
    expect(reply).toEqual({ copied: true, characters: h.clipboard.text.length });
    expect(JSON.parse(h.clipboard.text)).toMatchObject({ format: 'keyflare-recipe', version: 1 });
  });

  it('copies a share-a-request link: the dashboard template URL, with what it leaves out as notes', async () => {
    const h = await tokenHarness(sim, secrets);
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: { ...dnsDraft(sim, 'DNS Management Token'), expiresOn: '2031-01-31T00:00:00Z' },
      keepSecret: false,
    });
    const ref = { profileId: h.profile.id, tokenId: created.token.id };
    const exported = await h.ok('export.tokens', { tokens: [ref], format: 'share' });
    expect(exported.text).toBe(
      `https://dash.cloudflare.com/profile/api-tokens?permissionGroupKeys=%5B%7B%22key%22%3A%22dns%22%2C%22type%22%3A%22edit%22%7D%5D&accountId=%2A&zoneId=${DEMO.acmeCom}&name=DNS%20Management%20Token`,
    );
    // A note is a message: its day travels as ISO text, each face says it in its own locale.
    expect(exported.notes).toEqual([{ key: 'outcomes.share.endDay', params: { untilDay: '2031-01-31' } }]);
    expect(exported.notes.map(englishMessage)).toEqual(['End date (TTL): 2031-01-31.']);
    await h.ok('export.copy', { tokens: [ref], format: 'share' });
    expect(h.clipboard.text).toBe(exported.text);
    const two = await h.fails('export.tokens', { tokens: [ref, ref], format: 'share' });
    expect(two.code).toBe('VALIDATION');
    // Its field line carries its message, so each face words it in the user's language.
    expect(two.details).toMatchObject({
      issues: [
        {
          path: 'tokens',
          key: 'errors.export.shareOne',
          message: 'Share a request for one token at a time.',
        },
      ],
    });
  });

  it('refuses a recipe for a token it cannot name whole, and still exports its body as Cloudflare holds it', async () => {
    const h = await tokenHarness(sim, secrets);
    // Made outside Keyflare, as the dashboard would: an R2 bucket, which no draft can hold.
    const bucket = `com.cloudflare.edge.r2.bucket.${DEMO.acme}_default_photos`;
    const made = await outsideCall(sim, sim.credential('alice-manager').secret, 'POST', '/user/tokens', {
      name: 'Photos bucket',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: groupId(sim, 'Workers R2 Storage Bucket Item Write', 'r2Bucket') }],
          resources: { [`com.cloudflare.api.account.${DEMO.acme}`]: { [bucket]: '*' } },
        },
      ],
    });
    expect(made.status).toBe(200);
    const tokenId = (made.json as { result: { id: string } }).result.id;
    await h.ok('sync.start', { profileId: h.profile.id });
    const ref = { profileId: h.profile.id, tokenId };
    const error = await h.fails('export.tokens', { tokens: [ref], format: 'recipe' });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('R2 bucket');
    const body = await h.ok('export.tokens', { tokens: [ref], format: 'body' });
    expect(JSON.parse(body.text)).toMatchObject({
      policies: [{ resources: { [`com.cloudflare.api.account.${DEMO.acme}`]: { [bucket]: '*' } } }],
    });
    expect(body.notes.map(englishMessage)).toEqual([
      '“Photos bucket” has parts the wizard cannot edit; they are exported as Cloudflare holds them.',
    ]);
  });

  it('answers NOT_FOUND for a token the cache does not hold', async () => {
    const h = await tokenHarness(sim, secrets);
    const error = await h.fails('export.tokens', {
      tokens: [{ profileId: h.profile.id, tokenId: 'ffffffffffffffffffffffffffffffff' }],
      format: 'body',
    });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('import', () => {
  it('refuses text that is no recipe or body with VALIDATION, and a profile never synced with NOT_FOUND', async () => {
    const h = await tokenHarness(sim, secrets);
    expect((await h.fails('import.resolve', { profileId: h.profile.id, text: '{"hello": 1}' })).code).toBe(
      'VALIDATION',
    );
    const fresh = await tokenHarness(sim, secrets, { credential: 'bob-manager', synced: false });
    expect((await fresh.fails('import.resolve', { profileId: fresh.profile.id, text: '{}' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('picks one token of a recipe holding several, and refuses a number past the end', async () => {
    const h = await tokenHarness(sim, secrets);
    const first = await richToken(h, 'First');
    const second = await richToken(h, 'Second');
    const exported = await h.ok('export.tokens', {
      tokens: [
        { profileId: h.profile.id, tokenId: first },
        { profileId: h.profile.id, tokenId: second },
      ],
      format: 'recipe',
    });
    const picked = await h.ok('import.resolve', { profileId: h.profile.id, text: exported.text, index: 1 });
    expect(picked).toMatchObject({ tokenCount: 2, index: 1, draft: { name: 'Second' } });
    const error = await h.fails('import.resolve', { profileId: h.profile.id, text: exported.text, index: 2 });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('duplicate to', () => {
  it('maps accounts and zones by name into another login, and names what it could not map', async () => {
    const h = await tokenHarness(sim, secrets);
    const tokenId = await richToken(h);
    const bob = await h.ok('profiles.add', {
      label: 'Bob',
      credential: credentialInput(sim.credential('bob-manager')),
      baseUrl: sim.baseUrl,
    });
    await h.ok('sync.start', { profileId: bob.id });
    sim.control.resetLog();
    const result = await h.ok('tokens.duplicateTo', {
      profileId: h.profile.id,
      tokenId,
      targetProfileId: bob.id,
      targetOwner: { kind: 'user' },
    });
    expect(result).toMatchObject({ source: 'token', profileId: bob.id });
    // Acme Corp and its zones are shared with bob; alice.dev is alice's alone.
    expect(result.resolved).toContainEqual({ what: 'account', from: 'Acme Corp', to: 'Acme Corp' });
    expect(result.resolved).toContainEqual({ what: 'zone', from: 'acme.io', to: 'acme.io' });
    expect(result.unresolved).toEqual([
      expect.objectContaining({
        what: 'zone',
        name: 'alice.dev',
        reason: { key: 'outcomes.import.noZone' },
      }),
    ]);
    const byGroup = (name: string) =>
      result.draft.policies.find((policy) => policy.permissionGroupIds.includes(groupId(sim, name, 'zone')));
    expect(byGroup('Zone Read')?.resources).toEqual([
      { type: 'account_zones', accountId: DEMO.acme, include: true },
    ]);
    // The wizard shows the policy that lost its only zone, for the user to fill in or remove.
    expect(byGroup('Analytics Read')?.resources).toEqual([]);
    expect(sim.control.requestLog()).toEqual([]);
  });

  it('moves an account-owned token to another account: the old owner becomes the new one', async () => {
    const h = await tokenHarness(sim, secrets);
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: {
        name: 'Acme settings',
        policies: [
          {
            effect: 'allow',
            permissionGroupIds: [groupId(sim, 'Account Settings Read', 'account')],
            resources: [{ type: 'account', accountId: DEMO.acme, include: true }],
          },
        ],
        requestIp: { in: [], notIn: [] },
        notBefore: null,
        expiresOn: null,
      },
      keepSecret: false,
    });
    const result = await h.ok('tokens.duplicateTo', {
      profileId: h.profile.id,
      tokenId: created.token.id,
      targetProfileId: h.profile.id,
      targetOwner: { kind: 'account', accountId: DEMO.alicePersonal },
    });
    expect(result.draft.policies[0]?.resources).toEqual([
      { type: 'account', accountId: DEMO.alicePersonal, include: true },
    ]);
    expect(result.resolved).toContainEqual({
      what: 'account',
      from: 'Acme Corp',
      to: 'Alice Personal (the new owner)',
    });
    const preview = await h.ok('tokens.preview', {
      profileId: h.profile.id,
      owner: result.owner,
      draft: result.draft,
    });
    expect(preview.endpoint).toBe(`POST /accounts/${DEMO.alicePersonal}/tokens`);
  });
});
