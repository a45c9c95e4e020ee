/**
 * Import: a recipe or a pasted Cloudflare API body, resolved against a profile, as a wizard draft.
 *
 * Nothing is sent here or by the caller: the result opens the wizard, and only its review step can
 * create the token. Everything is accounted for: each name that resolved says what it became,
 * each one that did not is named with the closest names the profile does have, and is left out
 * of the draft (the wizard then shows the gap: a policy without groups or resources cannot be
 * created until the user fills it in).
 *
 * Recipes name things (recipe.ts). Bodies carry ids: a group id the owner is not offered is looked
 * up by the name Cloudflare sent beside it, if any; an account, zone or user id the profile does
 * not see cannot be named, so it is reported by id. When a recipe's owner account is replaced by
 * another (duplicating to another account), resources naming the old owner point at the new one.
 */
import { z } from 'zod';
import type { CfPolicy, CfToken } from '../cloudflare-types';
import type { PermissionGroup, ResourceSelector, TokenOwner } from '../domain';
import { AppError, type ValidationIssue } from '../errors';
import { issueMessage, issuePath, zodIssueDetails } from '../i18n/issue-message';
import { msg, nest, type Message, type MessageParams } from '../i18n/message';
import { createBuildContext } from '../policy/build-context';
import { draftFromToken } from '../policy/draft-from-token';
import { scopeKind } from '../policy/scopes';
import { closestNames } from './closest';
import type { ImportDraft, ImportResult, ResolvedItem, UnresolvedItem } from './export-schemas';
import { Recipe, type RecipeGroup, type RecipeResource, type RecipeToken } from './recipe';

/** What the chosen profile offers a token of the chosen owner. */
export interface ImportTarget {
  profileId: string;
  owner: TokenOwner;
  userId: string | null;
  userLabel?: string | null;
  groups: readonly PermissionGroup[];
  accounts: readonly { id: string; name: string }[];
  zones: readonly { id: string; name: string; accountId: string | null }[];
}

const BodyGroup = z.looseObject({ id: z.string().min(1).max(64), name: z.string().max(200).optional() });
const BodyPolicy = z.looseObject({
  effect: z.enum(['allow', 'deny']),
  permission_groups: z.array(BodyGroup).min(1).max(200),
  resources: z.record(
    z.string().max(300),
    z.union([z.string().max(300), z.record(z.string().max(300), z.string().max(300))]),
  ),
});
/** A create body, or a token as GET returns it (read-only fields are ignored). */
export const ImportBody = z.looseObject({
  name: z.string().trim().min(1).max(120),
  policies: z.array(BodyPolicy).min(1).max(100),
  condition: z
    .looseObject({
      request_ip: z
        .looseObject({
          in: z.array(z.string().max(64)).optional(),
          not_in: z.array(z.string().max(64)).optional(),
        })
        .optional(),
    })
    .nullable()
    .optional(),
  not_before: z.string().max(40).nullable().optional(),
  expires_on: z.string().max(40).nullable().optional(),
});
export type ImportBody = z.infer<typeof ImportBody>;

export type ParsedImport =
  { source: 'recipe'; tokens: RecipeToken[] } | { source: 'body'; tokens: ImportBody[] };

function invalid(message: Message, issues: ValidationIssue[] = []): AppError {
  return new AppError('VALIDATION', message, { issues });
}

/** The first issue's field and what is wrong with it (nested, in the reader's language), as parameters. */
function firstIssue(error: z.ZodError): MessageParams {
  const issue = error.issues[0];
  if (!issue) return { path: '(text)', problem: '' };
  return { path: issuePath(issue, '(text)'), ...nest('problem', issueMessage(issue)) };
}

function zodIssues(error: z.ZodError): ValidationIssue[] {
  return zodIssueDetails(error, '(text)', 10);
}

/**
 * Reads pasted text: a Keyflare recipe, a create body, a token as GET returns it (bare or inside
 * Cloudflare's `{ "result": … }` envelope), or a list of bodies. Throws VALIDATION naming the
 * first problem; nothing is guessed.
 */
export function parseImportText(text: string): ParsedImport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(msg('errors.import.notJson'));
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'format' in value) {
    const recipe = Recipe.safeParse(value);
    if (!recipe.success) {
      const issues = zodIssues(recipe.error);
      throw invalid(msg('errors.import.badRecipe', firstIssue(recipe.error)), issues);
    }
    return { source: 'recipe', tokens: recipe.data.tokens };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'result' in value) {
    value = value.result;
  }
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > 500) throw invalid(msg('errors.export.noBody'));
  const bodies = z.array(ImportBody).safeParse(list);
  if (!bodies.success) {
    const issues = zodIssues(bodies.error);
    throw invalid(msg('errors.import.badBody', firstIssue(bodies.error)), issues);
  }
  return { source: 'body', tokens: bodies.data };
}

