/**
 * tokens.get hands Edit the token's exact draft, read from the cached token as Cloudflare sent it:
 * nested resources, exclusions (allow + deny pairs) and IP filters included, so that sending the
 * draft back unchanged gives Cloudflare the same policies. A token the draft cannot hold comes
 * with no draft and the reasons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { Core } from '../../../src/main/core';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import type {
  Account,
  PermissionGroup,
  PolicyDraft,
  Profile,
  TokenDetail,
  TokenDraft,
  TokenOwner,
  TokenRow,
  Zone,
} from '../../../src/shared/domain';
import { PERMISSION_SCOPES } from '../../../src/shared/domain';
import { buildTokenBody, createBuildContext, samePolicies } from '../../../src/shared/policy/build';
import type { BuildContext } from '../../../src/shared/policy/build-context';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });

afterEach(() => closeAllCores());

const ACME = 'acc00000000000000000000000000002';
const ACME_INTERNAL = 'c0de0000000000000000000000000205';
const ACME_SHOP = 'c0de0000000000000000000000000203';

/** The simulator's id of a permission group (names repeat across scopes). */
function groupId(name: string, scope: keyof typeof PERMISSION_SCOPES): string {
  const found = sim.state
    .permissionGroups()
    .find((group) => group.name === name && group.scopes.includes(PERMISSION_SCOPES[scope]));
  if (!found) expect.fail(`no permission group ${name} in scope ${scope}`);
  return found.id;
}

