/**
 * Test support for src/shared: a small login (two accounts, three zones, one user) over
 * Cloudflare's sample permission groups (test/fixtures/permission-groups.ts), its build context
 * and its name lookup.
 */
import type { PolicyDraft, TokenDraft, TokenOwner } from '../../../src/shared/domain';
import { createBuildContext, type BuildContext } from '../../../src/shared/policy/build-context';
import type { NameLookup } from '../../../src/shared/policy/decode';

import { GROUPS, groupId, sampleGroupName, sampleGroups } from '../../fixtures/permission-groups';

export { groupId, sampleGroups };

export const ACME = '023e105f4ecef8ad9ca31a8372d0c353';
export const OTHER_CO = 'eb78d65290b24279ba6f44721b3ea3c4';
export const UNKNOWN_ACCOUNT = '99999999aaaabbbbccccddddeeeeffff';
export const EXAMPLE_COM = '22b1de5f1c0e4b3ea97bb1e963b06a43';
export const X_COM = 'ab12cd34ef56ab12cd34ef56ab12cd34';
export const OTHER_ORG = 'cd34ef56ab12cd34ef56ab12cd34ef56';
export const UNKNOWN_ZONE = '1a2b3c4d5e6f1a2b3c4d5e6f1a2b3c4d';
export const USER_ID = '7c5dae5552338874e5053f2534d2767a';
export const USER_EMAIL = 'jane@example.com';

export const ACCOUNTS = [
  { id: ACME, name: 'Acme' },
  { id: OTHER_CO, name: 'Other Co' },
];

export const ZONES = [
  { id: EXAMPLE_COM, name: 'example.com', accountId: ACME },
  { id: X_COM, name: 'x.com', accountId: ACME },
  { id: OTHER_ORG, name: 'other.org', accountId: OTHER_CO },
];

export const NOW = new Date('2026-06-15T12:00:00Z');

export function buildContext(owner: TokenOwner = { kind: 'user' }, now: Date = NOW): BuildContext {
  return createBuildContext({
    owner,
    userId: USER_ID,
    groups: sampleGroups(owner),
    accounts: ACCOUNTS,
    zones: ZONES,
    userLabel: USER_EMAIL,
    now,
  });
}

export function nameLookup(): NameLookup {
  const accounts = new Map(ACCOUNTS.map((account) => [account.id, account.name]));
  const zones = new Map(ZONES.map((zone) => [zone.id, { name: zone.name, accountId: zone.accountId }]));
  return {
    permissionGroup: sampleGroupName,
    account: (id) => accounts.get(id) ?? null,
    zone: (id) => zones.get(id) ?? null,
    userLabel: USER_EMAIL,
  };
}

/** A draft named "deploy bot" with these policies, no IP filter and no dates, unless `extra` says. */
export function draft(policies: PolicyDraft[], extra: Partial<TokenDraft> = {}): TokenDraft {
  return {
    name: 'deploy bot',
    policies,
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
    ...extra,
  };
}

/** DNS Write on example.com: the plainest valid policy. */
export const dnsOnExample: PolicyDraft = {
  effect: 'allow',
  permissionGroupIds: [GROUPS.dnsWrite.id],
  resources: [{ type: 'zone', zoneId: EXAMPLE_COM, include: true }],
};

/**
 * Policies reaching past an Acme-owned token's account: all zones, Other Co's zones, a zone of
 * another account and an unknown zone; all accounts and Other Co itself.
 */
export const OUTSIDE_ACME: PolicyDraft[] = [
  {
    effect: 'allow',
    permissionGroupIds: [GROUPS.dnsWrite.id],
    resources: [
      { type: 'all_zones', include: true },
      { type: 'account_zones', accountId: OTHER_CO, include: true },
      { type: 'zone', zoneId: OTHER_ORG, include: true },
      { type: 'zone', zoneId: UNKNOWN_ZONE, include: true },
    ],
  },
  {
    effect: 'allow',
    permissionGroupIds: [GROUPS.billingRead.id],
    resources: [
      { type: 'all_accounts', include: true },
      { type: 'account', accountId: OTHER_CO, include: true },
    ],
  },
];
