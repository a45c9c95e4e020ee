/**
 * `keyflare show <token>`: the detail panel in text — decoded policies, IP filter, dates,
 * warnings, last verify, what the profile may do, and history.
 */
import type { TokenDetail } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n/message';
import { labelMessage } from '../../shared/policy/labels';
import { ipFilterMessage } from '../../shared/policy/summary-words';
import type { CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { allowedJson, messageText } from '../message-text';
import { profileFor, resolveToken } from '../refs';
import { displayWidth, padToWidth } from '../width';
import { tokenJson } from './tokens';
import { englishMessage } from '../../shared/i18n/english-message';

function line(ctx: CommandContext, label: MessageKey, value: string): void {
  ctx.out.result(`${ctx.out.dim(padToWidth(ctx.lang.t(label), 12))} ${value}`);
}

export function printDetail(ctx: CommandContext, token: TokenDetail): void {
  const { out } = ctx;
  const { t, formats } = ctx.lang;
  const never = t('cli.never');
  out.result(out.bold(token.name));
  line(ctx, 'cli.show.label.id', token.id);
  line(ctx, 'cli.show.label.profile', token.profileLabel);
  line(
    ctx,
    'cli.show.label.owner',
    token.kind === 'account'
      ? t('cli.show.ownerAccount', { account: token.accountName ?? token.accountId ?? '' })
      : t('cli.show.ownerUser'),
  );
  const statusWord = t('cli.status', { status: token.status });
  line(ctx, 'cli.show.label.status', token.status === 'active' ? out.good(statusWord) : out.bad(statusWord));
  line(ctx, 'cli.show.label.issued', formats.dateTime(token.issuedOn) ?? t('cli.show.unknown'));
  if (token.notBefore)
    line(ctx, 'cli.show.label.validFrom', formats.dateTime(token.notBefore) ?? token.notBefore);
  line(ctx, 'cli.show.label.expires', formats.dateTime(token.expiresOn) ?? never);
  line(ctx, 'cli.show.label.lastUsed', formats.dateTime(token.lastUsedOn) ?? never);
  line(
    ctx,
    'cli.show.label.ipFilter',
    token.ipFilterSummary === null
      ? t('cli.show.anyAddress')
      : messageText(ctx.lang, ipFilterMessage(token.ipFilterSummary)),
  );
  line(ctx, 'cli.show.label.secret', t(token.secretKept ? 'cli.show.secretKept' : 'cli.show.secretNotKept'));
  if (token.lastVerify)
    line(
      ctx,
      'cli.show.label.verified',
      t('cli.show.verifiedAt', {
        outcome: t('cli.verify.outcome', { outcome: token.lastVerify.outcome }),
        at: formats.dateTime(token.lastVerify.checkedAt) ?? token.lastVerify.checkedAt,
      }),
    );
  out.result('');
  out.result(out.bold(t('cli.show.policies')));
  const allow = t('cli.show.effect', { effect: 'allow' });
  const deny = t('cli.show.effect', { effect: 'deny' });
  const effectWidth = Math.max(displayWidth(allow), displayWidth(deny));
  token.policies.forEach((policy, index) => {
    const effect =
      policy.effect === 'deny'
        ? out.bad(padToWidth(deny, effectWidth))
        : out.good(padToWidth(allow, effectWidth));
    const list = (words: string[]): string => words.join(t('cli.listSeparator'));
    out.result(`  ${index + 1}. ${effect} ${list(policy.permissionGroups.map((g) => g.name))}`);
    // Each resource in the run's words ("区域 acme.com"); names as Cloudflare sends them.
    const resources = list(policy.resources.map((r) => messageText(ctx.lang, labelMessage(r.label))));
    out.result(`           ${t('cli.show.on', { resources })}`);
  });
  if (token.warnings.length > 0) {
    out.result('');
    out.result(out.bold(t('cli.show.warnings')));
    for (const warning of token.warnings)
      out.result(`  ${out.warn('!')} ${messageText(ctx.lang, warning.message)}`);
  }
  const can = (['edit', 'roll', 'delete'] as const)
    .filter((action) => token.allowed[action])
    .map((action) => t('cli.show.action', { action }));
  out.result('');
  const may = can.length > 0 ? can.join(t('cli.listSeparator')) : t('cli.show.onlyRead');
  out.result(
    `${out.dim(t('cli.show.label.may'))} ${token.allowed.reason ? t('cli.show.mayBecause', { may, reason: messageText(ctx.lang, token.allowed.reason) }) : may}`,
  );
  if (token.history.length > 0) {
    out.result('');
    out.result(out.bold(t('cli.show.history')));
    for (const entry of token.history.slice(0, 10))
      out.result(`  ${formats.dateTime(entry.at) ?? entry.at}  ${messageText(ctx.lang, entry.message)}`);
    if (token.history.length > 10)
      out.result(out.dim(`  ${t('cli.show.moreHistory', { count: token.history.length - 10 })}`));
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
            allowed: allowedJson(token.allowed),
            history: token.history.map(({ id: _id, before: _b, after: _a, message, ...entry }) => ({
              ...entry,
              summary: englishMessage(message),
              key: message.key,
              params: message.params ?? {},
            })),
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