/** A call to the simulator's API with a credential, as a script outside Keyflare would make it. */
async function outsideCall(secret: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function syncedProfile(core: Core, label: string): Promise<Profile> {
  const profile = await addProfile(core, sim, label);
  await call(core, 'sync.start', { profileId: profile.id });
  return profile;
}

function detailOf(core: Core, profile: Profile, label: string): Promise<TokenDetail> {
  return call<TokenDetail>(core, 'tokens.get', {
    profileId: profile.id,
    tokenId: sim.credential(label).tokenId,
  });
}

/** The builder's context for a token of this owner, from what the profile synced (via the contract). */
async function contextFor(core: Core, profile: Profile, owner: TokenOwner): Promise<BuildContext> {
  return createBuildContext({
    owner,
    userId: profile.userId,
    groups: await call<PermissionGroup[]>(core, 'permissionGroups.list', { profileId: profile.id, owner }),
    accounts: await call<Account[]>(core, 'accounts.list', { profileId: profile.id }),
    zones: await call<Zone[]>(core, 'zones.list', { profileId: profile.id }),
    userLabel: profile.email,
    now: core.context.clock.now(),
  });
}

/**
 * The draft's policies with their group ids sorted: Cloudflare answers policies and groups in an
 * order of its own (as the simulator does), and both are sets to it.
 */
function groupsSorted(draft: TokenDraft | null): PolicyDraft[] {
  return (draft?.policies ?? []).map((policy) => ({
    ...policy,
    permissionGroupIds: [...policy.permissionGroupIds].sort(),
  }));
}

/** The token's policies as the simulator holds them now, i.e. what Cloudflare would answer. */
function policiesAtCloudflare(tokenId: string): CfPolicy[] {
  return sim.state.token(tokenId)?.policies ?? [];
}

describe('the Edit draft of a cached token', () => {
  it('folds an exclusion written as an allow + deny pair with nested zones', async () => {
    const { core } = makeCore();
    const alice = await syncedProfile(core, 'alice-manager');
    const detail = await detailOf(core, alice, 'alice-deny');
    expect(detail.edit.unrepresentable).toEqual([]);
    expect(detail.edit.draft).toMatchObject({
      name: 'Acme zones except internal',
      requestIp: { in: [], notIn: [] },
      notBefore: null,
      expiresOn: null,
    });
    expect(groupsSorted(detail.edit.draft)).toEqual([
      {
        effect: 'allow',
        permissionGroupIds: [groupId('Zone Read', 'zone'), groupId('DNS Read', 'zone')].sort(),
        resources: [
          { type: 'account_zones', accountId: ACME, include: true },
          { type: 'zone', zoneId: ACME_INTERNAL, include: false },
        ],
      },
    ]);
  });

  it('keeps the IP filter and every policy of an IP-restricted token', async () => {
    const { core } = makeCore();
    const alice = await syncedProfile(core, 'alice-manager');
    const detail = await detailOf(core, alice, 'alice-ip-restricted');
    expect(detail.edit.unrepresentable).toEqual([]);
    expect(detail.edit.draft).toMatchObject({
      name: 'Office analytics',
      requestIp: { in: ['203.0.113.0/24', '2001:db8::/32'], notIn: ['203.0.113.99/32'] },
    });
    const policies = groupsSorted(detail.edit.draft);
    expect(policies).toHaveLength(2);
    expect(policies).toEqual(
      expect.arrayContaining([
        {
          effect: 'allow',
          permissionGroupIds: [groupId('Analytics Read', 'zone'), groupId('Zone Read', 'zone')].sort(),
          resources: [{ type: 'all_zones', include: true }],
        },
        {
          effect: 'allow',
          permissionGroupIds: [groupId('Account Analytics Read', 'account')],
          resources: [{ type: 'all_accounts', include: true }],
        },
      ]),
    );
  });

  it('reads a zone named inside its account (Cloudflare’s nested form) as that zone', async () => {
    const { core } = makeCore();
    const bob = await syncedProfile(core, 'bob-manager');
    const detail = await detailOf(core, bob, 'bob-shop-dns');
    expect(detail.edit.draft?.policies).toEqual([
      {
        effect: 'allow',
        permissionGroupIds: [groupId('DNS Write', 'zone')],
        resources: [{ type: 'zone', zoneId: ACME_SHOP, include: true }],
      },
    ]);
  });

  it('sent back unchanged, gives Cloudflare the same policies and IP filter for every demo token', async () => {
    const { core } = makeCore();
    const profiles = [await syncedProfile(core, 'alice-manager'), await syncedProfile(core, 'bob-manager')];
    const scenarioIds = new Set(sim.credentials.map((credential) => credential.tokenId));
    const rows = (await call<TokenRow[]>(core, 'tokens.list', {})).filter((row) => scenarioIds.has(row.id));
    const now = core.context.clock.now().getTime();
    // An expired token's draft needs a new expiry date before it can be saved, so none of those.
    const live = rows.filter((row) => row.expiresOn === null || Date.parse(row.expiresOn) > now);
    expect(live.map((row) => row.name)).toEqual(
      expect.arrayContaining([
        'Acme zones except internal',
        'Office analytics',
        'acme-shop.com DNS',
        'Studio cache purge',
        'Acme token manager',
      ]),
    );
    for (const row of live) {
      const profile = profiles.find((p) => p.id === row.profileId);
      if (!profile) expect.fail(`no profile for ${row.name}`);
      const detail = await call<TokenDetail>(core, 'tokens.get', {
        profileId: row.profileId,
        tokenId: row.id,
      });
      expect(detail.edit.unrepresentable, row.name).toEqual([]);
      const draft = detail.edit.draft;
      if (!draft) expect.fail(`${row.name} has no Edit draft`);
      const owner: TokenOwner =
        row.kind === 'account' && row.accountId
          ? { kind: 'account', accountId: row.accountId }
          : { kind: 'user' };
      const body = buildTokenBody(draft, await contextFor(core, profile, owner));
      expect(samePolicies(body.policies, policiesAtCloudflare(row.id)), row.name).toBe(true);
      const requestIp = sim.state.token(row.id)?.requestIp ?? null;
      expect(body.condition ?? null, row.name).toEqual(
        requestIp === null
          ? null
          : {
              request_ip: {
                ...(requestIp.in.length > 0 ? { in: requestIp.in } : {}),
                ...(requestIp.not_in.length > 0 ? { not_in: requestIp.not_in } : {}),
              },
            },
      );
    }
  });

  it('has no draft for a token with an R2 bucket, and says why', async () => {
    const { core } = makeCore();
    const alice = await addProfile(core, sim, 'alice-manager');
    const r2Read = groupId('Workers R2 Storage Bucket Item Read', 'r2Bucket');
    const created = await outsideCall(sim.credential('alice-manager').secret, 'POST', '/user/tokens', {
      name: 'Media bucket reader',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: r2Read }],
          resources: { [`com.cloudflare.edge.r2.bucket.${ACME}_default_media`]: '*' },
        },
      ],
    });
    expect(created.status).toBe(200);
    const tokenId = ((await created.json()) as { result: { id: string } }).result.id;
    await call(core, 'sync.start', { profileId: alice.id });

    const detail = await call<TokenDetail>(core, 'tokens.get', { profileId: alice.id, tokenId });
    expect(detail.edit.draft).toBeNull();
    expect(detail.edit.unrepresentable.map(englishMessage)).toEqual([
      'Policy 1 applies to R2 bucket media in account Acme Corp; Keyflare cannot edit R2 bucket resources yet.',
    ]);
    const removed = await outsideCall(
      sim.credential('alice-manager').secret,
      'DELETE',
      `/user/tokens/${tokenId}`,
    );
    expect(removed.status).toBe(200);
  });
});
