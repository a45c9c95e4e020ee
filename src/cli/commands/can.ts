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
import { type Message, type MessageParams, msg, nest } from '../../shared/i18n/message';
import { listMessage, wordsMessage } from '../../shared/policy/labels';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { messageText } from '../message-text';
import { profileFor, resolveToken } from '../refs';
import { unusableParams, unusableReason } from './exec';

/** The resource as people read it: "zone acme.com", "account Acme Corp", in the reader's language. */
function targetMessage(target: AccessTarget): Message {
  // A login with no known user (`resolveTarget` labels it "user of this login") is said whole.
  if (target.kind === 'user' && target.userId === null)
    return msg('cli.can.target', { kind: 'thisUser', name: '' });
  const name = target.label.replace(/^(?:zone|account|user) /u, '');
  return msg('cli.can.target', { kind: target.kind, name });
}

/** Names that stay as Cloudflare sends them, as one list in the reader's language. */
function namesParam(name: string, names: readonly string[]): MessageParams {
  return names.length > 0 ? nest(name, listMessage(names.map(wordsMessage))) : { [name]: 'none' };
}

/**
 * Why the answer is yes or no, naming the deciding policy, as a message: the command words it in
 * the run's language, and `--json` carries its key and params beside the English `reason`.
 */
export function reasonMessage(
  token: TokenDetail,
  permission: string,
  target: AccessTarget,
  answer: AccessAnswer,
): Message {
  const decided = answer.decidedBy;
  if (decided) {
    return msg(decided.effect === 'deny' ? 'cli.can.denied' : 'cli.can.allowed', {
      number: decided.number,
      ...nest('summary', decided.summaryMessage),
    });
  }
  if (answer.matchedGroups.length === 0) {
    const names = [...new Set(token.policies.flatMap((p) => p.permissionGroups.map((g) => g.name)))];
    return msg('cli.can.noSuchPermission', { permission: permission.trim(), ...namesParam('groups', names) });
  }
  return msg('cli.can.notOnResource', {
    ...namesParam('groups', answer.matchedGroups),
    ...nest('target', targetMessage(target)),
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
  const reason = reasonMessage(token, permission, resolved.target, answer);
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
          reasonKey: reason.key,
          reasonParams: reason.params ?? {},
        },
        null,
        2,
      ),
    );
  } else {
    const word = ctx.lang.t('cli.can.answer', { allowed: allowed ? 'yes' : 'no' });
    ctx.out.result(allowed ? ctx.out.good(word) : ctx.out.bad(word));
    ctx.out.result(messageText(ctx.lang, reason));
    if (unusable) ctx.out.result(ctx.lang.t('cli.can.unusable', unusableParams(ctx, token.name, unusable)));
  }
  return allowed ? EXIT.ok : EXIT.no;
}
