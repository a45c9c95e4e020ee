/**
 * Policies as code in main: export (body, Terraform, recipe), import, duplicate to.
 *
 * Everything is read from the cache (the token exactly as Cloudflare sent it, the profile's
 * names); nothing here sends a request or touches the keychain, so exports work offline and can
 * never carry a secret. An import or a duplicate only resolves a draft for the wizard: the token
 * is created, if at all, by the wizard's review step through tokens.create.
 */
import type { ExportFormat, ExportResult, ImportResult } from '../../../shared/export/export-schemas';
import type { Profile, TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { issueDetail } from '../../../shared/i18n/issue-message';
import { type Message, type MessageParams, msg, nest } from '../../../shared/i18n/message';
import { sentencesMessage } from '../../../shared/policy/labels';
import { tokenApiBody } from '../../../shared/export/api-body';
import { parseImportText, recipeOwnerIn, resolveBody, resolveRecipe } from '../../../shared/export/import';
import { RecipeGap, recipeFromDraft, recipeText, type RecipeToken } from '../../../shared/export/recipe';
import { resourceName, terraformForTokens, type TerraformToken } from '../../../shared/export/terraform';
import { closestNames } from '../../../shared/export/closest';
import { shareLink } from '../../../shared/share/template-url';
import { draftFromToken, nameLookupFor } from '../../../shared/policy/build';
import type { CoreContext } from '../context';
import type { InventoryService } from '../inventory/inventory-service';
import type { ProfileService } from '../profiles/profile-service';
import { ownerOf } from '../db/stored-token';
import { findRowWithStored } from '../db/token-repository';
import { unknownToken } from '../inventory/inventory-service';
import { assertOwnerKnown, assertSynced } from '../tokens/draft-context';
import { importTarget, profileContext } from './profile-names';

export interface TokenRef {
  profileId: string;
  tokenId: string;
}

export interface ExportService {
  exportTokens(refs: readonly TokenRef[], format: ExportFormat): ExportResult;
  copy(refs: readonly TokenRef[], format: ExportFormat): Promise<{ copied: true; characters: number }>;
  resolveImport(input: { profileId: string; text: string; owner?: TokenOwner; index?: number }): ImportResult;
  duplicateTo(ref: TokenRef, targetProfileId: string, targetOwner: TokenOwner): ImportResult;
}

export interface ExportDeps {
  profiles: ProfileService;
  inventory: InventoryService;
}

const EXTENSION: Record<ExportFormat, string> = {
  body: 'json',
  terraform: 'tf',
  recipe: 'keyflare.json',
  share: 'url.txt',
};

/** The owner a new token of this profile gets when the text does not say: the first it may create. */
function defaultOwner(profile: Profile): TokenOwner {
  if (profile.capabilities.createUserTokens) return { kind: 'user' };
  const account = profile.capabilities.accounts.find((candidate) => candidate.createTokens);
  return account ? { kind: 'account', accountId: account.accountId } : { kind: 'user' };
}

export function createExportService(ctx: CoreContext, deps: ExportDeps): ExportService {
  const load = (ref: TokenRef) => {
    const profile = deps.profiles.get(ref.profileId);
    const found = findRowWithStored(ctx.db(), profile, ref.tokenId, ctx.clock.now());
    if (!found) throw unknownToken(ref.profileId, ref.tokenId);
    const entry = found.stored;
    const owner = ownerOf(entry);
    return { profile, entry, owner, names: profileContext(deps.inventory, ctx.clock, profile, owner) };
  };

  /**
   * A token's recipe, or why it has none (`reason` null: it has no policies; otherwise each part
   * the wizard cannot hold, `validation.edit.*`, one sentence after another).
   */
  const recipeOrGap = (
    ref: TokenRef,
  ): { recipe: RecipeToken } | { gap: { name: string; reason: Message | null } } => {
    const { entry, owner, names } = load(ref);
    const read = draftFromToken(entry.token, names);
    if (read.unrepresentable.length > 0 || read.draft.policies.length === 0)
      return {
        gap: {
          name: entry.token.name,
          reason: read.unrepresentable.length > 0 ? sentencesMessage(read.unrepresentable) : null,
        },
      };
    try {
      return { recipe: recipeFromDraft(read.draft, owner, names) };
    } catch (error) {
      if (error instanceof RecipeGap) return { gap: { name: entry.token.name, reason: error.reason } };
      throw error;
    }
  };

  /** Why a gap's token has no recipe, as the parameters of a sentence that names it. */
  const gapParams = (gap: { name: string; reason: Message | null }): MessageParams =>
    gap.reason === null
      ? { name: gap.name, reason: 'none' }
      : { name: gap.name, ...nest('reason', gap.reason) };

  const recipeOf = (ref: TokenRef): RecipeToken | Message => {
    const read = recipeOrGap(ref);
    if ('recipe' in read) return read.recipe;
    return msg('outcomes.export.leftOut', gapParams(read.gap));
  };

  const exportTokens = (refs: readonly TokenRef[], format: ExportFormat): ExportResult => {
    const loaded = refs.map(load);
    const notes: Message[] = [];
    const first = loaded[0]?.entry.token.name ?? 'tokens';
    const fileName = `${loaded.length === 1 ? resourceName(first, new Set()) : 'keyflare-tokens'}.${EXTENSION[format]}`;
    let text: string;
    let importCommands: string[] = [];
    let tokenCount = loaded.length;
    if (format === 'body') {
      const bodies = loaded.map(({ entry, names }) => tokenApiBody(entry.token, names));
      text = `${JSON.stringify(bodies.length === 1 ? bodies[0] : bodies, null, 2)}\n`;
    } else if (format === 'terraform') {
      const items: TerraformToken[] = loaded.map(({ entry, owner, names }) => ({
        token: entry.token,
        owner,
        body: tokenApiBody(entry.token, names),
        names: nameLookupFor(names),
      }));
      const exported = terraformForTokens(items);
      text = exported.text;
      importCommands = exported.resources.map((resource) => resource.importCommand);
    } else if (format === 'share') {
      const [only] = refs;
      if (!only || refs.length > 1)
        throw new AppError('VALIDATION', msg('errors.export.shareOne'), {
          issues: [issueDetail('tokens', msg('errors.export.shareOne'))],
        });
      const detail = deps.inventory.token(only.profileId, only.tokenId);
      const link = shareLink(detail);
      if (link.url === null)
        throw new AppError(
          'VALIDATION',
          msg('errors.export.noTemplateUrl', {
            name: detail.name,
            ...nest('manual', sentencesMessage(link.manual)),
          }),
        );
      text = link.url;
      notes.push(...link.manual);
    } else {
      const recipes: RecipeToken[] = [];
      for (const ref of refs) {
        const recipe = recipeOf(ref);
        if ('key' in recipe) notes.push(recipe);
        else recipes.push(recipe);
      }
      if (recipes.length === 0)
        throw new AppError(
          'VALIDATION',
          msg('errors.export.noRecipe', nest('notes', sentencesMessage(notes))),
          {
            issues: notes.map((note) => issueDetail('(token)', note)),
          },
        );
      text = recipeText(recipes);
      tokenCount = recipes.length;
    }
    for (const { entry, names } of loaded) {
      const read = draftFromToken(entry.token, names);
      if ((format === 'body' || format === 'terraform') && read.unrepresentable.length > 0)
        notes.push(msg('outcomes.export.asCloudflareHolds', { name: entry.token.name }));
    }
    ctx.logger.info('tokens exported', { format, count: tokenCount });
    return { format, text, fileName, tokenCount, importCommands, notes };
  };

  const ownerFor = (
    profile: Profile,
    recipe: RecipeToken | null,
    asked: TokenOwner | undefined,
  ): { owner: TokenOwner; missing: ImportResult['unresolved'] } => {
    if (asked) return { owner: asked, missing: [] };
    if (!recipe) return { owner: defaultOwner(profile), missing: [] };
    const accounts = deps.inventory.accounts(profile.id);
    const found = recipeOwnerIn(recipe, accounts);
    if (found) return { owner: found, missing: [] };
    const name = recipe.owner.kind === 'account' ? recipe.owner.account : '';
    return {
      owner: defaultOwner(profile),
      missing: [
        {
          what: 'owner',
          name: `account-owned token of ${name}`,
          reason: msg('outcomes.import.noOwnerAccount'),
          closest: closestNames(
            name,
            accounts.map((account) => account.name),
          ),
        },
      ],
    };
  };

  return {
    exportTokens,

    async copy(refs, format) {
      const { text } = exportTokens(refs, format);
      // An export never holds a secret: no concealment, no clearing timer.
      await ctx.clipboard.write(text, { concealed: false });
      return { copied: true, characters: text.length };
    },

    resolveImport({ profileId, text, owner: asked, index = 0 }) {
      const profile = deps.profiles.get(profileId);
      assertSynced(profile);
      const parsed = parseImportText(text);
      const tokenCount = parsed.tokens.length;
      const noSuchIndex = msg('errors.export.noSuchIndex', { count: tokenCount, number: index + 1 });
      if (index >= tokenCount)
        throw new AppError('VALIDATION', noSuchIndex, { issues: [issueDetail('index', noSuchIndex)] });
      const position = { tokenCount, index };
      const recipe = parsed.source === 'recipe' ? (parsed.tokens[index] ?? null) : null;
      const { owner, missing } = ownerFor(profile, recipe, asked);
      assertOwnerKnown(deps.inventory, profile, owner);
      const target = importTarget(deps.inventory, profile, owner);
      if (parsed.source === 'recipe' && recipe) {
        const result = resolveRecipe(recipe, target, position);
        return { ...result, unresolved: [...missing, ...result.unresolved] };
      }
      const body = parsed.source === 'body' ? parsed.tokens[index] : undefined;
      if (!body) throw new AppError('VALIDATION', msg('errors.export.noBody'));
      return resolveBody(body, target, position);
    },

    duplicateTo(ref, targetProfileId, targetOwner) {
      const read = recipeOrGap(ref);
      if ('gap' in read)
        throw new AppError('VALIDATION', msg('errors.export.cannotDuplicate', gapParams(read.gap)));
      const recipe = read.recipe;
      const target = deps.profiles.get(targetProfileId);
      assertSynced(target);
      assertOwnerKnown(deps.inventory, target, targetOwner);
      const result = resolveRecipe(recipe, importTarget(deps.inventory, target, targetOwner), {
        tokenCount: 1,
        index: 0,
      });
      return { ...result, source: 'token' };
    },
  };
}
