/**
 * `keyflare show <token>`: the detail panel in text — decoded policies, IP filter, dates,
 * warnings, last verify, what the profile may do, and history.
 */
import type { TokenDetail } from '../../shared/domain';
import type { CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { profileFor, resolveToken } from '../refs';
import { tokenJson } from './tokens';

function line(ctx: CommandContext, label: string, value: string): void {
  ctx.out.result(`${ctx.out.dim(label.padEnd(12))} ${value}`);
}

export function printDetail(ctx: CommandContext, token: TokenDetail): void {
  const { out } = ctx;
  out.result(out.bold(token.name));
  line(ctx, 'id', token.id);
  line(ctx, 'profile', token.profileLabel);
  line(
    ctx,
    'owner',
    token.kind === 'account' ? `account ${token.accountName ?? token.accountId ?? ''}` : 'user',
  );
  const status = token.status === 'active' ? out.good(token.status) : out.bad(token.status);
  line(ctx, 'status', status);
  line(ctx, 'issued', token.issuedOn ?? 'unknown');
  if (token.notBefore) line(ctx, 'valid from', token.notBefore);
  line(ctx, 'expires', token.expiresOn ?? 'never');
  line(ctx, 'last used', token.lastUsedOn ?? 'never');
  line(ctx, 'IP filter', token.ipFilterSummary ?? 'none (any address)');
  line(ctx, 'secret', token.secretKept ? 'kept in the keychain' : 'not kept');
  if (token.lastVerify) line(ctx, 'verified', `${token.lastVerify.outcome} at ${token.lastVerify.checkedAt}`);
  out.result('');
  out.result(out.bold('Policies'));
  token.policies.forEach((policy, index) => {
    const effect = policy.effect === 'deny' ? out.bad('deny ') : out.good('allow');
    out.result(`  ${index + 1}. ${effect} ${policy.permissionGroups.map((g) => g.name).join(', ')}`);
    out.result(`           on ${policy.resources.map((r) => r.label).join(', ')}`);
  });
  if (token.warnings.length > 0) {
    out.result('');
    out.result(out.bold('Warnings'));
    for (const warning of token.warnings) out.result(`  ${out.warn('!')} ${warning.message}`);
  }
  const can = [
    token.allowed.edit && 'edit',
    token.allowed.roll && 'roll',
    token.allowed.delete && 'delete',
  ].filter(Boolean);
  out.result('');
  out.result(
    `${out.dim('profile may')} ${can.length > 0 ? can.join(', ') : 'only read it'}${token.allowed.reason ? ` (${token.allowed.reason})` : ''}`,
  );
  if (token.history.length > 0) {
    out.result('');
    out.result(out.bold('History'));
    for (const entry of token.history.slice(0, 10))
      out.result(`  ${entry.at.slice(0, 16).replace('T', ' ')}  ${entry.summary}`);
    if (token.history.length > 10)
      out.result(out.dim(`  … ${token.history.length - 10} more (--json has all)`));
  }
}

export async function show(
  ctx: CommandContext,
  ref: string,
  options: { profile?: string; json?: boolean },
): Promise<number> {
  const session = await ctx.session();
  const token = await resolveToken(session, ref, await profileFor(session, options.profile));
  if (options.json) {
    ctx.out.result(
      JSON.stringify(
        {
          version: 1,
          token: {
            ...tokenJson(token),
            policies: token.policies,
            requestIp: token.requestIp,
            allowed: token.allowed,
            history: token.history.map(({ id: _id, before: _b, after: _a, ...entry }) => entry),
          },
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  printDetail(ctx, token);
  return EXIT.ok;
}
