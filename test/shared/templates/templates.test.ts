import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  PERMISSION_SCOPES,
  type PolicyDraft,
  type ResolvedTemplate,
  type ResourceSelector,
  type TokenDraft,
} from '../../../src/shared/domain';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { validateDraft } from '../../../src/shared/policy/build';
import { resolveTemplates } from '../../../src/shared/templates/resolve';
import { DASHBOARD_TEMPLATES } from '../../../src/shared/templates/templates-data';
import { ACME, EXAMPLE_COM, OTHER_CO, USER_ID, buildContext, groupId, sampleGroups } from '../support/world';

interface DocTemplate {
  name: string;
  permissions: { permission: string; resource_kind: string | string[]; permission_group_name?: string }[];
  default_resources: string[];
  resource_kinds: string[];
}

const docTemplates = JSON.parse(
  fs.readFileSync(
    fileURLToPath(new URL('../../../src/sandbox/data/templates.json', import.meta.url)),
    'utf8',
  ),
) as DocTemplate[];

const userCtx = { owner: { kind: 'user' } as const, userId: USER_ID, accountIds: [ACME, OTHER_CO] };
const accountOwner = { kind: 'account', accountId: ACME } as const;
const accountCtx = { owner: accountOwner, userId: USER_ID, accountIds: [ACME, OTHER_CO] };

function byName(templates: ResolvedTemplate[], name: string): ResolvedTemplate {
  const found = templates.find((template) => template.name === name);
  expect(found, name).toBeDefined();
  return found as ResolvedTemplate;
}

function requireDraft(template: ResolvedTemplate): TokenDraft {
  expect(template.draft, template.name).not.toBeNull();
  return template.draft as TokenDraft;
}

describe('DASHBOARD_TEMPLATES', () => {
  it("holds the documentation page's eight templates, labels, kinds and default rows", () => {
    expect(
      DASHBOARD_TEMPLATES.map((template) => ({
        name: template.name,
        permissions: template.permissions.map((p) =>
          p.match === 'name'
            ? {
                permission: p.label,
                resource_kind: p.resourceKind,
                ...(p.groupName ? { permission_group_name: p.groupName } : {}),
              }
            : { permission: p.label, resource_kind: [...p.resourceKinds] },
        ),
        default_resources: template.defaultResources.map((row) =>
          row === 'all_accounts'
            ? 'Account resources: Include all accounts'
            : 'Zone resources: Include all zones',
        ),
        resource_kinds: [...template.resourceKinds],
      })),
    ).toEqual(docTemplates);
  });
});

describe('resolveTemplates for a user token', () => {
  const resolved = resolveTemplates(sampleGroups(), userCtx);

  it('resolves every template against the sample permission groups', () => {
    expect(resolved).toHaveLength(8);
    for (const template of resolved) {
      expect(template.missing, template.name).toEqual([]);
      expect(template.available, template.name).toBe(true);
      expect(template.draft, template.name).not.toBeNull();
    }
  });

  it('finds each permission by name and scope, so "Logs Read" is the zone group', () => {
    const logs = byName(resolved, 'Read analytics and logs').permissions.find((p) => p.label === 'Logs Read');
    expect(logs?.groups.map((g) => g.id)).toEqual([groupId('Logs Read', 'zone')]);
  });

  it('finds "User Memberships Read" under its API name "Memberships Read"', () => {
    const workers = byName(resolved, 'Edit Cloudflare Workers');
    const memberships = workers.permissions.find((p) => p.label === 'User Memberships Read');
    expect(memberships).toMatchObject({ resourceKind: 'user', missing: false });
    expect(memberships?.groups.map((g) => g.name)).toEqual(['Memberships Read']);
  });

  it('expands "(All read permissions)" to every Read group of the account, zone and user scopes', () => {
    const readAll = byName(resolved, 'Read All Resources');
    const expected = (scope: string) =>
      sampleGroups()
        .filter((g) => g.scope === scope && g.name.endsWith('Read'))
        .map((g) => g.id);
    expect(readAll.permissions.map((p) => [p.resourceKind, p.groups.map((g) => g.id)])).toEqual([
      ['account', expected(PERMISSION_SCOPES.account)],
      ['zone', expected(PERMISSION_SCOPES.zone)],
      ['user', expected(PERMISSION_SCOPES.user)],
    ]);
    expect(readAll.permissions.flatMap((p) => p.groups.map((g) => g.name))).not.toContain(
      'Zero Trust Report',
    );
    expect(readAll.permissions.flatMap((p) => p.groups.map((g) => g.name))).not.toContain('DNS Write');
  });

  it("pre-fills the dashboard's rows and leaves blank zone rows for the wizard to ask", () => {
    const wordpress = byName(resolved, 'WordPress');
    expect(wordpress.defaultResources).toEqual([
      { type: 'all_accounts', include: true },
      { type: 'all_zones', include: true },
    ]);
    expect(wordpress.draft?.policies.map((p) => [p.permissionGroupIds.length, p.resources])).toEqual([
      [5, [{ type: 'all_zones', include: true }]],
      [1, [{ type: 'all_accounts', include: true }]],
    ]);

    const dns = byName(resolved, 'Edit Zone DNS');
    expect(dns.draft).toEqual({
      name: 'Edit Zone DNS',
      policies: [{ effect: 'allow', permissionGroupIds: [groupId('DNS Write', 'zone')], resources: [] }],
      requestIp: { in: [], notIn: [] },
      notBefore: null,
      expiresOn: null,
    });
    expect(
      validateDraft(requireDraft(dns), buildContext()).map((issue) => ({
        path: issue.path,
        message: englishMessage(issue.message),
      })),
    ).toEqual([{ path: 'policies.0.resources', message: 'choose at least one resource' }]);
  });

  it('gives user permissions the profile user as resource, one policy per resource kind', () => {
    const workers = byName(resolved, 'Edit Cloudflare Workers');
    expect(workers.resourceKinds).toEqual(['account', 'user', 'zone']);
    expect(workers.draft?.policies.map((p) => p.resources)).toEqual([
      [],
      [],
      [{ type: 'user', userId: USER_ID, include: true }],
    ]);
    expect(workers.draft?.policies.map((p) => p.permissionGroupIds.length)).toEqual([1, 5, 2]);
  });

  it('gives drafts that validate once the wizard fills the blank resource rows', () => {
    const ctx = buildContext();
    const fill = (policy: PolicyDraft): PolicyDraft => {
      if (policy.resources.length > 0) return policy;
      const scope = ctx.groups.get(policy.permissionGroupIds[0] ?? '')?.scope;
      const resource: ResourceSelector =
        scope === PERMISSION_SCOPES.account
          ? { type: 'account', accountId: ACME, include: true }
          : { type: 'zone', zoneId: EXAMPLE_COM, include: true };
      return { ...policy, resources: [resource] };
    };
    for (const template of resolved) {
      const draft = requireDraft(template);
      expect(validateDraft({ ...draft, policies: draft.policies.map(fill) }, ctx), template.name).toEqual([]);
    }
  });

  it('pre-fills the account when the profile sees only one', () => {
    const workers = byName(
      resolveTemplates(sampleGroups(), { ...userCtx, accountIds: [ACME] }),
      'Edit Cloudflare Workers',
    );
    expect(requireDraft(workers).policies[1]?.resources).toEqual([
      { type: 'account', accountId: ACME, include: true },
    ]);
  });
});

