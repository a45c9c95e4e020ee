/**
 * `keyflare can <token> <permission> <resource>`: "can this token edit DNS on example.com?"
 *
 * Answered from the cache by src/shared/access (deny wins, wildcards, account→zone nesting), the
 * same evaluation the window's access view uses. A token the cache knows is disabled, expired or
 * not yet valid can do nothing right now: the answer is no, saying what its policies would allow.
 * Exit 0 for yes, 1 for no.
 */
import { evaluateAccess } from '../../shared/access/evaluate';
import { resolveTarget } from '../../shared/access/target';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { profileFor, resolveToken } from '../refs';
import { unusableReason } from './exec';

export async function can(
  ctx: CommandContext,
  ref: string,
  permission: string,
  resource: string,
  options: { profile?: string; json?: boolean },
): Promise<number> {
  const session = await ctx.session();
  const token = await resolveToken(session, ref, await profileFor(session, options.profile));
  const [zones, accounts, profiles] = await Promise.all([
    session.call('zones.list', { profileId: token.profileId }),
    session.call('accounts.list', { profileId: token.profileId }),
    session.call('profiles.list', {}),
  ]);
  const profile = profiles.find((p) => p.id === token.profileId);
  const resolved = resolveTarget(resource, {
    zones,
    accounts,
    user: profile ? { id: profile.userId, email: profile.email } : null,
  });
  if (!resolved.ok) {
    throw new CliError(
      resolved.reason === 'ambiguous' ? EXIT.conflict : EXIT.notFound,
      resolved.message,
      resolved.candidates.map((c) => `  ${c}`),
    );
  }
  const answer = evaluateAccess(token.policies, permission, resolved.target);
  const unusable = unusableReason(token, new Date());
  const allowed = answer.allowed && unusable === null;
  if (options.json) {
    ctx.out.result(
      JSON.stringify(
        {
          version: 1,
          allowed,
          policyAllows: answer.allowed,
          tokenUsable: unusable === null,
          token: { id: token.id, name: token.name, profile: token.profileLabel, status: token.status },
          permission,
          matchedGroups: answer.matchedGroups,
          resource: resolved.target,
          decidedBy: answer.decidedBy,
          reason: answer.reason,
        },
        null,
        2,
      ),
    );
  } else {
    ctx.out.result(allowed ? ctx.out.good('yes') : ctx.out.bad('no'));
    ctx.out.result(answer.reason);
    if (unusable)
      ctx.out.result(`But “${token.name}” ${unusable}: right now Cloudflare refuses it for everything.`);
  }
  return allowed ? EXIT.ok : EXIT.no;
}
