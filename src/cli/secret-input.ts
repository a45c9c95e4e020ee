/**
 * Reading a secret: from standard input when it is piped, else from a hidden prompt.
 *
 * Never from an argument: argv is visible to every user of the machine (`ps`, /proc/<pid>/cmdline)
 * and lands in shell history. The prompt is @inquirer/password (masked, no echo), loaded only
 * when a terminal asks for it. Only the first line of piped input is taken, trimmed.
 */
import { msg } from '../shared/i18n/message';
import { CliError, EXIT } from './exit-codes';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > 64 * 1024) throw new CliError(EXIT.usage, msg('cli.secret.tooLong'));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readSecret(prompt: string): Promise<string> {
  let text: string;
  if (process.stdin.isTTY) {
    const { default: password } = await import('@inquirer/password');
    try {
      text = await password({ message: prompt, mask: '*' }, { output: process.stderr });
    } catch {
      throw new CliError(EXIT.cancelled, msg('cli.secret.cancelled'));
    }
  } else {
    text = (await readStdin()).split(/\r?\n/u).find((line) => line.trim().length > 0) ?? '';
  }
  const secret = text.trim();
  if (secret.length === 0) {
    throw new CliError(EXIT.usage, msg('cli.secret.none'), [
      msg('cli.secret.noneNext', { example: 'pbpaste | keyflare doctor' }),
    ]);
  }
  return secret;
}
