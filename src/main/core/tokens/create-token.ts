/**
 * tokens.create: a user token or an account-owned token, created once, its secret shown once.
 *
 * Order, and why:
 * 1. Refuse early (no request): profile may not create for this owner -> PERMISSION_DENIED;
 *    draft not valid -> VALIDATION naming each field.
 * 2. POST once. Any failure is reported by `writeFailure` (UNCERTAIN when it may have happened).
 * 3. The cache takes the new token at once (token, policies, resources rows and a `created`
 *    history entry), so the list shows it without a sync.
 * 4. The secret goes to the keychain when asked. If the keychain fails the token still exists:
 *    the reply says so in a sentence and still carries the secret, its only copy.
 */
import type { ShowOnceSecret, TokenDraft, TokenOwner } from '../../../shared/domain';
import { isAppError } from '../../../shared/errors';
import { nameLookupFor } from '../../../shared/policy/build';
import type { CoreContext } from '../context';
import type { CreatedToken } from '../cloudflare/token-endpoints';
import { storedToken } from '../db/stored-token';
import { provisionalRow, putToken } from '../db/token-repository';
import { createdEntry } from '../history/keyflare-entries';
import { loadDraftContext } from './draft-context';
import { keepSecret, type KeepOutcome } from './keep-secret';
import { profileClient } from './operation-target';
import { planDraft } from './token-preview';
import type { TokenDeps } from './token-deps';
import { assertMayCreate } from './write-permission';
import { writeFailure } from './write-errors';

export interface CreateInput {
  profileId: string;
  owner: TokenOwner;
  draft: TokenDraft;
  keepSecret: boolean;
}

export async function createToken(
  ctx: CoreContext,
  deps: TokenDeps,
  input: CreateInput,
): Promise<ShowOnceSecret> {
  const profile = deps.profiles.get(input.profileId);
  const buildContext = loadDraftContext(deps.inventory, ctx.clock, profile, input.owner);
  assertMayCreate(profile, input.owner);
  const { body } = planDraft(input.draft, buildContext);
  const client = await profileClient(deps, profile);

  let created: CreatedToken;
  try {
    created = await client.tokens(input.owner).create(body);
  } catch (error) {
    throw writeFailure('create', error);
  }
  const { secret } = created;
  const stored = storedToken(
    input.owner.kind,
    input.owner.kind === 'account' ? input.owner.accountId : null,
    created.token,
  );
  ctx.logger.info('token created', { profileId: profile.id, tokenId: stored.token.id, kind: stored.kind });

  let cached = true;
  try {
    putToken(ctx.db(), profile.id, stored, [createdEntry(stored, ctx.clock.now().toISOString())]);
  } catch (error) {
    // The token exists at Cloudflare and this reply holds its only secret: report, never throw.
    cached = false;
    ctx.logger.error('created token not cached', {
      profileId: profile.id,
      tokenId: stored.token.id,
      code: isAppError(error) ? error.code : 'unknown',
    });
  }

  const keep: KeepOutcome = input.keepSecret
    ? await keepSecret(ctx, profile.id, stored.token.id, secret)
    : { kept: false, error: null };

  const token = cached
    ? deps.inventory.row(profile.id, stored.token.id)
    : provisionalRow(profile, stored, nameLookupFor(buildContext), keep.kept, ctx.clock.now());
  return { token, secret, keptInKeychain: keep.kept, keychainError: keep.error };
}
