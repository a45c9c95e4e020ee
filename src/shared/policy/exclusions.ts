/**
 * Exclusion pairs: which deny policy is the dashboard's "except …" of which allow policy.
 *
 * Cloudflare has no "exclude" inside a policy. The dashboard writes "all zones except x.com" as
 * an allow policy plus a deny policy with the same permission groups (as sets). Every place that
 * reads a token back (the list's summaries, the detail's policies, the Edit draft) pairs them by
 * this one rule, so the three never disagree: each deny, in order, folds into the first allow
 * with the same groups that has not absorbed one yet. A deny without such an allow is a plain
 * deny, and so is a policy without groups (there is nothing to match it by).
 */

/** What pairing looks at: the effect and the permission group ids. */
export interface PairablePolicy {
  effect: 'allow' | 'deny';
  groupIds: readonly string[];
}

function groupSet(policy: PairablePolicy): string {
  return [...new Set(policy.groupIds)].sort().join(',');
}

/** For each deny policy that is an exclusion, its index mapped to the index of its allow policy. */
export function exclusionPairs(policies: readonly PairablePolicy[]): Map<number, number> {
  const sets = policies.map(groupSet);
  const absorbed = new Set<number>();
  const pairs = new Map<number, number>();
  policies.forEach((policy, index) => {
    if (policy.effect !== 'deny' || sets[index] === '') return;
    const partner = policies.findIndex(
      (other, at) => other.effect === 'allow' && sets[at] === sets[index] && !absorbed.has(at),
    );
    if (partner === -1) return;
    absorbed.add(partner);
    pairs.set(index, partner);
  });
  return pairs;
}
