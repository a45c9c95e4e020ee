/**
 * The system clipboard for the command line, through the OS's own clipboard tools.
 *
 * The window writes the clipboard through Electron; a terminal has no such API, so this port
 * runs the tool each platform has: pbcopy/pbpaste on macOS, PowerShell's Set-/Get-Clipboard on
 * Windows, wl-copy/wl-paste under Wayland and xclip or xsel under X11. The text goes to the tool
 * on its standard input, never as an argument. Terminal tools cannot mark an entry concealed, so
 * the only protection is the clear after the delay, which `scheduleClear` hands to a detached
 * `keyflare` process (the command itself exits at once): it waits, reads the clipboard and
 * clears it only if it still holds what Keyflare wrote — compared by SHA-256, the text is never
 * passed on.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ClipboardPort } from '../main/core/ports';
import { msg } from '../shared/i18n/message';

interface Tool {
  name: string;
  write: [string, ...string[]];
  read: [string, ...string[]];
}

function onPath(command: string, env: NodeJS.ProcessEnv): boolean {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The clipboard tool of this session, or null when there is none. */
export function clipboardTool(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Tool | null {
  if (platform === 'darwin') return { name: 'pbcopy', write: ['pbcopy'], read: ['pbpaste'] };
  if (platform === 'win32') {
    const ps = ['powershell.exe', '-NoProfile', '-NonInteractive', '-Command'] as const;
    return {
      name: 'PowerShell',
      write: [...ps, '$input | Out-String -Stream | Set-Clipboard'],
      read: [...ps, 'Get-Clipboard -Raw'],
    };
  }
  if (env.WAYLAND_DISPLAY && onPath('wl-copy', env))
    return { name: 'wl-copy', write: ['wl-copy'], read: ['wl-paste', '--no-newline'] };
  if (env.DISPLAY && onPath('xclip', env))
    return {
      name: 'xclip',
      write: ['xclip', '-selection', 'clipboard', '-in'],
      read: ['xclip', '-selection', 'clipboard', '-out'],
    };
  if (env.DISPLAY && onPath('xsel', env))
    return {
      name: 'xsel',
      write: ['xsel', '--clipboard', '--input'],
      read: ['xsel', '--clipboard', '--output'],
    };
  return null;
}

export const NO_CLIPBOARD_HELP = msg('cli.clipboard.none');

function run(argv: readonly string[], input: string | null): Promise<string> {
  const [command, ...args] = argv;
  return new Promise((resolve, reject) => {
    // The tool may stay running to serve the selection (xclip forks): only wait for its stdout.
    const child = spawn(command ?? '', args, { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', () => reject(new Error(`${command ?? 'clipboard tool'} did not start`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command ?? ''} failed`))));
    // A tool that exits without reading its input (a reader, or a writer that failed early)
    // breaks the pipe: its exit code, not an unhandled EPIPE that kills the command, says how it went.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? undefined);
  });
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface CliClipboard extends ClipboardPort {
  /** SHA-256 of the last text written, for the clear that runs after the command exits. */
  lastDigest(): string | null;
}

export function createCliClipboard(tool: Tool): CliClipboard {
  let last: string | null = null;
  return {
    async write(text) {
      await run(tool.write, text);
      last = digest(text);
    },
    read: () => run(tool.read, null),
    async clear() {
      await run(tool.write, '');
    },
    lastDigest: () => last,
  };
}

/**
 * Starts the detached clearer: `keyflare __clear-clipboard <seconds>`, with the digest on stdin.
 * The clearer outlives this process, as the window's timer outlives a click.
 */
export function scheduleClear(seconds: number, written: string): void {
  const script = process.argv[1];
  if (!script) return;
  const child = spawn(process.execPath, [script, '__clear-clipboard', String(seconds)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    env: process.env,
  });
  child.stdin.end(written);
  child.unref();
}

/** The clearer's body: wait, compare, clear only what Keyflare wrote. Exit code 0 when cleared. */
export async function clearLater(seconds: number, written: string): Promise<boolean> {
  const tool = clipboardTool();
  if (!tool) return false;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const clipboard = createCliClipboard(tool);
  const current = await clipboard.read();
  if (digest(current) !== written && digest(current.replace(/\r?\n$/u, '')) !== written) return false;
  await clipboard.clear();
  return true;
}