describe('resolveTemplates when a group is hidden', () => {
  it('lists exactly the labels the profile cannot see and offers no draft', () => {
    const hidden = new Set([groupId('Workers Tail Read', 'account'), groupId('Memberships Read', 'user')]);
    const resolved = resolveTemplates(
      sampleGroups().filter((group) => !hidden.has(group.id)),
      userCtx,
    );
    const workers = byName(resolved, 'Edit Cloudflare Workers');
    expect(workers).toMatchObject({
      available: false,
      missing: ['Workers Tail Read', 'User Memberships Read'],
      draft: null,
    });
    expect(byName(resolved, 'Edit Zone DNS').available).toBe(true);
  });

  it('does not take a group of the wrong scope for a missing one', () => {
    const resolved = resolveTemplates(
      sampleGroups().filter((group) => group.id !== groupId('Logs Read', 'zone')),
      userCtx,
    );
    expect(byName(resolved, 'Read analytics and logs')).toMatchObject({
      available: false,
      missing: ['Logs Read'],
    });
  });
});

describe('resolveTemplates for an account-owned token', () => {
  const resolved = resolveTemplates(sampleGroups(accountOwner), accountCtx);

  it('marks user permissions missing, since account tokens cannot hold them', () => {
    expect(byName(resolved, 'Create Additional Tokens')).toMatchObject({
      available: false,
      missing: ['API Tokens Write'],
    });
    expect(byName(resolved, 'Edit Cloudflare Workers').missing).toEqual([
      'User Details Read',
      'User Memberships Read',
    ]);
  });

  it('reads "all accounts" and "all zones" as the owning account and its zones', () => {
    const wordpress = byName(resolved, 'WordPress');
    expect(wordpress.defaultResources).toEqual([
      { type: 'account', accountId: ACME, include: true },
      { type: 'account_zones', accountId: ACME, include: true },
    ]);
    expect(validateDraft(requireDraft(wordpress), buildContext(accountOwner))).toEqual([]);
  });

  it('keeps "Read All Resources" to account and zone reads', () => {
    const readAll = byName(resolved, 'Read All Resources');
    expect(readAll.available).toBe(true);
    expect(readAll.resourceKinds).toEqual(['account', 'zone']);
    expect(readAll.permissions.map((p) => p.resourceKind)).toEqual(['account', 'zone']);
    expect(validateDraft(requireDraft(readAll), buildContext(accountOwner))).toEqual([]);
  });

  it("ignores groups listed for user tokens or for another account's tokens", () => {
    const foreign = resolveTemplates(sampleGroups({ kind: 'account', accountId: OTHER_CO }), accountCtx);
    expect(byName(foreign, 'Edit Zone DNS')).toMatchObject({ available: false, missing: ['DNS Write'] });
    expect(byName(resolveTemplates(sampleGroups(), accountCtx), 'Edit Zone DNS').available).toBe(false);
  });
});
