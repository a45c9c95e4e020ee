/**
 * The hidden `__clear-clipboard <seconds>` command: the detached half of `curl --copy`. It reads
 * the SHA-256 of what was copied from stdin, waits, and clears the clipboard only if it still
 * holds that text.
 */
import type { CommandContext } from '../context';
import { clearLater } from '../clipboard';
import { EXIT } from '../exit-codes';

export async function clearClipboard(_ctx: CommandContext, seconds: string): Promise<number> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const written = Buffer.concat(chunks).toString('utf8').trim();
  const delay = Number(seconds);
  if (!/^[0-9a-f]{64}$/u.test(written) || !Number.isFinite(delay) || delay < 0 || delay > 3600)
    return EXIT.usage;
  return (await clearLater(delay, written).catch(() => false)) ? EXIT.ok : EXIT.no;
}
