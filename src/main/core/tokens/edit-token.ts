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
import { draftFromToken } from '../../../shared/policy/build';
import type { CloudflareClient } from '../cloudflare/gateway';
import type { WireToken } from '../cloudflare/wire';
import type { CoreContext } from '../context';
import type { NewHistoryEntry, SnapshotToken } from '../db/snapshot-repository';
import { putToken } from '../db/token-repository';
import { loadCachedToken, profileClient, tokenRow, type CachedToken } from './cached-token';
import { loadDraftContext } from './draft-context';
import { fullTokenBody, withCurrentStatus } from './full-token-body';
import { getFor, updateFor } from './owner-calls';
import { planDraft } from './token-preview';
import { changeEntries } from './token-history';
import type { TokenDeps } from './token-deps';
import { assertMayChange } from './write-permission';
import { readBeforeWriteFailure, writeFailure, type WriteOperation } from './write-errors';

async function readFresh(
  client: CloudflareClient,
  cached: CachedToken,
  operation: WriteOperation,
): Promise<WireToken> {
  try {
    return await getFor(client, cached.owner, cached.row.id);
  } catch (error) {
    throw readBeforeWriteFailure(operation, error);
  }
}

function freshEntry(cached: CachedToken, token: WireToken): SnapshotToken {
  return { kind: cached.entry.kind, accountId: cached.entry.accountId, token };
}

/** Records what a PUT changed (after any change seen since the last sync) and returns the new row. */
function saveWritten(
  ctx: CoreContext,
  deps: TokenDeps,
  cached: CachedToken,
  before: WireToken,
  after: WireToken,
  seenSinceSync: readonly NewHistoryEntry[] = [],
): TokenRow {
  const at = ctx.clock.now().toISOString();
  const written = changeEntries(freshEntry(cached, before), freshEntry(cached, after), at, 'keyflare');
  putToken(ctx.db(), cached.profile.id, freshEntry(cached, after), [...seenSinceSync, ...written]);
  return tokenRow(deps, cached.profile.id, cached.row.id);
}

export async function updateToken(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
  draft: TokenDraft,
): Promise<TokenRow> {
  const cached = loadCachedToken(ctx, deps, profileId, tokenId);
  assertMayChange(cached, 'edit');
  const buildContext = loadDraftContext(deps.inventory, ctx.clock, cached.profile, cached.owner);
  const { body } = planDraft(draft, buildContext);
  const client = await profileClient(deps, cached.profile);
  const fresh = await readFresh(client, cached, 'update');

  const unrepresentable = draftFromToken(fresh, buildContext).unrepresentable;
  if (unrepresentable.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Keyflare cannot save this token without removing parts it cannot edit: ${unrepresentable.join(' ')} Edit it in the Cloudflare dashboard. Nothing was changed.`,
      { profileId, tokenId, issues: unrepresentable.map((message) => ({ path: '(token)', message })) },
    );
  }
  const at = ctx.clock.now().toISOString();
  const outside = changeEntries(cached.entry, freshEntry(cached, fresh), at, 'sync');
  // A status Cloudflare derived (expired) or set elsewhere is carried over as it is, not overwritten.
  if (outside.some((entry) => entry.kind !== 'status_changed')) {
    putToken(ctx.db(), profileId, freshEntry(cached, fresh), outside);
    throw new AppError(
      'CONFLICT',
      `“${fresh.name}” was changed outside Keyflare since the last sync (${outside.map((entry) => entry.summary).join('; ')}). Keyflare refreshed it: review the token and make your change again. Nothing was changed.`,
      { profileId, tokenId },
    );
  }

  let updated: WireToken;
  try {
    updated = await updateFor(client, cached.owner, tokenId, withCurrentStatus(body, fresh.status));
  } catch (error) {
    throw writeFailure('update', error);
  }
  ctx.logger.info('token updated', { profileId, tokenId });
  return saveWritten(ctx, deps, cached, fresh, updated, outside);
}

export async function setTokenStatus(
  ctx: CoreContext,
  deps: TokenDeps,
  profileId: string,
  tokenId: string,
  status: 'active' | 'disabled',
): Promise<TokenRow> {
  const cached = loadCachedToken(ctx, deps, profileId, tokenId);
  assertMayChange(cached, status === 'disabled' ? 'disable' : 'edit');
  const client = await profileClient(deps, cached.profile);
  const fresh = await readFresh(client, cached, 'setStatus');
  const outside = changeEntries(
    cached.entry,
    freshEntry(cached, fresh),
    ctx.clock.now().toISOString(),
    'sync',
  );
  const catchUp = (): void => putToken(ctx.db(), profileId, freshEntry(cached, fresh), outside);

  if (fresh.status === 'expired' && status === 'active') {
    catchUp();
    throw new AppError(
      'VALIDATION',
      'An expired token cannot be enabled: edit its expiry date instead. Nothing was changed.',
      { profileId, tokenId, issues: [{ path: 'status', message: 'an expired token cannot be enabled' }] },
    );
  }
  if (fresh.status === status) {
    // Already so at Cloudflare (changed elsewhere): nothing to send, only the cache to catch up.
    catchUp();
    return tokenRow(deps, profileId, tokenId);
  }

  let updated: WireToken;
  try {
    updated = await updateFor(client, cached.owner, tokenId, fullTokenBody(fresh, status));
  } catch (error) {
    throw writeFailure('setStatus', error);
  }
  ctx.logger.info('token status set', { profileId, tokenId, status });
  return saveWritten(ctx, deps, cached, fresh, updated, outside);
}
