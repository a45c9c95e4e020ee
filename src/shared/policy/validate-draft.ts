/**
 * Draft validation: every reason a TokenDraft cannot be sent, each with the field it is about.
 *
 * Runs the TokenDraft schema and then the checks Cloudflare would otherwise answer with a
 * terse 400 (or, worse, accept): groups the profile can grant, group scope versus chosen
 * resources, one scope per policy, account-owned token limits, IP ranges and dates. Paths
 * read like `policies.0.resources.1`, `requestIp.in.2`, `expiresOn`, as the dispatcher's
 * validation errors do, so the wizard can put each message next to its field.
 *
 * Each problem is a message (`validation.draft.*`, a schema's own words as `validation.schema.*`,
 * zod's as `validation.issue.*`) that each face words in its reader's language; the names the user
 * chose (groups, accounts, zones) are parameters, resources nest as `policy.resource.*`, and dates
 * travel as ISO days (`…Day`). `englishMessage(issue.message)` is the sentence for a log.
 */
import { TokenDraft, type PolicyDraft, type ResourceSelector } from '../domain';
import { issueMessage, issuePath } from '../i18n/issue-message';
import { msg, nest, type Message } from '../i18n/message';
import type { BuildContext } from './build-context';
import { nameLookupFor } from './build-context';
import { checkCidr } from './cidr';
import { formatDay, selectorMessage, shortId, type ResourceNames } from './labels';
import { selectorResource } from './resource-keys';
import { SELECTORS_FOR_SCOPE, scopeKind, type ScopeKind } from './scopes';

export interface DraftIssue {
  path: string;
  message: Message;
}

type Report = (path: string, message: Message) => void;

/** How many names a list in a sentence spells out before "and 2 more". */
const NAMES_SHOWN = 3;

/** Names for a sentence, "A", "A and B", "A, B and C", as a message to nest (`validation.names`). */
function namesMessage(names: readonly string[]): Message {
  const params: Record<string, string | number> = {
    count: names.length,
    more: Math.max(0, names.length - NAMES_SHOWN),
  };
  names.slice(0, NAMES_SHOWN).forEach((name, index) => (params[`n${index}`] = name));
  return msg('validation.names', params);
}

/** The account that owns the token, as a resource names it ("account Acme"). */
function ownerMessage(accountId: string, names: ResourceNames): Message {
  return selectorMessage({ type: 'account', accountId, include: true }, names);
}

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
      report(path, msg('validation.draft.groupNotGrantable', { group: shortId(id) }));
      return;
    }
    const kind = scopeKind(group.scope);
    if (kind === null) {
      report(path, msg('validation.draft.groupScopeUnknown', { group: group.name, scope: group.scope }));
      return;
    }
    if (kind === 'r2_bucket') {
      report(path, msg('validation.draft.groupR2', { group: group.name }));
      return;
    }
    if (kind === 'user' && ctx.owner.kind === 'account') {
      report(path, msg('validation.draft.groupUser', { group: group.name }));
      return;
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), group.name]);
  });
  if (byKind.size > 1) {
    const params: Record<string, string | number> = { count: byKind.size };
    [...byKind].forEach(([kind, names], index) =>
      Object.assign(
        params,
        nest(`k${index}`, msg('validation.draft.kindGroups', { kind, groups: names.join(', ') })),
      ),
    );
    report(`${base}.permissionGroupIds`, msg('validation.draft.kindsShareOnePolicy', params));
  }
  return byKind;
}

/** Why an account-owned token cannot reach this resource, or null when it can. */
function outsideOwner(
  selector: ResourceSelector,
  ownerAccountId: string,
  ctx: BuildContext,
  names: ResourceNames,
): Message | null {
  const owner = nest('owner', ownerMessage(ownerAccountId, names));
  const resource = (): Message => selectorMessage(selector, names);
  switch (selector.type) {
    case 'all_accounts':
      return msg('validation.draft.ownerAllAccounts', owner);
    case 'all_zones':
      return msg(
        'validation.draft.ownerAllZones',
        nest(
          'ownerZones',
          selectorMessage({ type: 'account_zones', accountId: ownerAccountId, include: true }, names),
        ),
      );
    case 'user':
      return msg('validation.draft.ownerUser');
    case 'account':
    case 'account_zones':
      return selector.accountId === ownerAccountId
        ? null
        : msg('validation.draft.outsideOwner', { ...nest('resource', resource()), ...owner });
    case 'zone': {
      const zone = ctx.zones.get(selector.zoneId);
      if (!zone) return msg('validation.draft.unknownZone', { ...nest('resource', resource()), ...owner });
      return zone.accountId === ownerAccountId
        ? null
        : msg('validation.draft.outsideOwner', { ...nest('resource', resource()), ...owner });
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
    report(`${base}.resources`, msg('validation.draft.includeOne'));
  }

  const seen = new Map<string, boolean>();
  policy.resources.forEach((selector, index) => {
    const path = `${base}.resources.${index}`;
    const resource = nest('resource', selectorMessage(selector, names));

    if (policy.effect === 'deny' && !selector.include) {
      report(path, msg('validation.draft.denyExcludes', resource));
    }
    if (only) {
      const [kind, groupNames] = only;
      if (!SELECTORS_FOR_SCOPE[kind].includes(selector.type)) {
        report(
          path,
          msg('validation.draft.wrongScope', {
            kind,
            count: groupNames.length,
            ...nest('groups', namesMessage(groupNames)),
            ...resource,
          }),
        );
      }
    }
    if (ctx.owner.kind === 'account') {
      const reason = outsideOwner(selector, ctx.owner.accountId, ctx, names);
      if (reason !== null) report(path, reason);
    } else if (selector.type === 'user' && ctx.userId !== null && selector.userId !== ctx.userId) {
      report(path, msg('validation.draft.notProfileUser', resource));
    }

    const identity = selectorIdentity(selector);
    const earlier = seen.get(identity);
    if (earlier !== undefined && earlier !== selector.include) {
      report(path, msg('validation.draft.includedAndExcluded', resource));
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
  // Days as the UTC day Cloudflare keeps (formatDay), which the faces then word in their locale.
  if (expires <= now.getTime()) {
    report(
      'expiresOn',
      msg('validation.draft.expiryPast', { expiresDay: formatDay(draft.expiresOn ?? '') ?? '' }),
    );
  }
  if (!Number.isNaN(notBefore) && expires <= notBefore) {
    report(
      'expiresOn',
      msg('validation.draft.expiryBeforeStart', { startDay: formatDay(draft.notBefore ?? '') ?? '' }),
    );
  }
}

/** Every problem that keeps a draft from being sent; an empty list means the draft is ready. */
export function validateDraft(draft: TokenDraft, ctx: BuildContext): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const seen = new Set<string>();
  const report: Report = (path, message) => {
    const id = `${path}\n${JSON.stringify(message)}`;
    if (seen.has(id)) return;
    seen.add(id);
    issues.push({ path, message });
  };

  const parsed = TokenDraft.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(issuePath(issue, '(draft)'), issueMessage(issue));
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
