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
import { type Message, msg } from '../i18n/message';
import { policySummary, policySummaryMessage, summarizeRequestIp } from './decode';
import { formatDay, selectorLabel, selectorMessage } from './labels';

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

/**
 * The same summary as messages, one per clause, for each face to word in its language: each
 * policy (`outcomes.policy.summary`, its exclusions nested), then the IP filter and the dates
 * (`outcomes.preview.*`, the dates as ISO days the face formats).
 */
export function describeDraftMessages(draft: TokenDraft, ctx: BuildContext): Message[] {
  const names = nameLookupFor(ctx);
  const clauses = draft.policies.map((policy) =>
    policySummaryMessage(
      policy.effect,
      policy.permissionGroupIds.map(
        (id) => ctx.groups.get(id)?.name ?? `Unknown permission ${id.slice(0, 8)}`,
      ),
      policy.resources.filter((r) => r.include).map((r) => selectorMessage(r, names)),
      policy.resources.filter((r) => !r.include).map((r) => selectorMessage(r, names)),
    ),
  );
  const only = draft.requestIp.in.map(cidrAsSent);
  const not = draft.requestIp.notIn.map(cidrAsSent);
  if (only.length > 0) clauses.push(msg('outcomes.preview.onlyFrom', { cidrs: only.join(', ') }));
  if (not.length > 0) clauses.push(msg('outcomes.preview.notFrom', { cidrs: not.join(', ') }));
  if (draft.notBefore !== null && formatDay(draft.notBefore) !== null)
    clauses.push(msg('outcomes.preview.validFrom', { fromDay: draft.notBefore }));
  if (draft.expiresOn !== null && formatDay(draft.expiresOn) !== null)
    clauses.push(msg('outcomes.preview.expires', { expiresDay: draft.expiresOn }));
  return clauses;
}
