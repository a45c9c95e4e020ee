/**
 * `keyflare link <token>`: writes `.keyflare.json` in the current folder, naming the token by
 * profile id and token id (plus names for people), so `keyflare exec -- …` in this project uses it.
 */
import type { CommandContext } from '../context';
import { EXIT } from '../exit-codes';
import { writeProjectFile } from '../project-file';
import { profileFor, resolveToken } from '../refs';

export async function link(ctx: CommandContext, ref: string, options: { profile?: string }): Promise<number> {
  const session = await ctx.session();
  const token = await resolveToken(session, ref, await profileFor(session, options.profile));
  const file = writeProjectFile(process.cwd(), {
    profileId: token.profileId,
    tokenId: token.id,
    profile: token.profileLabel,
    token: token.name,
  });
  ctx.out.result(ctx.lang.t('cli.link.wrote', { file, name: token.name, profile: token.profileLabel }));
  return EXIT.ok;
}
