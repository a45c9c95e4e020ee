/**
 * access.explore: who can do what where, across every login, from the cache.
 *
 * The index (src/shared/access/access-index.ts) is built from every cached token's decoded
 * policies and kept until the cache changes: a cheap fingerprint of the tokens, zones, accounts
 * and profile labels is compared at each question, so a sync, a write by this window or by the
 * command line is seen at the next question and an unchanged cache is never read in full again.
 */
import { buildAccessIndex, type AccessIndex } from '../../../shared/access/access-index';
import type { AccessExplore, ExploreTarget } from '../../../shared/access/access-schemas';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { tokenKey } from '../../../shared/token-key';
import type { CoreContext } from '../context';
import { accessFingerprint, listPolicyRows } from '../db/access-repository';
import { listAccounts, listZones } from '../db/lists-repository';
import { listProfiles } from '../db/profile-repository';

export interface AccessService {
  explore(target: ExploreTarget): AccessExplore;
  /** The index as of now (built or reused), for the benchmark and tests. */
  index(): AccessIndex;
}

function unknownTarget(target: ExploreTarget): AppError {
  return new AppError('NOT_FOUND', msg('errors.access.unknownTarget', { kind: target.kind }), {
    ...(target.kind === 'zone' ? { zoneId: target.zoneId } : {}),
    ...(target.kind === 'account' ? { accountId: target.accountId } : {}),
  });
}

export function createAccessService(ctx: CoreContext): AccessService {
  let cached: { fingerprint: string; index: AccessIndex } | null = null;

  const index = (): AccessIndex => {
    const db = ctx.db();
    const fingerprint = accessFingerprint(db);
    if (cached?.fingerprint === fingerprint) return cached.index;
    const profiles = listProfiles(db);
    const labels = new Map(profiles.map((p) => [p.id, p.label]));
    const built = buildAccessIndex({
      tokens: listPolicyRows(db).map((row) => ({
        ...row,
        key: tokenKey(row.profileId, row.id),
        profileLabel: labels.get(row.profileId) ?? row.profileId,
      })),
      zones: profiles.flatMap((p) => listZones(db, p.id)),
      accounts: profiles.flatMap((p) => listAccounts(db, p.id)),
      profiles: profiles.map((p) => ({ id: p.id, userId: p.userId })),
    });
    cached = { fingerprint, index: built };
    return built;
  };

  return {
    explore(target) {
      const answer = index().explore(target, ctx.clock.now());
      if (!answer) throw unknownTarget(target);
      return answer;
    },
    index,
  };
}
