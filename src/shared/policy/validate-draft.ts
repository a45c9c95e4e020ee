/**
 * Draft validation: every reason a TokenDraft cannot be sent, each with the field it is about.
 *
 * Runs the TokenDraft schema and then the checks Cloudflare would otherwise answer with a
 * terse 400 (or, worse, accept): groups the profile can grant, group scope versus chosen
 * resources, one scope per policy, account-owned token limits, IP ranges and dates. Paths
 * read like `policies.0.resources.1`, `requestIp.in.2`, `expiresOn`, as the dispatcher's
 * validation errors do, so the wizard can put each message next to its field.
 */
import { TokenDraft, type PolicyDraft, type ResourceSelector } from '../domain';
import type { BuildContext } from './build-context';
import { nameLookupFor } from './build-context';
import { checkCidr } from './cidr';
import { accountLabel, formatDay, joinWords, selectorLabel, shortId, type ResourceNames } from './labels';
import { selectorResource } from './resource-keys';
import { SCOPE_ADJECTIVE, SCOPE_NOUN, SELECTORS_FOR_SCOPE, scopeKind, type ScopeKind } from './scopes';

export interface DraftIssue {
  path: string;
  message: string;
}

type Report = (path: string, message: string) => void;

/** The scope kinds of a policy's known groups, with the group names of each, in draft order. */
function checkGroups(
  policy: PolicyDraft,
  base: string,
  ctx: BuildContext,
  report: Report,
): Map<ScopeKind, string[]> {
  const byKind = new Map<ScopeKind, string[]>();
  policy.permissionGroupIds.forEach((id, index) => {
    const path = `${base}.permissionGroupIds.${index}`;
    const group = ctx.groups.get(id);
    if (!group) {
      report(
        path,
        `permission group ${shortId(id)} is not one this profile can grant: sync the profile or remove it`,
      );
      return;
    }
    const kind = scopeKind(group.scope);
    if (kind === null) {
      report(path, `${group.name} has the scope ${group.scope}, which Keyflare cannot build policies for`);
      return;
    }
    if (kind === 'r2_bucket') {
      report(
        path,
        `${group.name} applies to R2 buckets, which Keyflare cannot select yet: use the Cloudflare dashboard`,
      );
      return;
    }
    if (kind === 'user' && ctx.owner.kind === 'account') {
      report(
        path,
        `${group.name} is a user permission, and an account-owned token cannot hold user permissions`,
      );
      return;
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), group.name]);
  });
  if (byKind.size > 1) {
    const parts = [...byKind].map(
      ([kind, names]) => `${SCOPE_ADJECTIVE[kind]} permissions (${names.join(', ')})`,
    );
    report(
      `${base}.permissionGroupIds`,
      `${joinWords(parts)} cannot share one policy: put each kind in a policy of its own`,
    );
  }
  return byKind;
}

/** Why an account-owned token cannot reach this resource, or null when it can. */
function outsideOwner(
  selector: ResourceSelector,
  ownerAccountId: string,
  ctx: BuildContext,
  names: ResourceNames,
): string | null {
  const owner = accountLabel(ownerAccountId, names);
  switch (selector.type) {
    case 'all_accounts':
      return `an account-owned token reaches only its own account: choose ${owner} instead of all accounts`;
    case 'all_zones':
      return `an account-owned token reaches only its own account: choose all zones in ${owner} instead of all zones`;
    case 'user':
      return 'an account-owned token cannot act on a user';
    case 'account':
    case 'account_zones':
      return selector.accountId === ownerAccountId
        ? null
        : `${selectorLabel(selector, names)} is outside ${owner}, which owns this token`;
    case 'zone': {
      const zone = ctx.zones.get(selector.zoneId);
      if (!zone)
        return `${selectorLabel(selector, names)} is not a known zone of ${owner}, which owns this token`;
      return zone.accountId === ownerAccountId
        ? null
        : `${selectorLabel(selector, names)} is outside ${owner}, which owns this token`;
    }
  }
}