// ---------------------------------------------------------------------------------------------
// Recipes

const SCOPE_WORD: Record<RecipeGroup['scope'], string> = { zone: 'zone', account: 'account', user: 'user' };

function byName<T extends { name: string }>(items: readonly T[], name: string): T[] {
  const exact = items.filter((item) => item.name === name);
  if (exact.length > 0) return exact;
  return items.filter((item) => item.name.toLowerCase() === name.toLowerCase());
}

/** A group's subject without its access word: "Logs" for "Logs Read". */
function baseName(name: string): string {
  return name.replace(/ (Read|Write|Edit|Revoke|Run|Purge|Report)$/u, '').toLowerCase();
}

class Resolver {
  readonly resolved: ResolvedItem[] = [];
  readonly unresolved: UnresolvedItem[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly target: ImportTarget,
    /** The recipe owner's account name, replaced by the target owner's account. */
    private readonly ownerSwap: { from: string; toId: string; toName: string } | null,
  ) {}

  private once(key: string, record: () => void): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    record();
  }

  group(group: RecipeGroup): string | null {
    const scope = SCOPE_WORD[group.scope];
    const sameScope = this.target.groups.filter((candidate) => scopeKind(candidate.scope) === group.scope);
    const found = byName(sameScope, group.name)[0];
    const label = `${group.name} (${scope})`;
    if (found) {
      this.once(`g:${label}`, () =>
        this.resolved.push({ what: 'permission group', from: label, to: found.id }),
      );
      return found.id;
    }
    const elsewhere = byName(this.target.groups, group.name)[0];
    this.once(`g:${label}`, () =>
      this.unresolved.push({
        what: 'permission group',
        name: label,
        reason: elsewhere
          ? msg('outcomes.import.otherScope', {
              scope: scopeKind(elsewhere.scope) ?? elsewhere.scope ?? 'other',
            })
          : msg('outcomes.import.groupNotOffered'),
        closest: [
          // The same subject with another access ("Logs Write" for "Logs Read") comes first.
          ...new Set([
            ...sameScope
              .map((candidate) => candidate.name)
              .filter((name) => baseName(name) === baseName(group.name)),
            ...closestNames(
              group.name,
              sameScope.map((candidate) => candidate.name),
            ),
          ]),
        ]
          .slice(0, 3)
          .map((name) => `${name} (${scope})`),
      }),
    );
    return null;
  }

  account(name: string): string | null {
    if (this.ownerSwap && name === this.ownerSwap.from) {
      const { toId, toName } = this.ownerSwap;
      this.once(`a:${name}`, () =>
        this.resolved.push({ what: 'account', from: name, to: `${toName} (the new owner)` }),
      );
      return toId;
    }
    const found = byName(this.target.accounts, name);
    if (found.length === 1 && found[0]) {
      const account = found[0];
      this.once(`a:${name}`, () => this.resolved.push({ what: 'account', from: name, to: account.name }));
      return account.id;
    }
    this.once(`a:${name}`, () =>
      this.unresolved.push({
        what: 'account',
        name,
        reason:
          found.length > 1
            ? msg('outcomes.import.accountsShareName', { count: found.length })
            : msg('outcomes.import.noAccount'),
        closest:
          found.length > 1
            ? found.map((account) => `${account.name} (${account.id})`)
            : closestNames(
                name,
                this.target.accounts.map((account) => account.name),
              ),
      }),
    );
    return null;
  }

  zone(name: string, accountName: string | null): string | null {
    let found = byName(this.target.zones, name);
    if (found.length > 1 && accountName !== null) {
      const accountId = this.account(accountName);
      found = found.filter((zone) => zone.accountId === accountId);
    }
    if (found.length === 1 && found[0]) {
      const zone = found[0];
      this.once(`z:${name}`, () => this.resolved.push({ what: 'zone', from: name, to: zone.name }));
      return zone.id;
    }
    this.once(`z:${name}`, () =>
      this.unresolved.push({
        what: 'zone',
        name,
        reason: msg(found.length > 1 ? 'outcomes.import.zonesShareName' : 'outcomes.import.noZone'),
        closest: closestNames(
          name,
          this.target.zones.map((zone) => zone.name),
        ),
      }),
    );
    return null;
  }

  user(): string | null {
    if (this.target.userId !== null) {
      const userId = this.target.userId;
      this.once('u', () =>
        this.resolved.push({ what: 'user', from: 'the login’s user', to: this.target.userLabel ?? userId }),
      );
      return userId;
    }
    this.once('u', () =>
      this.unresolved.push({
        what: 'user',
        name: 'the login’s user',
        reason: msg('outcomes.import.noUser'),
        closest: [],
      }),
    );
    return null;
  }

  resource(resource: RecipeResource): ResourceSelector | null {
    const include = resource.include;
    switch (resource.type) {
      case 'zone': {
        const zoneId = this.zone(resource.zone, resource.account);
        return zoneId === null ? null : { type: 'zone', zoneId, include };
      }
      case 'account_zones': {
        const accountId = this.account(resource.account);
        return accountId === null ? null : { type: 'account_zones', accountId, include };
      }
      case 'all_zones':
        return { type: 'all_zones', include };
      case 'account': {
        const accountId = this.account(resource.account);
        return accountId === null ? null : { type: 'account', accountId, include };
      }
      case 'all_accounts':
        return { type: 'all_accounts', include };
      case 'user': {
        const userId = this.user();
        return userId === null ? null : { type: 'user', userId, include };
      }
    }
  }
}

