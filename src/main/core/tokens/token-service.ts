/**
 * The token service: every token operation behind its contract channel.
 *
 * templates.list, tokens.preview, create, update, setStatus, delete, roll, verify, verifyAll,
 * verifySecret, adopt and forgetSecret. Each operation lives in its own module; this one wires
 * them to the core's services and to one verify budget shared by every verify of a profile.
 * Operations that write a token at Cloudflare run through `writes`, so a sync of the same
 * profile commits only after they reached the cache (in-flight-writes.ts).
 */
import type {
  ResolvedTemplate,
  ShowOnceSecret,
  TokenDraft,
  TokenOwner,
  TokenPreview,
  TokenRow,
  VerifyResult,
} from '../../../shared/domain';
import type { RateBudget } from '../cloudflare/rate-gate';
import type { CoreContext } from '../context';
import { createInFlightWrites, type InFlightWrites } from './in-flight-writes';
import { createToken, type CreateInput } from './create-token';
import { deleteToken } from './delete-token';
import { loadDraftContext } from './draft-context';
import { setTokenStatus, updateToken } from './edit-token';
import { rollToken } from './roll-token';
import { createSecretVerifier } from './secret-verifier';
import { listTemplates } from './template-list';
import type { TokenDeps } from './token-deps';
import { planDraft } from './token-preview';
import { adoptSecret, forgetSecret, verifyPastedSecret, type VerifiedSecret } from './token-secrets';
import { createVerifyBudget } from './verify-budget';
import type { ShownSecrets } from './shown-secrets';
import { verifyAllTokens, verifyToken } from './verify-tokens';

export type { TokenDeps } from './token-deps';

export interface TokenService {
  templates(profileId: string, owner: TokenOwner): ResolvedTemplate[];
  /** With a tokenId, the preview of an edit of that token. */
  preview(profileId: string, owner: TokenOwner, draft: TokenDraft, tokenId?: string): TokenPreview;
  create(input: CreateInput): Promise<ShowOnceSecret>;
  update(profileId: string, tokenId: string, draft: TokenDraft): Promise<TokenRow>;
  setStatus(profileId: string, tokenId: string, status: 'active' | 'disabled'): Promise<TokenRow>;
  delete(profileId: string, tokenId: string): Promise<void>;
  roll(profileId: string, tokenId: string, keepSecret: boolean): Promise<ShowOnceSecret>;
  verify(profileId: string, tokenId: string): Promise<VerifyResult>;
  verifyAll(profileId: string): Promise<{ tokenId: string; result: VerifyResult }[]>;
  verifySecret(profileId: string, secret: string, owner?: TokenOwner): Promise<VerifiedSecret>;
  adopt(profileId: string, tokenId: string, secret: string): Promise<TokenRow>;
  forgetSecret(profileId: string, tokenId: string): Promise<TokenRow>;
}

export interface TokenServiceOptions {
  /** Budget of verify calls per profile (default, or undefined: Cloudflare's 1200 per 5 minutes). */
  verifyBudget?: RateBudget | undefined;
  /** Where just-shown secrets wait for the show-once panel's copy buttons. */
  shownSecrets?: ShownSecrets | undefined;
  /** Keyflare's token writes in flight, shared with the sync service (default: tracked for none). */
  writes?: InFlightWrites | undefined;
}

export function createTokenService(
  ctx: CoreContext,
  deps: TokenDeps,
  options: TokenServiceOptions = {},
): TokenService {
  const verifier = createSecretVerifier(deps.gateway, createVerifyBudget(ctx.clock, options.verifyBudget));
  const shown = options.shownSecrets;
  const writes = options.writes ?? createInFlightWrites();
  // Only a secret the keychain does not hold waits in memory: a kept one is copied from there.
  const remember = (profileId: string, reply: ShowOnceSecret): ShowOnceSecret => {
    if (!reply.keptInKeychain) shown?.remember(profileId, reply.token.id, reply.secret);
    return reply;
  };
  return {
    templates: (profileId, owner) => listTemplates(deps.inventory, deps.profiles.get(profileId), owner),
    preview: (profileId, owner, draft, tokenId) =>
      planDraft(
        draft,
        loadDraftContext(deps.inventory, ctx.clock, deps.profiles.get(profileId), owner),
        tokenId,
      ).preview,
    create: async (input) =>
      remember(input.profileId, await writes.run(input.profileId, () => createToken(ctx, deps, input))),
    update: (profileId, tokenId, draft) =>
      writes.run(profileId, () => updateToken(ctx, deps, profileId, tokenId, draft)),
    setStatus: (profileId, tokenId, status) =>
      writes.run(profileId, () => setTokenStatus(ctx, deps, profileId, tokenId, status)),
    delete: async (profileId, tokenId) => {
      shown?.forget(profileId, tokenId);
      await writes.run(profileId, () => deleteToken(ctx, deps, profileId, tokenId));
    },
    roll: async (profileId, tokenId, keep) => {
      // The previous secret is dead once the roll may have happened: never copy it again.
      shown?.forget(profileId, tokenId);
      return remember(
        profileId,
        await writes.run(profileId, () => rollToken(ctx, deps, profileId, tokenId, keep)),
      );
    },
    verify: (profileId, tokenId) => verifyToken(ctx, deps, verifier, profileId, tokenId),
    verifyAll: (profileId) => verifyAllTokens(ctx, deps, verifier, profileId),
    verifySecret: (profileId, secret, owner) =>
      verifyPastedSecret(ctx, deps, verifier, profileId, secret, owner),
    adopt: (profileId, tokenId, secret) => adoptSecret(ctx, deps, verifier, profileId, tokenId, secret),
    forgetSecret: (profileId, tokenId) => forgetSecret(ctx, deps, profileId, tokenId),
  };
}
