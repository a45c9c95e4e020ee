/**
 * `keyflare curl <token>`: the verify command for a token, with `$CLOUDFLARE_API_TOKEN` in place
 * of the secret (safe to print, paste and log). `--copy` puts the version with the secret on the
 * clipboard through the core's clipboard.copy — the window's path — and clears it after the
 * configured delay only if it still holds that text.
 */
import { buildVerifyCurl } from '../../shared/curl';
import { msg } from '../../shared/i18n/message';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { clipboardTool, createCliClipboard, NO_CLIPBOARD_HELP, scheduleClear } from '../clipboard';
import { profileFor, resolveToken } from '../refs';

export async function curl(
  ctx: CommandContext,
  ref: string,
  options: { profile?: string; copy?: boolean },
): Promise<number> {
  const tool = options.copy ? clipboardTool() : null;
  if (options.copy && !tool) throw new CliError(EXIT.usage, NO_CLIPBOARD_HELP);
  const clipboard = tool ? createCliClipboard(tool) : undefined;
  const session = await ctx.session(clipboard ? { clipboard } : {});
  const token = await resolveToken(session, ref, await profileFor(session, options.profile));
  if (clipboard) {
    const reply = await session.call('clipboard.copy', {
      profileId: token.profileId,
      tokenId: token.id,
      format: 'curl_secret',
    });
    const written = clipboard.lastDigest();
    if (written) scheduleClear(reply.clearsInSeconds, written);
    ctx.out.note(ctx.lang.t('cli.curl.copied', { name: token.name, seconds: reply.clearsInSeconds }));
    return EXIT.ok;
  }
  const profile = (await session.call('profiles.list', {})).find((p) => p.id === token.profileId);
  if (!profile) throw new CliError(EXIT.notFound, msg('cli.curl.profileGone'));
  ctx.out.result(
    buildVerifyCurl({ baseUrl: profile.baseUrl, kind: token.kind, accountId: token.accountId, secret: null }),
  );
  return EXIT.ok;
}
