/**
 * `keyflare can <token> <permission> <resource>`: "can this token edit DNS on example.com?"
 *
 * Answered from the cache by src/shared/access (deny wins, wildcards, account→zone nesting), the
 * same evaluation the window's access view uses. A token the cache knows is disabled, expired or
 * not yet valid can do nothing right now: the answer is no, saying what its policies would allow.
 * Exit 0 for yes, 1 for no.
 */
import { evaluateAccess, type AccessAnswer } from '../../shared/access/evaluate';
import { resolveTarget, type AccessTarget } from '../../shared/access/target';
import type { TokenDetail } from '../../shared/domain';
import { msg } from '../../shared/i18n/message';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { messageText } from '../message-text';
import { profileFor, resolveToken } from '../refs';
import { unusableParams, unusableReason } from './exec';

/** The resource as people read it: "zone acme.com", "account Acme Corp", in the run's language. */
function targetWords(ctx: CommandContext, target: AccessTarget): string {
  const name = target.label.replace(/^(?:zone|account|user) /u, '');
  return ctx.lang.t('cli.can.target', { kind: target.kind, name });
}

/** Why the answer is yes or no, naming the deciding policy, in the run's language. */
function because(
  ctx: CommandContext,
  token: TokenDetail,
  permission: string,
  target: AccessTarget,
  answer: AccessAnswer,
): string {
  const { t } = ctx.lang;
  const list = (names: readonly string[]): string => names.join(t('cli.listSeparator'));
  const decided = answer.decidedBy;
  if (decided) {
    return t(decided.effect === 'deny' ? 'cli.can.denied' : 'cli.can.allowed', {
      number: decided.number,
      summary: messageText(ctx.lang, decided.summaryMessage),
    });
  }
  if (answer.matchedGroups.length === 0) {
    const names = [...new Set(token.policies.flatMap((p) => p.permissionGroups.map((g) => g.name)))];
    return t('cli.can.noSuchPermission', {
      permission: permission.trim(),
      groups: names.length > 0 ? list(names) : 'none',
    });
  }
  return t('cli.can.notOnResource', {
    groups: list(answer.matchedGroups),
    target: targetWords(ctx, target),
  });
}

export async function can(
  ctx: CommandContext,
  ref: string,
  permission: string,
  resource: string,
  options: { profile?: string; json?: boolean },
): Promise<number> {
  // can never edits: the token's detail comes without Edit's draft, whose check loads zod.
  const session = await ctx.session({ editDrafts: false });
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
      resolved.reason === 'ambiguous'
        ? msg('cli.can.ambiguous', { name: resolved.name, count: resolved.count })
        : resolved.name === ''
          ? msg('cli.can.nameResource')
          : msg('cli.can.unknownResource', { kind: resolved.kind, name: resolved.name }),
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
    const word = ctx.lang.t('cli.can.answer', { allowed: allowed ? 'yes' : 'no' });
    ctx.out.result(allowed ? ctx.out.good(word) : ctx.out.bad(word));
    ctx.out.result(because(ctx, token, permission, resolved.target, answer));
    if (unusable) ctx.out.result(ctx.lang.t('cli.can.unusable', unusableParams(ctx, token.name, unusable)));
  }
  return allowed ? EXIT.ok : EXIT.no;
}
