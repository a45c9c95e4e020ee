/**
 * tokens.update and tokens.setStatus: PUT the whole token once, then update the cache.
 *
 * Both read the token fresh from Cloudflare first (a read, which may retry): PUT replaces the
 * whole definition, so it must start from what Cloudflare holds now, not from a cache that may
 * be a sync old. An edit also refuses to overwrite a change made outside Keyflare since the last
 * sync (CONFLICT; the cache is refreshed so the user can review it), and refuses a token whose
 * parts its draft cannot hold (R2 buckets, unknown resources), because saving would drop them.
 * The PUT itself is sent once; `writeFailure` words what its failure means.
 */
import type { TokenDraft, TokenRow } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { englishMessage } from '../../../shared/i18n/english-message';
import { issueDetail } from '../../../shared/i18n/issue-message';
import { msg, nest } from '../../../shared/i18n/message';
import { sentencesMessage } from '../../../shared/policy/labels';
import { draftFromToken } from '../../../shared/policy/build';
import type { CloudflareClient } from '../cloudflare/gateway';
import type { WireToken } from '../cloudflare/wire';
import type { CoreContext } from '../context';
import type { NewHistoryEntry } from '../db/history-repository';
import { storedToken, type StoredToken } from '../db/stored-token';
import { putToken } from '../db/token-repository';
import { changeEntries } from '../history/keyflare-entries';
import { loadDraftContext } from './draft-context';
import { fullTokenBody, withCurrentStatus } from './full-token-body';
import { loadTarget, profileClient, type OperationTarget } from './operation-target';
import { planDraft } from './token-preview';
import type { TokenDeps } from './token-deps';
import { assertMayChange } from './write-permission';
import { readBeforeWriteFailure, writeFailure, type WriteOperation } from './write-errors';

async function readFresh(
  client: CloudflareClient,
  target: OperationTarget,
  operation: WriteOperation,
): Promise<WireToken> {
  try {
    return await client.tokens(target.owner).get(target.row.id);
  } catch (error) {
    throw readBeforeWriteFailure(operation, error);
  }
}

/** The target's token as Cloudflare holds it now. */
function asFetched(target: OperationTarget, token: WireToken): StoredToken {
  return storedToken(target.stored.kind, target.stored.accountId, token);
}

/** Records what a PUT changed (after any change seen since the last sync) and returns the new row. */
function saveWritten(
  ctx: CoreContext,
  deps: TokenDeps,
  target: OperationTarget,
  before: WireToken,
  after: WireToken,
  seenSinceSync: readonly NewHistoryEntry[] = [],
): TokenRow {
  const at = ctx.clock.now().toISOString();
  const written = changeEntries(asFetched(target, before), asFetched(target, after), at, 'keyflare');
  putToken(ctx.db(), target.profile.id, asFetched(target, after), [...seenSinceSync, ...written]);
  return deps.inventory.row(target.profile.id, target.row.id);
}

export async function updateToken(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
  draft: TokenDraft,
): Promise<TokenRow> {
  const target = loadTarget(ctx, deps, profileId, tokenId);
  assertMayChange(target, 'edit');
  const buildContext = loadDraftContext(deps.inventory, ctx.clock, target.profile, target.owner);
  const { body } = planDraft(draft, buildContext);
  const client = await profileClient(deps, target.profile);
  const fresh = await readFresh(client, target, 'update');

  const unrepresentable = draftFromToken(fresh, buildContext).unrepresentable;
  if (unrepresentable.length > 0) {
    throw new AppError(
      'VALIDATION',
      msg('errors.tokens.cannotSave', nest('parts', sentencesMessage(unrepresentable))),
      {
        profileId,
        tokenId,
        issues: unrepresentable.map((message) => issueDetail('(token)', message)),
      },
    );
  }
  const at = ctx.clock.now().toISOString();
  const outside = changeEntries(target.stored, asFetched(target, fresh), at, 'sync');
  // A status Cloudflare derived (expired) or set elsewhere is carried over as it is, not overwritten.
  if (outside.some((entry) => entry.kind !== 'status_changed')) {
    putToken(ctx.db(), profileId, asFetched(target, fresh), outside);
    throw new AppError(
      'CONFLICT',
      msg('errors.tokens.changedOutside', {
        name: fresh.name,
        changes: outside.map((entry) => englishMessage(entry.message)).join('; '),
      }),
      { profileId, tokenId },
    );
  }

  let updated: WireToken;
  try {
    updated = await client.tokens(target.owner).update(tokenId, withCurrentStatus(body, fresh.status));
  } catch (error) {
    throw writeFailure('update', error);
  }
  ctx.logger.info('token updated', { profileId, tokenId });
  return saveWritten(ctx, deps, target, fresh, updated, outside);
}

export async function setTokenStatus(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
  status: 'active' | 'disabled',
): Promise<TokenRow> {
  const target = loadTarget(ctx, deps, profileId, tokenId);
  assertMayChange(target, status === 'disabled' ? 'disable' : 'edit');
  const client = await profileClient(deps, target.profile);
  const fresh = await readFresh(client, target, 'setStatus');
  const outside = changeEntries(
    target.stored,
    asFetched(target, fresh),
    ctx.clock.now().toISOString(),
    'sync',
  );
  const catchUp = (): void => putToken(ctx.db(), profileId, asFetched(target, fresh), outside);

  if (fresh.status === 'expired' && status === 'active') {
    catchUp();
    throw new AppError('VALIDATION', msg('errors.tokens.expiredEnable'), {
      profileId,
      tokenId,
      issues: [issueDetail('status', msg('validation.token.expiredEnable'))],
    });
  }
  if (fresh.status === status) {
    // Already so at Cloudflare (changed elsewhere): nothing to send, only the cache to catch up.
    catchUp();
    return deps.inventory.row(profileId, tokenId);
  }

  let updated: WireToken;
  try {
    updated = await client.tokens(target.owner).update(tokenId, fullTokenBody(fresh, status));
  } catch (error) {
    throw writeFailure('setStatus', error);
  }
  ctx.logger.info('token status set', { profileId, tokenId, status });
  return saveWritten(ctx, deps, target, fresh, updated, outside);
}
