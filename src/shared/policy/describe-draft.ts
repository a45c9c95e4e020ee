/**
 * The human summary of a draft, shown in the wizard's preview before anything is sent.
 *
 * "DNS Write on zone example.com; Zone Read on all zones in account Acme except zone x.com;
 * only from 203.0.113.0/24; valid from 2026-12-01; expires 2027-01-31". Resources are worded
 * as the decoder words them ("all zones in account Acme"), so the preview reads the same as the
 * token list afterwards. Dates are YYYY-MM-DD in UTC.
 */
import type { TokenDraft } from '../domain';
import type { BuildContext } from './build-context';
import { nameLookupFor } from './build-context';
import { checkCidr } from './cidr';
import { policySummary, summarizeRequestIp } from './decode';
import { formatDay, selectorLabel } from './labels';

function cidrAsSent(value: string): string {
  const check = checkCidr(value);
  return check.ok ? check.cidr : value.trim();
}

/** One clause per policy, then the IP filter and the dates, joined with "; ". */
export function describeDraft(draft: TokenDraft, ctx: BuildContext): string {
  const names = nameLookupFor(ctx);
  const clauses = draft.policies.map((policy) => {
    const groupNames = policy.permissionGroupIds.map(
      (id) => ctx.groups.get(id)?.name ?? `Unknown permission ${id.slice(0, 8)}`,
    );
    const included = policy.resources.filter((r) => r.include).map((r) => selectorLabel(r, names));
    const excluded = policy.resources.filter((r) => !r.include).map((r) => selectorLabel(r, names));
    const clause = policySummary(policy.effect, groupNames, included);
    return excluded.length > 0 ? `${clause} except ${excluded.join(', ')}` : clause;
  });

  const ip = summarizeRequestIp({
    in: draft.requestIp.in.map(cidrAsSent),
    notIn: draft.requestIp.notIn.map(cidrAsSent),
  });
  if (ip !== null) clauses.push(ip);
  const validFrom = draft.notBefore === null ? null : formatDay(draft.notBefore);
  if (validFrom !== null) clauses.push(`valid from ${validFrom}`);
  const expires = draft.expiresOn === null ? null : formatDay(draft.expiresOn);
  if (expires !== null) clauses.push(`expires ${expires}`);
  return clauses.join('; ');
}
