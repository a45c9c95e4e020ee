/**
 * Template resolution: the dashboard templates against the permission groups a profile can see.
 *
 * Each permission is found by name AND scope (a zone permission in
 * com.cloudflare.api.account.zone, and so on), because names such as "Logs Read" exist in more
 * than one scope. "(All read permissions)" is every group whose name ends in "Read" in the
 * account, zone and user scopes the profile can see.
 *
 * Choices, and why:
 * - A template with a permission the profile cannot see is `available: false`, lists exactly
 *   those labels in `missing`, and has no draft: a draft without them would not be the template.
 * - The draft has one policy per resource kind, in the order the template first names each kind.
 *   Its resources are the dashboard's pre-filled rows ("Include all accounts" -> all accounts,
 *   "Include all zones" -> all zones) and the user itself for user permissions. A zone or
 *   account policy the dashboard leaves blank stays blank (no placeholder such as all zones), so
 *   the wizard asks instead of granting more than the user chose; validateDraft reports those
 *   policies as `policies.<n>.resources`. The one exception is a choice that is not a choice: an
 *   account policy is pre-filled when there is exactly one account it could name (the owning
 *   account of an account-owned token, or the only account a user-token profile sees).
 *   NOTE: domain.ts's ResolvedTemplate.draft is `TokenDraft`, whose policies require at least
 *   one resource, so such drafts fail that schema; see the report on relaxing it.
 * - Account-owned tokens cannot hold user permissions: a user permission is missing for them,
 *   and "(All read permissions)" covers only the account and zone scopes. Their "all accounts"
 *   and "all zones" rows become the owning account and that account's zones.
 * - Only groups listed for this owner count: `source: 'user'` for user tokens, `source:
 *   'account'` of the owning account for account tokens.
 */
import {
  PERMISSION_SCOPES,
  type PermissionGroup,
  type PolicyDraft,
  type ResolvedTemplate,
  type ResourceSelector,
  type TokenDraft,
  type TokenOwner,
} from '../domain';
import {
  DASHBOARD_TEMPLATES,
  type TemplateDefaultResource,
  type TemplateDefinition,
  type TemplatePermission,
  type TemplateResourceKind,
} from './templates-data';

export interface TemplateContext {
  owner: TokenOwner;
  userId: string | null;
  /** Accounts the profile can see. */
  accountIds: string[];
}

type ResolvedPermission = ResolvedTemplate['permissions'][number];

const SCOPE_OF_KIND: Record<TemplateResourceKind, string> = {
  zone: PERMISSION_SCOPES.zone,
  account: PERMISSION_SCOPES.account,
  user: PERMISSION_SCOPES.user,
};

function usableGroups(groups: readonly PermissionGroup[], owner: TokenOwner): PermissionGroup[] {
  const seen = new Set<string>();
  return groups.filter((group) => {
    const listed =
      owner.kind === 'user'
        ? group.source === 'user'
        : group.source === 'account' &&
          (group.accountId === null || group.accountId === owner.accountId) &&
          group.scope !== PERMISSION_SCOPES.user;
    if (!listed || seen.has(group.id)) return false;
    seen.add(group.id);
    return true;
  });
}

function resolvePermission(
  permission: TemplatePermission,
  usable: readonly PermissionGroup[],
  owner: TokenOwner,
): ResolvedPermission[] {
  if (permission.match === 'name') {
    const name = permission.groupName ?? permission.label;
    const scope = SCOPE_OF_KIND[permission.resourceKind];
    const groups = usable.filter((group) => group.name === name && group.scope === scope);
    return [
      {
        label: permission.label,
        resourceKind: permission.resourceKind,
        groups,
        missing: groups.length === 0,
      },
    ];
  }
  return permission.resourceKinds
    .filter((kind) => !(owner.kind === 'account' && kind === 'user'))
    .map((kind) => {
      const groups = usable.filter(
        (group) => group.scope === SCOPE_OF_KIND[kind] && group.name.endsWith('Read'),
      );
      return { label: permission.label, resourceKind: kind, groups, missing: groups.length === 0 };
    });
}

function dashboardRow(row: TemplateDefaultResource, owner: TokenOwner): ResourceSelector {
  if (owner.kind === 'account') {
    return row === 'all_accounts'
      ? { type: 'account', accountId: owner.accountId, include: true }
      : { type: 'account_zones', accountId: owner.accountId, include: true };
  }
  return row === 'all_accounts'
    ? { type: 'all_accounts', include: true }
    : { type: 'all_zones', include: true };
}

function policyResources(
  kind: TemplateResourceKind,
  template: TemplateDefinition,
  ctx: TemplateContext,
): ResourceSelector[] {
  switch (kind) {
    case 'zone':
      return template.defaultResources.includes('all_zones') ? [dashboardRow('all_zones', ctx.owner)] : [];
    case 'account': {
      if (template.defaultResources.includes('all_accounts'))
        return [dashboardRow('all_accounts', ctx.owner)];
      const only =
        ctx.owner.kind === 'account'
          ? ctx.owner.accountId
          : ctx.accountIds.length === 1
            ? ctx.accountIds[0]
            : undefined;
      return only === undefined ? [] : [{ type: 'account', accountId: only, include: true }];
    }
    case 'user':
      return ctx.owner.kind === 'user' && ctx.userId !== null
        ? [{ type: 'user', userId: ctx.userId, include: true }]
        : [];
  }
}

function templateDraft(
  template: TemplateDefinition,
  permissions: readonly ResolvedPermission[],
  ctx: TemplateContext,
): TokenDraft {
  const idsByKind = new Map<TemplateResourceKind, string[]>();
  for (const permission of permissions) {
    const ids = idsByKind.get(permission.resourceKind) ?? [];
    for (const group of permission.groups) if (!ids.includes(group.id)) ids.push(group.id);
    idsByKind.set(permission.resourceKind, ids);
  }
  const policies: PolicyDraft[] = [...idsByKind].map(([kind, ids]) => ({
    effect: 'allow',
    permissionGroupIds: ids,
    resources: policyResources(kind, template, ctx),
  }));
  return {
    name: template.name,
    policies,
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
  };
}

/** Resolves one template for a profile and token owner. */
export function resolveTemplate(
  template: TemplateDefinition,
  groups: readonly PermissionGroup[],
  ctx: TemplateContext,
): ResolvedTemplate {
  const usable = usableGroups(groups, ctx.owner);
  const permissions = template.permissions.flatMap((permission) =>
    resolvePermission(permission, usable, ctx.owner),
  );
  const missing = [...new Set(permissions.filter((p) => p.missing).map((p) => p.label))];
  const present = new Set(permissions.map((p) => p.resourceKind));
  const available = missing.length === 0;
  return {
    id: template.id,
    name: template.name,
    permissions,
    resourceKinds: template.resourceKinds.filter((kind) => present.has(kind)),
    defaultResources: template.defaultResources.map((row) => dashboardRow(row, ctx.owner)),
    missing,
    available,
    draft: available ? templateDraft(template, permissions, ctx) : null,
  };
}

/** Resolves every dashboard template, in the dashboard's order. */
export function resolveTemplates(
  groups: readonly PermissionGroup[],
  ctx: TemplateContext,
): ResolvedTemplate[] {
  return DASHBOARD_TEMPLATES.map((template) => resolveTemplate(template, groups, ctx));
}
