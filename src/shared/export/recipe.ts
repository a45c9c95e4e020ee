/**
 * Keyflare recipes: a token's access as portable JSON, named rather than numbered.
 *
 * Ids are private to a login: the zone example.com has one id for everyone, but another account
 * or another Cloudflare login sees other accounts, and a permission group's id only means
 * something next to its scope. A recipe therefore names every permission group by name and
 * scope (zone, account, user), every account by name and every zone by name (with its account's
 * name), and the owner as "user" or an account by name. Importing resolves those names against
 * whatever profile the user picks (import.ts), so the same access can be re-created elsewhere.
 * A recipe never holds a secret, an id or a date of issue.
 */
import { z } from 'zod';
import type { ResourceSelector, TokenDraft, TokenOwner } from '../domain';
import { IsoDateTime } from '../domain';
import { englishMessage } from '../i18n/english-message';
import { type Message, msg } from '../i18n/message';
import type { BuildContext } from '../policy/build-context';
import { scopeKind } from '../policy/scopes';

/** The format marker and version a recipe document starts with. */
export const RECIPE_FORMAT = 'keyflare-recipe';
export const RECIPE_VERSION = 1;

const Name = z.string().trim().min(1).max(253);

export const RecipeScope = z.enum(['zone', 'account', 'user']);
export type RecipeScope = z.infer<typeof RecipeScope>;

export const RecipeGroup = z.object({ name: Name, scope: RecipeScope }).strict();
export type RecipeGroup = z.infer<typeof RecipeGroup>;

export const RecipeResource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('zone'), zone: Name, account: Name.nullable(), include: z.boolean() }).strict(),
  z.object({ type: z.literal('account_zones'), account: Name, include: z.boolean() }).strict(),
  z.object({ type: z.literal('all_zones'), include: z.boolean() }).strict(),
  z.object({ type: z.literal('account'), account: Name, include: z.boolean() }).strict(),
  z.object({ type: z.literal('all_accounts'), include: z.boolean() }).strict(),
  /** The login's own user: whoever imports the recipe. */
  z.object({ type: z.literal('user'), include: z.boolean() }).strict(),
]);
export type RecipeResource = z.infer<typeof RecipeResource>;

export const RecipePolicy = z
  .object({
    effect: z.enum(['allow', 'deny']),
    permissionGroups: z.array(RecipeGroup).min(1).max(200),
    resources: z.array(RecipeResource).min(1).max(500),
  })
  .strict();

export const RecipeOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user') }).strict(),
  z.object({ kind: z.literal('account'), account: Name }).strict(),
]);
export type RecipeOwner = z.infer<typeof RecipeOwner>;

export const RecipeToken = z
  .object({
    name: z.string().trim().min(1).max(120),
    owner: RecipeOwner,
    policies: z.array(RecipePolicy).min(1).max(100),
    requestIp: z
      .object({ in: z.array(z.string().max(64)).max(100), notIn: z.array(z.string().max(64)).max(100) })
      .strict(),
    notBefore: IsoDateTime.nullable(),
    expiresOn: IsoDateTime.nullable(),
  })
  .strict();
export type RecipeToken = z.infer<typeof RecipeToken>;

export const Recipe = z
  .object({
    format: z.literal(RECIPE_FORMAT),
    version: z.literal(RECIPE_VERSION),
    tokens: z.array(RecipeToken).min(1).max(500),
  })
  .strict();
export type Recipe = z.infer<typeof Recipe>;

/** A recipe could not name part of a token: the reason, as a message (`outcomes.export.gap.*`). */
export class RecipeGap extends Error {
  constructor(readonly reason: Message) {
    super(englishMessage(reason));
  }
}

function accountName(ctx: BuildContext, accountId: string): string {
  const name = ctx.accounts.get(accountId);
  if (name === undefined) throw new RecipeGap(msg('outcomes.export.gap.account', { id: accountId }));
  return name;
}

function recipeResource(selector: ResourceSelector, ctx: BuildContext): RecipeResource {
  const include = selector.include;
  switch (selector.type) {
    case 'zone': {
      const zone = ctx.zones.get(selector.zoneId);
      if (!zone) throw new RecipeGap(msg('outcomes.export.gap.zone', { id: selector.zoneId }));
      const account = zone.accountId === null ? null : (ctx.accounts.get(zone.accountId) ?? null);
      return { type: 'zone', zone: zone.name, account, include };
    }
    case 'account_zones':
      return { type: 'account_zones', account: accountName(ctx, selector.accountId), include };
    case 'all_zones':
      return { type: 'all_zones', include };
    case 'account':
      return { type: 'account', account: accountName(ctx, selector.accountId), include };
    case 'all_accounts':
      return { type: 'all_accounts', include };
    case 'user':
      return { type: 'user', include };
  }
}

function recipeGroup(id: string, ctx: BuildContext): RecipeGroup {
  const group = ctx.groups.get(id);
  const kind = group ? scopeKind(group.scope) : null;
  if (!group || kind === null || kind === 'r2_bucket')
    throw new RecipeGap(msg('outcomes.export.gap.group', { id }));
  return { name: group.name, scope: kind };
}

/**
 * One token of a recipe from its draft, with names from its profile's cache.
 *
 * Throws RecipeGap when something cannot be named (an account or zone the cache does not hold,
 * a group its profile does not list): a recipe with a hole would re-create less than the token.
 */
export function recipeFromDraft(draft: TokenDraft, owner: TokenOwner, ctx: BuildContext): RecipeToken {
  return {
    name: draft.name,
    owner:
      owner.kind === 'user'
        ? { kind: 'user' }
        : { kind: 'account', account: accountName(ctx, owner.accountId) },
    policies: draft.policies.map((policy) => ({
      effect: policy.effect,
      permissionGroups: policy.permissionGroupIds.map((id) => recipeGroup(id, ctx)),
      resources: policy.resources.map((selector) => recipeResource(selector, ctx)),
    })),
    requestIp: { in: [...draft.requestIp.in], notIn: [...draft.requestIp.notIn] },
    notBefore: draft.notBefore,
    expiresOn: draft.expiresOn,
  };
}

/** The recipe document of one token or a selection, as pretty JSON. */
export function recipeText(tokens: readonly RecipeToken[]): string {
  const recipe: Recipe = { format: RECIPE_FORMAT, version: RECIPE_VERSION, tokens: [...tokens] };
  return `${JSON.stringify(recipe, null, 2)}\n`;
}
