/**
 * Bulk plans and their outcome in words: what a bulk action will send, per profile and account,
 * and after the run which tokens succeeded, which failed and which may have changed.
 *
 * A token is left out, with its reason, when the action would change nothing (already disabled,
 * already active, expired), could not be sent (the profile may not write it, no kept secret to
 * verify) or would lock Keyflare out (disabling or deleting the profile's own credential). Pure:
 * the core plans from the cache, the renderer's demo backend from its fixtures.
 */
import type { TokenRow } from '../domain';
import type { BulkAction, BulkPlan, BulkPlanGroup, BulkResult, BulkRun, BulkToken } from './bulk-schemas';

/** What the profile may do with a token (TokenDetail.allowed). */
export interface BulkAllowed {
  edit: boolean;
  delete: boolean;
  reason: string | null;
}

const VERB: Record<BulkAction, string> = {
  disable: 'Disable',
  enable: 'Enable',
  verify: 'Verify',
  delete: 'Delete',
};

const DONE: Record<BulkAction, string> = {
  disable: 'disabled',
  enable: 'enabled',
  verify: 'verified',
  delete: 'deleted',
};

/** The words of an uncertain outcome, as write-errors.ts says them for one token. */
const MAY_HAVE: Record<BulkAction, string> = {
  disable: 'may have been disabled',
  enable: 'may have been enabled',
  verify: 'could not be verified',
  delete: 'may have been deleted',
};

function count(n: number, one = 'token', many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function bulkToken(row: Pick<TokenRow, 'key' | 'profileId' | 'id' | 'name'>): BulkToken {
  return { key: row.key, profileId: row.profileId, tokenId: row.id, name: row.name };
}

/** Why the token is left out of the action, or null when it is sent. */
export function skipReason(action: BulkAction, row: TokenRow, allowed: BulkAllowed): string | null {
  switch (action) {
    case 'disable':
      if (row.status === 'disabled') return 'already disabled';
      if (row.status === 'expired') return 'has expired: it already works nowhere';
      if (row.isCredential) return 'is this profile’s own credential: disabling it would lock Keyflare out';
      return allowed.edit ? null : (allowed.reason ?? 'this profile may not change it');
    case 'enable':
      if (row.status === 'active') return 'already active';
      if (row.status === 'expired') return 'has expired: enabling cannot bring it back, edit its expiry';
      return allowed.edit ? null : (allowed.reason ?? 'this profile may not change it');
    case 'delete':
      if (row.isCredential) return 'is this profile’s own credential: deleting it would lock Keyflare out';
      return allowed.delete ? null : (allowed.reason ?? 'this profile may not delete it');
    case 'verify':
      return row.secretKept ? null : 'Keyflare does not keep its secret: adopt it first';
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
    ownerLabel: string,
  ): BulkPlanGroup => {
    const key = `${profileId}|${accountId ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { profileId, profileLabel, accountId, ownerLabel, send: [], skip: [] };
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
      row.kind === 'account' ? `account ${row.accountName ?? row.accountId ?? ''}` : 'user tokens',
    );
    const reason = skipReason(action, row, allowedOf(row));
    if (reason === null) group.send.push(bulkToken(row));
    else group.skip.push({ token: bulkToken(row), reason });
  }
  for (const m of missing) {
    groupOf(m.profileId, m.profileLabel, null, 'user tokens').skip.push({
      token: {
        key: `${m.profileId}:${m.tokenId}`,
        profileId: m.profileId,
        tokenId: m.tokenId,
        name: m.tokenId,
      },
      reason: 'no longer in the cache: sync to refresh the list',
    });
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.profileLabel.localeCompare(b.profileLabel) ||
      (a.accountId === null ? -1 : 0) - (b.accountId === null ? -1 : 0) ||
      a.ownerLabel.localeCompare(b.ownerLabel),
  );
  const sendCount = ordered.reduce((n, g) => n + g.send.length, 0);
  const skipCount = ordered.reduce((n, g) => n + g.skip.length, 0);
  const profiles = new Set(ordered.filter((g) => g.send.length > 0).map((g) => g.profileId)).size;
  const summary =
    sendCount === 0
      ? `Nothing to ${action}: ${skipCount === 1 ? 'the token is' : `all ${count(skipCount)} are`} left out.`
      : `${VERB[action]} ${count(sendCount)}${profiles > 1 ? ` in ${count(profiles, 'profile')}` : ''}: ${count(sendCount, 'request')} to Cloudflare, each sent once.` +
        (skipCount > 0 ? ` ${count(skipCount)} ${skipCount === 1 ? 'is' : 'are'} left out.` : '');
  return { action, groups: ordered, sendCount, skipCount, summary };
}

function listed(results: readonly BulkResult[]): string {
  const names = results.map((r) => `“${r.token.name}”`);
  return names.length <= 5
    ? names.join(', ')
    : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

/** The run's counts and its paragraph: which succeeded, which failed, which may have happened. */
export function summarizeRun(action: BulkAction, results: BulkResult[]): BulkRun {
  const of = (outcome: BulkResult['outcome']): BulkResult[] => results.filter((r) => r.outcome === outcome);
  const done = of('done');
  const failed = of('failed');
  const uncertain = of('uncertain');
  const notSent = of('not_sent');
  const skipped = of('skipped');
  const parts: string[] = [];
  if (done.length > 0) parts.push(`${count(done.length)} ${DONE[action]}.`);
  if (failed.length > 0)
    parts.push(
      `${count(failed.length)} failed, nothing happened to ${failed.length === 1 ? 'it' : 'them'}: ${listed(failed)}.`,
    );
  if (uncertain.length > 0)
    parts.push(
      `${count(uncertain.length)} ${MAY_HAVE[action]} (Cloudflare did not confirm; sync to check, nothing is retried): ${listed(uncertain)}.`,
    );
  if (notSent.length > 0) parts.push(`${count(notSent.length)} not sent: ${listed(notSent)}.`);
  if (skipped.length > 0) parts.push(`${count(skipped.length)} left out.`);
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
    summary: parts.join(' ') || 'Nothing was sent.',
  };
}
