/**
 * Bulk plans and their outcome as messages (outcomes.bulk.*) each face words: what a bulk action will send, per profile and account,
 * and after the run which tokens succeeded, which failed and which may have changed.
 *
 * A token is left out, with its reason, when the action would change nothing (already disabled,
 * already active, expired), could not be sent (the profile may not write it, no kept secret to
 * verify) or would lock Keyflare out (disabling or deleting the profile's own credential). Pure:
 * the core plans from the cache, the renderer's demo backend from its fixtures.
 */
import type { TokenDetail, TokenRow } from '../domain';
import { type Message, msg } from '../i18n/message';
import { tokenKey } from '../token-key';
import type {
  BulkAction,
  BulkPlan,
  BulkPlanGroup,
  BulkResult,
  BulkRun,
  BulkSkip,
  BulkToken,
} from './bulk-schemas';

/** What the profile may do with a token (TokenDetail.allowed). */
export interface BulkAllowed {
  edit: boolean;
  delete: boolean;
  reason: TokenDetail['allowed']['reason'];
}

export function bulkToken(row: Pick<TokenRow, 'key' | 'profileId' | 'id' | 'name'>): BulkToken {
  return { key: row.key, profileId: row.profileId, tokenId: row.id, name: row.name };
}

/** Why the token is left out of the action (outcomes.bulk.skip.*), or null when it is sent. */
export function skipReason(
  action: BulkAction,
  row: TokenRow,
  allowed: BulkAllowed,
): BulkSkip['reason'] | null {
  switch (action) {
    case 'disable':
      if (row.status === 'disabled') return msg('outcomes.bulk.skip.alreadyDisabled');
      if (row.status === 'expired') return msg('outcomes.bulk.skip.expiredDisable');
      if (row.isCredential) return msg('outcomes.bulk.skip.ownCredentialDisable');
      return allowed.edit ? null : (allowed.reason ?? msg('outcomes.bulk.skip.mayNotChange'));
    case 'enable':
      if (row.status === 'active') return msg('outcomes.bulk.skip.alreadyActive');
      if (row.status === 'expired') return msg('outcomes.bulk.skip.expiredEnable');
      return allowed.edit ? null : (allowed.reason ?? msg('outcomes.bulk.skip.mayNotChange'));
    case 'delete':
      if (row.isCredential) return msg('outcomes.bulk.skip.ownCredentialDelete');
      return allowed.delete ? null : (allowed.reason ?? msg('outcomes.bulk.skip.mayNotDelete'));
    case 'verify':
      return row.secretKept ? null : msg('outcomes.bulk.skip.noSecret');
  }
}

/**
 * The plan: the tokens grouped by profile, then user tokens before each account's, each group
 * listing what is sent and what is left out. `missing` are tokens the cache no longer holds.
 */
export function planBulk(
  action: BulkAction,
  rows: readonly TokenRow[],
  allowedOf: (row: TokenRow) => BulkAllowed,
  missing: readonly { profileId: string; tokenId: string; profileLabel: string }[] = [],
): BulkPlan {
  const groups = new Map<string, BulkPlanGroup>();
  const seen = new Set<string>();
  const groupOf = (
    profileId: string,
    profileLabel: string,
    accountId: string | null,
    accountName: string | null,
  ): BulkPlanGroup => {
    const key = `${profileId}|${accountId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { profileId, profileLabel, accountId, accountName, send: [], skip: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const row of rows) {
    if (seen.has(row.key)) continue;
    seen.add(row.key);
    const group = groupOf(
      row.profileId,
      row.profileLabel,
      row.kind === 'account' ? row.accountId : null,
      row.kind === 'account' ? row.accountName : null,
    );
    const reason = skipReason(action, row, allowedOf(row));
    if (reason === null) group.send.push(bulkToken(row));
    else group.skip.push({ token: bulkToken(row), reason });
  }
  for (const m of missing) {
    groupOf(m.profileId, m.profileLabel, null, null).skip.push({
      token: {
        key: tokenKey(m.profileId, m.tokenId),
        profileId: m.profileId,
        tokenId: m.tokenId,
        name: m.tokenId,
      },
      reason: msg('outcomes.bulk.skip.notInCache'),
    });
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.profileLabel.localeCompare(b.profileLabel) ||
      (a.accountId === null ? -1 : 0) - (b.accountId === null ? -1 : 0) ||
      (a.accountName ?? a.accountId ?? '').localeCompare(b.accountName ?? b.accountId ?? ''),
  );
  const sendCount = ordered.reduce((n, g) => n + g.send.length, 0);
  const skipCount = ordered.reduce((n, g) => n + g.skip.length, 0);
  const profiles = new Set(ordered.filter((g) => g.send.length > 0).map((g) => g.profileId)).size;
  const summary =
    sendCount === 0
      ? msg('outcomes.bulk.plan.nothing', { action, skipped: skipCount })
      : msg('outcomes.bulk.plan.send', { action, count: sendCount, profiles, skipped: skipCount });
  return { action, groups: ordered, sendCount, skipCount, summary };
}

/** The first five names, quoted as Cloudflare sent them, and how many more: a message's `names` and `more`. */
function listed(results: readonly BulkResult[]): { count: number; names: string; more: number } {
  const names = results.map((r) => `“${r.token.name}”`);
  return { count: results.length, names: names.slice(0, 5).join(', '), more: Math.max(0, names.length - 5) };
}

/** The run's counts and its paragraph: which succeeded, which failed, which may have happened. */
export function summarizeRun(action: BulkAction, results: BulkResult[]): BulkRun {
  const of = (outcome: BulkResult['outcome']): BulkResult[] => results.filter((r) => r.outcome === outcome);
  const done = of('done');
  const failed = of('failed');
  const uncertain = of('uncertain');
  const notSent = of('not_sent');
  const skipped = of('skipped');
  const parts: Message[] = [];
  if (done.length > 0) parts.push(msg('outcomes.bulk.run.done', { action, count: done.length }));
  if (failed.length > 0) parts.push(msg('outcomes.bulk.run.failed', listed(failed)));
  if (uncertain.length > 0) parts.push(msg('outcomes.bulk.run.uncertain', { action, ...listed(uncertain) }));
  if (notSent.length > 0) parts.push(msg('outcomes.bulk.run.notSent', listed(notSent)));
  if (skipped.length > 0) parts.push(msg('outcomes.bulk.run.skipped', { count: skipped.length }));
  return {
    action,
    results,
    counts: {
      done: done.length,
      failed: failed.length,
      uncertain: uncertain.length,
      notSent: notSent.length,
      skipped: skipped.length,
    },
    summary: parts.length > 0 ? parts : [msg('outcomes.bulk.run.nothing')],
  };
}