/** The owner a recipe asks for, found in the profile by account name; null when it has none such. */
export function recipeOwnerIn(
  recipe: RecipeToken,
  accounts: readonly { id: string; name: string }[],
): TokenOwner | null {
  if (recipe.owner.kind === 'user') return { kind: 'user' };
  const found = byName(accounts, recipe.owner.account);
  return found.length === 1 && found[0] ? { kind: 'account', accountId: found[0].id } : null;
}

function ownerSwapFor(
  recipe: RecipeToken,
  target: ImportTarget,
): { from: string; toId: string; toName: string } | null {
  if (recipe.owner.kind !== 'account' || target.owner.kind !== 'account') return null;
  const toId = target.owner.accountId;
  const toName = target.accounts.find((account) => account.id === toId)?.name ?? toId;
  return toName === recipe.owner.account ? null : { from: recipe.owner.account, toId, toName };
}

function ownerWords(owner: TokenOwner, target: ImportTarget): string {
  if (owner.kind === 'user') return 'user token';
  const name = target.accounts.find((account) => account.id === owner.accountId)?.name ?? owner.accountId;
  return `account-owned token of ${name}`;
}

/** A recipe token resolved against the target profile and owner. */
export function resolveRecipe(
  recipe: RecipeToken,
  target: ImportTarget,
  position: { tokenCount: number; index: number },
): ImportResult {
  const resolver = new Resolver(target, ownerSwapFor(recipe, target));
  const recipeOwner =
    recipe.owner.kind === 'user' ? 'user token' : `account-owned token of ${recipe.owner.account}`;
  resolver.resolved.push({ what: 'owner', from: recipeOwner, to: ownerWords(target.owner, target) });
  const draft: ImportDraft = {
    name: recipe.name,
    policies: recipe.policies.map((policy) => ({
      effect: policy.effect,
      permissionGroupIds: policy.permissionGroups
        .map((group) => resolver.group(group))
        .filter((id): id is string => id !== null),
      resources: policy.resources
        .map((resource) => resolver.resource(resource))
        .filter((selector): selector is ResourceSelector => selector !== null),
    })),
    requestIp: { in: [...recipe.requestIp.in], notIn: [...recipe.requestIp.notIn] },
    notBefore: recipe.notBefore,
    expiresOn: recipe.expiresOn,
  };
  return {
    source: 'recipe',
    ...position,
    profileId: target.profileId,
    owner: target.owner,
    draft,
    resolved: resolver.resolved,
    unresolved: resolver.unresolved,
  };
}

// ---------------------------------------------------------------------------------------------
// API bodies

function selectorKnown(selector: ResourceSelector, target: ImportTarget): string | null {
  switch (selector.type) {
    case 'zone':
      return target.zones.some((zone) => zone.id === selector.zoneId) ? null : `zone ${selector.zoneId}`;
    case 'account_zones':
    case 'account':
      return target.accounts.some((account) => account.id === selector.accountId)
        ? null
        : `account ${selector.accountId}`;
    case 'user':
      return selector.userId === target.userId ? null : `user ${selector.userId}`;
    case 'all_zones':
    case 'all_accounts':
      return null;
  }
}

