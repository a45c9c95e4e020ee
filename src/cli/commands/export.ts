/**
 * `keyflare export <token...>`: a token or several as Terraform (provider v5), the Cloudflare API
 * body, a Keyflare recipe, or one token's share-a-request link — the window's export.tokens,
 * from the cache, offline, never a secret. Printed, or written to a file that must not exist yet
 * (`--force` replaces it), so nothing is overwritten by accident.
 */
import fs from 'node:fs';
import type { ExportFormat } from '../../shared/export/export-schemas';
import { msg } from '../../shared/i18n/message';
import type { CommandContext } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { messageText } from '../message-text';
import { profileFor, resolveToken } from '../refs';

export async function exportTokens(
  ctx: CommandContext,
  refs: string[],
  options: { profile?: string; format: ExportFormat; output?: string; force?: boolean },
): Promise<number> {
  const session = await ctx.session();
  const profile = await profileFor(session, options.profile);
  const tokens = [];
  for (const ref of refs) {
    const token = await resolveToken(session, ref, profile);
    tokens.push({ profileId: token.profileId, tokenId: token.id });
  }
  const result = await session.call('export.tokens', { tokens, format: options.format });
  const text = result.text.endsWith('\n') ? result.text : `${result.text}\n`;
  if (options.output) {
    try {
      fs.writeFileSync(options.output, text, { flag: options.force ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST')
        throw new CliError(
          EXIT.conflict,
          msg('cli.export.exists', { file: options.output, flag: '--force' }),
        );
      if (code === 'ENOENT')
        throw new CliError(EXIT.notFound, msg('cli.export.noFolder', { file: options.output }));
      throw new CliError(
        EXIT.usage,
        msg('cli.export.cannotWrite', { file: options.output, reason: code ?? (error as Error).message }),
      );
    }
    ctx.out.note(ctx.lang.t('cli.export.wrote', { count: result.tokenCount, file: options.output }));
  } else {
    ctx.out.result(text.replace(/\n$/u, ''));
  }
  for (const command of result.importCommands) ctx.out.note(ctx.lang.t('cli.export.adopt', { command }));
  for (const note of result.notes) ctx.out.note(messageText(ctx.lang, note));
  return EXIT.ok;
}