/** Two selections of the same resource write the same Cloudflare entry. */
function selectorIdentity(selector: ResourceSelector): string {
  return JSON.stringify(selectorResource(selector));
}

function checkResources(
  policy: PolicyDraft,
  base: string,
  byKind: Map<ScopeKind, string[]>,
  ctx: BuildContext,
  report: Report,
): void {
  const names = nameLookupFor(ctx);
  const [only] = byKind.size === 1 ? [...byKind] : [];

  if (policy.effect === 'allow' && policy.resources.length > 0 && !policy.resources.some((r) => r.include)) {
    report(
      `${base}.resources`,
      'include at least one resource: an exclusion only narrows what the policy includes',
    );
  }

  const seen = new Map<string, boolean>();
  policy.resources.forEach((selector, index) => {
    const path = `${base}.resources.${index}`;
    const label = selectorLabel(selector, names);

    if (policy.effect === 'deny' && !selector.include) {
      report(path, `${label} is excluded, but a deny policy can only list the resources it denies`);
    }
    if (only) {
      const [kind, groupNames] = only;
      if (!SELECTORS_FOR_SCOPE[kind].includes(selector.type)) {
        const verb = groupNames.length === 1 ? 'applies' : 'apply';
        report(
          path,
          `${joinWords(groupNames)} ${verb} to ${SCOPE_NOUN[kind]}, so ${label} cannot be chosen in this policy`,
        );
      }
    }
    if (ctx.owner.kind === 'account') {
      const reason = outsideOwner(selector, ctx.owner.accountId, ctx, names);
      if (reason !== null) report(path, reason);
    } else if (selector.type === 'user' && ctx.userId !== null && selector.userId !== ctx.userId) {
      report(path, `${label} is not this profile's user`);
    }

    const identity = selectorIdentity(selector);
    const earlier = seen.get(identity);
    if (earlier !== undefined && earlier !== selector.include) {
      report(path, `${label} is both included and excluded`);
    }
    seen.set(identity, selector.include);
  });
}

function checkRequestIp(requestIp: TokenDraft['requestIp'], report: Report): void {
  for (const [list, field] of [
    [requestIp.in, 'in'],
    [requestIp.notIn, 'notIn'],
  ] as const) {
    list.forEach((value, index) => {
      const check = checkCidr(value);
      if (!check.ok) report(`requestIp.${field}.${index}`, check.message);
    });
  }
}

function checkDates(draft: TokenDraft, now: Date, report: Report): void {
  const expires = draft.expiresOn === null ? Number.NaN : Date.parse(draft.expiresOn);
  const notBefore = draft.notBefore === null ? Number.NaN : Date.parse(draft.notBefore);
  if (Number.isNaN(expires)) return;
  if (expires <= now.getTime()) {
    report('expiresOn', `the expiry date (${formatDay(draft.expiresOn ?? '') ?? ''}) must be in the future`);
  }
  if (!Number.isNaN(notBefore) && expires <= notBefore) {
    report(
      'expiresOn',
      `the expiry date must be after the start date (${formatDay(draft.notBefore ?? '') ?? ''})`,
    );
  }
}

/** Every problem that keeps a draft from being sent; an empty list means the draft is ready. */
export function validateDraft(draft: TokenDraft, ctx: BuildContext): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const seen = new Set<string>();
  const report: Report = (path, message) => {
    const id = `${path}\n${message}`;
    if (seen.has(id)) return;
    seen.add(id);
    issues.push({ path, message });
  };

  const parsed = TokenDraft.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      report(issue.path.map(String).join('.') || '(draft)', issue.message);
  }

  draft.policies.forEach((policy, index) => {
    const base = `policies.${index}`;
    const byKind = checkGroups(policy, base, ctx, report);
    checkResources(policy, base, byKind, ctx, report);
  });
  checkRequestIp(draft.requestIp, report);
  checkDates(draft, ctx.now, report);
  return issues;
}
