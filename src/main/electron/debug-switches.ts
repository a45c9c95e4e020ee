/**
 * Debugging switches a packaged Keyflare refuses at start.
 *
 * A remote-debugging port or pipe, a Node inspector, or V8 flags let any program on the computer
 * read and drive Keyflare's window — and the secrets it shows once — without going through the
 * IPC contract. The fuses already turn off the Node inspector in packaged builds; Chromium's
 * remote debugging has no fuse, so the switches are checked here, before any window or core
 * exists. Unpackaged builds keep them, for developers.
 */

/** Switches refused by name; every `inspect…` switch is refused too (see isDebugSwitch). */
const DEBUG_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-allow-origins', 'js-flags'];

/** The names asked of `app.commandLine.hasSwitch`, which takes exact names only. */
export const KNOWN_DEBUG_SWITCHES = [
  ...DEBUG_SWITCHES,
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-wait',
  'inspect-publish-uid',
] as const;

function isDebugSwitch(name: string): boolean {
  return DEBUG_SWITCHES.includes(name) || name.startsWith('inspect');
}

/**
 * The switch's name when `arg` is a switch: Chromium takes `--name`, `-name` (and `/name` on
 * Windows) and compares names case-insensitively on Windows, so all of those forms count.
 */
function switchName(arg: string, platform: string): string | null {
  const prefix = arg.startsWith('--')
    ? 2
    : arg.startsWith('-') || (platform === 'win32' && arg.startsWith('/'))
      ? 1
      : 0;
  if (prefix === 0) return null;
  const name = arg.slice(prefix).split('=', 1)[0]?.toLowerCase() ?? '';
  return name.length > 0 ? name : null;
}

/**
 * The first debugging switch Keyflare was started with, as `--name`, or null.
 *
 * Looks both at argv (what Node sees, e.g. `--inspect`) and at Chromium's own parsed command line
 * through `hasSwitch`, since either may carry a switch the other does not show.
 */
export function findDebugSwitch(
  argv: readonly string[],
  hasSwitch: (name: string) => boolean,
  platform: string = process.platform,
): string | null {
  for (const arg of argv) {
    const name = switchName(arg, platform);
    if (name && isDebugSwitch(name)) return `--${name}`;
  }
  const parsed = KNOWN_DEBUG_SWITCHES.find((name) => hasSwitch(name));
  return parsed ? `--${parsed}` : null;
}

/** The error box's text for a refused switch. */
export function debugSwitchRefusal(found: string): string {
  return (
    `This Keyflare does not start with the debugging switch ${found}: it would let other programs ` +
    "on this computer read and control Keyflare's window, including the secrets it shows. " +
    'Start Keyflare without it.'
  );
}