/** A pasted body resolved against the target profile and owner. */
export function resolveBody(
  body: ImportBody,
  target: ImportTarget,
  position: { tokenCount: number; index: number },
  source: 'body' | 'token' = 'body',
): ImportResult {
  const resolved: ResolvedItem[] = [];
  const unresolved: UnresolvedItem[] = [];
  const groupsById = new Map(target.groups.map((group) => [group.id, group]));
  const cfPolicies: CfPolicy[] = body.policies.map((policy) => ({
    effect: policy.effect,
    permission_groups: policy.permission_groups.map((group) => ({
      id: group.id,
      ...(group.name === undefined ? {} : { name: group.name }),
    })),
    resources: policy.resources,
  }));

  // Groups: by id, else by the name Cloudflare sent beside it.
  const groupIdFor = new Map<string, string | null>();
  for (const group of cfPolicies.flatMap((policy) => policy.permission_groups)) {
    if (groupIdFor.has(group.id)) continue;
    const known = groupsById.get(group.id);
    if (known) {
      groupIdFor.set(group.id, known.id);
      continue;
    }
    const named = group.name ? byName(target.groups, group.name) : [];
    if (named.length === 1 && named[0] && group.name) {
      groupIdFor.set(group.id, named[0].id);
      resolved.push({ what: 'permission group', from: `${group.name} (${group.id})`, to: named[0].id });
      continue;
    }
    groupIdFor.set(group.id, null);
    unresolved.push({
      what: 'permission group',
      name: group.name ? `${group.name} (${group.id})` : group.id,
      reason: msg('outcomes.import.groupIdNotOffered'),
      closest: group.name
        ? closestNames(
            group.name,
            target.groups.map((candidate) => candidate.name),
          )
        : [],
    });
  }

  const ctx = createBuildContext({
    owner: target.owner,
    userId: target.userId,
    groups: target.groups,
    accounts: target.accounts,
    zones: target.zones,
    userLabel: target.userLabel ?? null,
    now: new Date(0),
  });
  const token: CfToken = {
    id: 'import',
    name: body.name,
    status: 'active',
    policies: cfPolicies,
    condition: body.condition?.request_ip
      ? {
          request_ip: {
            ...(body.condition.request_ip.in ? { in: body.condition.request_ip.in } : {}),
            ...(body.condition.request_ip.not_in ? { not_in: body.condition.request_ip.not_in } : {}),
          },
        }
      : null,
    not_before: body.not_before ?? null,
    expires_on: body.expires_on ?? null,
  };
  const read = draftFromToken(token, ctx);
  // Each part the wizard cannot hold is numbered; its message says what it is and why.
  read.unrepresentable.forEach((why, index) =>
    unresolved.push({ what: 'part', name: String(index + 1), reason: why, closest: [] }),
  );

  const missing = new Set<string>();
  const draft: ImportDraft = {
    ...read.draft,
    notBefore: parseDate(read.draft.notBefore, 'not_before', unresolved),
    expiresOn: parseDate(read.draft.expiresOn, 'expires_on', unresolved),
    policies: read.draft.policies.map((policy) => ({
      effect: policy.effect,
      permissionGroupIds: [
        ...new Set(
          policy.permissionGroupIds
            .map((id) => groupIdFor.get(id) ?? null)
            .filter((id): id is string => id !== null),
        ),
      ],
      resources: policy.resources.filter((selector) => {
        const unknown = selectorKnown(selector, target);
        if (unknown !== null) missing.add(unknown);
        return unknown === null;
      }),
    })),
  };
  for (const name of missing) {
    const [what] = name.split(' ') as ['zone' | 'account' | 'user'];
    unresolved.push({
      what,
      name,
      reason: msg('outcomes.import.notSeen'),
      closest: [],
    });
  }
  return {
    source,
    ...position,
    profileId: target.profileId,
    owner: target.owner,
    draft,
    resolved,
    unresolved,
  };
}

/** Dates as the draft holds them; one that is not an ISO date-time is reported and left out. */
function parseDate(value: string | null, field: string, unresolved: UnresolvedItem[]): string | null {
  if (value === null) return null;
  if (z.iso.datetime({ offset: true }).safeParse(value).success) return value;
  unresolved.push({
    what: 'part',
    name: `${field} "${value}"`,
    reason: msg('outcomes.import.notDate'),
    closest: [],
  });
  return null;
}
