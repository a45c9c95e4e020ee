/**
 * bulk.plan and bulk.run: disable, enable, verify or delete many tokens, across profiles.
 *
 * The plan is read from the cache and sends nothing (src/shared/bulk/bulk-plan.ts says what is
 * left out and why). The run plans again, so it acts on the cache as it is now, then sends each
 * token's request once through the token service, the same operation one click would run (its
 * permission checks, its write journal, its history line, its keychain clean-up), a few at a
 * time. Nothing is retried: a write that may have reached Cloudflare is reported as such.
 *
 * When a profile cannot go on (rate limited, its credential refused, Cloudflare unreachable) its
 * remaining tokens are not sent and say why, while other profiles carry on. Progress goes out as
 * `bulk.progress` events, one per token.
 */
import pLimit from 'p-limit';
import { planBulk, summarizeRun } from '../../../shared/bulk/bulk-plan';
import type { BulkAction, BulkPlan, BulkResult, BulkRun, BulkToken } from '../../../shared/bulk/bulk-schemas';
import type { TokenRow } from '../../../shared/domain';
import { type ErrorCode, errorTitleKey, isAppError } from '../../../shared/errors';
import { type Message, msg } from '../../../shared/i18n/message';
import type { CoreContext } from '../context';
import { listProfiles } from '../db/profile-repository';
import type { InventoryService } from '../inventory/inventory-service';
import { tokenPermissions } from '../inventory/token-permissions';
import type { TokenService } from '../tokens/token-service';

/** Requests in flight at once during a bulk run. */
export const BULK_CONCURRENCY = 4;

/** Errors after which nothing more is sent for that profile. */
const PROFILE_STOPPERS = new Set([
  'RATE_LIMITED',
  'AUTH_INVALID',
  'OFFLINE',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
]);

export interface BulkRef {
  profileId: string;
  tokenId: string;
}

export interface BulkService {
  plan(action: BulkAction, refs: readonly BulkRef[]): BulkPlan;
  run(action: BulkAction, refs: readonly BulkRef[]): Promise<BulkRun>;
}

export interface BulkDeps {
  inventory: InventoryService;
  tokens: Pick<TokenService, 'setStatus' | 'delete' | 'verify'>;
}

export function createBulkService(ctx: CoreContext, deps: BulkDeps): BulkService {
  const plan = (action: BulkAction, refs: readonly BulkRef[]): BulkPlan => {
    const profiles = new Map(listProfiles(ctx.db()).map((p) => [p.id, p]));
    const wanted = new Set(refs.map((r) => `${r.profileId}:${r.tokenId}`));
    const rows = new Map<string, TokenRow>();
    for (const profileId of new Set(refs.map((r) => r.profileId))) {
      if (!profiles.has(profileId)) continue;
      for (const row of deps.inventory.tokens(profileId)) if (wanted.has(row.key)) rows.set(row.key, row);
    }
    const ordered: TokenRow[] = [];
    const missing: { profileId: string; tokenId: string; profileLabel: string }[] = [];
    for (const ref of refs) {
      const row = rows.get(`${ref.profileId}:${ref.tokenId}`);
      if (row) ordered.push(row);
      else missing.push({ ...ref, profileLabel: profiles.get(ref.profileId)?.label ?? 'a removed profile' });
    }
    const allowedOf = (row: TokenRow): ReturnType<typeof tokenPermissions> => {
      const profile = profiles.get(row.profileId);
      return profile
        ? tokenPermissions(profile, row)
        : { edit: false, roll: false, delete: false, reason: null };
    };
    return planBulk(action, ordered, allowedOf, missing);
  };

  const send = async (action: BulkAction, token: BulkToken): Promise<BulkResult> => {
    try {
      switch (action) {
        case 'disable':
        case 'enable':
          await deps.tokens.setStatus(
            token.profileId,
            token.tokenId,
            action === 'disable' ? 'disabled' : 'active',
          );
          return { token, outcome: 'done', message: null, code: null };
        case 'delete':
          await deps.tokens.delete(token.profileId, token.tokenId);
          return { token, outcome: 'done', message: null, code: null };
        case 'verify': {
          const result = await deps.tokens.verify(token.profileId, token.tokenId);
          return { token, outcome: 'done', message: result.message, code: result.outcome };
        }
      }
    } catch (error) {
      if (!isAppError(error))
        return { token, outcome: 'failed', message: msg('errors.unexpected'), code: 'INTERNAL' };
      return {
        token,
        outcome: error.code === 'UNCERTAIN' ? 'uncertain' : 'failed',
        // A converted error says its own sentence; one still in English says its code's title.
        message: error.key ? { key: error.key, params: error.params ?? {} } : codeTitle(error.code),
        code: error.code,
      };
    }
  };

  return {
    plan,

    async run(action, refs) {
      const current = plan(action, refs);
      const toSend = current.groups.flatMap((g) => g.send);
      const skipped: BulkResult[] = current.groups.flatMap((g) =>
        g.skip.map((s): BulkResult => ({
          token: s.token,
          outcome: 'skipped',
          message: s.reason,
          code: null,
        })),
      );
      const total = toSend.length;
      const stopped = new Map<string, Message>();
      const results = new Map<string, BulkResult>();
      let done = 0;
      const limit = pLimit(BULK_CONCURRENCY);
      ctx.logger.info('bulk run started', { action, tokens: total, leftOut: skipped.length });
      await Promise.all(
        toSend.map((token) =>
          limit(async () => {
            const reason = stopped.get(token.profileId);
            const result: BulkResult =
              reason !== undefined
                ? { token, outcome: 'not_sent', message: reason, code: null }
                : await send(action, token);
            if (result.outcome === 'failed' && result.code !== null && PROFILE_STOPPERS.has(result.code))
              stopped.set(
                token.profileId,
                msg('outcomes.bulk.result.stoppedAfter', { code: result.code ?? 'other' }),
              );
            results.set(token.key, result);
            done += 1;
            ctx.emit('bulk.progress', { action, done, total, last: result });
          }),
        ),
      );
      const ordered = [...toSend.map((t) => results.get(t.key) ?? notSent(t)), ...skipped];
      const run = summarizeRun(action, ordered);
      ctx.logger.info('bulk run ended', { action, ...run.counts });
      return run;
    },
  };
}

/** A code's generic title, for an error that has no message of its own yet. */
function codeTitle(code: ErrorCode): Message {
  return msg(errorTitleKey(code), { until: 'none', operation: 'other', movedTo: 'none', issues: 'none' });
}

function notSent(token: BulkToken): BulkResult {
  return { token, outcome: 'not_sent', message: msg('outcomes.bulk.result.notSent'), code: null };
}
