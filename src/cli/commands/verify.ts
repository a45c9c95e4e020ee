/**
 * `keyflare verify`: asks Cloudflare, at the right endpoint for each token's kind, whether a kept
 * secret is active. Exit 0 only when every checked token is active (1 otherwise), so CI can gate
 * on it; a token whose secret Keyflare does not keep cannot be checked and counts as not active.
 */
import type { VerifyResult } from '../../shared/domain';
import { messageJson } from '../../shared/i18n/english-message';
import type { CommandContext } from '../context';
import { msg } from '../../shared/i18n/message';
import { CliError, EXIT } from '../exit-codes';
import { messageText } from '../message-text';
import { profileFor, resolveToken } from '../refs';

interface VerifyOptions {
  all?: boolean;
  profile?: string;
  json?: boolean;
}

interface Checked {
  profileId: string;
  profile: string;
  tokenId: string;
  name: string;
  result: VerifyResult;
}

function report(ctx: CommandContext, checked: readonly Checked[], json: boolean): number {
  const allActive = checked.length > 0 && checked.every((item) => item.result.outcome === 'active');
  if (json) {
    ctx.out.result(
      JSON.stringify(
        {
          version: 1,
          allActive,
          results: checked.map((item) => ({
            profile: { id: item.profileId, label: item.profile },
            tokenId: item.tokenId,
            name: item.name,
            ...item.result,
            ...messageJson(item.result.message),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    for (const item of checked) {
      const mark =
        item.result.outcome === 'active'
          ? ctx.out.good(`✓ ${ctx.lang.t('cli.verify.outcome', { outcome: 'active' })}`)
          : ctx.out.bad(`✗ ${ctx.lang.t('cli.verify.outcome', { outcome: item.result.outcome })}`);
      ctx.out.result(
        `${mark}  ${item.profile}/${item.name}  ${ctx.out.dim(messageText(ctx.lang, item.result.message))}`,
      );
    }
  }
  return allActive ? EXIT.ok : EXIT.no;
}

export async function verify(
  ctx: CommandContext,
  ref: string | undefined,
  options: VerifyOptions,
): Promise<number> {
  if ((ref === undefined) === (options.all !== true)) {
    throw new CliError(EXIT.usage, msg('cli.verify.nameOne', { flag: '--all' }));
  }
  const session = await ctx.session();
  const scope = await profileFor(session, options.profile);
  if (ref !== undefined) {
    const token = await resolveToken(session, ref, scope);
    const result = await session.call('tokens.verify', { profileId: token.profileId, tokenId: token.id });
    return report(
      ctx,
      [
        {
          profileId: token.profileId,
          profile: token.profileLabel,
          tokenId: token.id,
          name: token.name,
          result,
        },
      ],
      options.json === true,
    );
  }
  const profiles = scope ? [scope] : await session.call('profiles.list', {});
  const checked: Checked[] = [];
  for (const profile of profiles) {
    const results = await session.call('tokens.verifyAll', { profileId: profile.id });
    if (results.length === 0) continue;
    const names = new Map(
      (await session.call('tokens.list', { profileId: profile.id })).map((row) => [row.id, row.name]),
    );
    for (const { tokenId, result } of results)
      checked.push({
        profileId: profile.id,
        profile: profile.label,
        tokenId,
        name: names.get(tokenId) ?? tokenId,
        result,
      });
  }
  if (checked.length === 0) {
    ctx.out.note(ctx.lang.t('cli.verify.nothingKept'));
  }
  return report(ctx, checked, options.json === true);
}
