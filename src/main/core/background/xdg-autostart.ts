/**
 * Launch at login on Linux: an XDG autostart entry, `$XDG_CONFIG_HOME/autostart/keyflare.desktop`.
 *
 * The freedesktop.org Desktop Application Autostart spec: session managers (GNOME, KDE, XFCE,
 * Cinnamon, MATE, LXQt…) start every `.desktop` file in that folder at login;
 * `XDG_CONFIG_HOME` counts only when it is an absolute path, else `~/.config` is used. The
 * entry starts Keyflare with `--hidden`, so it opens in the tray. A file that says `Hidden=true`
 * or `X-GNOME-Autostart-enabled=false` (how some settings panels switch an entry off without
 * deleting it) counts as off. The file holds the command line and nothing else: no secret,
 * no profile, no data folder.
 *
 * The Exec line is quoted as the Desktop Entry spec says: an argument with a reserved character
 * goes in double quotes with `"`, `` ` ``, `$` and `\` escaped, `%` is doubled (field codes),
 * and the value as a whole escapes `\` once more (the spec's string type).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoginItemPort } from '../ports';

export const AUTOSTART_FILE_NAME = 'keyflare.desktop';
export const HIDDEN_FLAG = '--hidden';

export interface XdgAutostartOptions {
  env: Readonly<Record<string, string | undefined>>;
  homeDir: string;
  /** The command that starts this Keyflare: its executable, then any arguments. */
  command: readonly string[];
}

/** Where the entry lives. */
export function autostartPath(env: XdgAutostartOptions['env'], homeDir: string): string {
  const configHome = env['XDG_CONFIG_HOME'];
  const base = configHome && path.isAbsolute(configHome) ? configHome : path.join(homeDir, '.config');
  return path.join(base, 'autostart', AUTOSTART_FILE_NAME);
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/u;

/** One Exec argument, quoted per the Desktop Entry spec (before the string-level escaping). */
function execArgument(arg: string): string {
  if (/[\n\r]/u.test(arg))
    throw new Error(`A line break in ${JSON.stringify(arg)} cannot go in an autostart entry.`);
  const quoted = arg === '' || RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/gu, '\\$&')}"` : arg;
  return quoted.replaceAll('%', '%%');
}

/** The Exec value as written in the file. */
export function execLine(command: readonly string[]): string {
  return command.map(execArgument).join(' ').replaceAll('\\', '\\\\');
}

/** The whole entry. */
export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Keyflare',
    'Comment=Keeps your Cloudflare API token inventory fresh, from the tray',
    `Exec=${execLine(command)}`,
    'Icon=keyflare',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Whether an entry's text starts something (not switched off by a settings panel). */
function entryIsOn(text: string): boolean {
  return !/^Hidden\s*=\s*true\s*$/mu.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/mu.test(text);
}

function fsWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

export function createXdgAutostart(options: XdgAutostartOptions): LoginItemPort {
  const file = autostartPath(options.env, options.homeDir);
  return {
    isEnabled() {
      try {
        return entryIsOn(fs.readFileSync(file, 'utf8'));
      } catch {
        return false;
      }
    },
    setEnabled(enabled) {
      const partial = `${file}.${process.pid}.tmp`;
      try {
        if (!enabled) {
          fs.rmSync(file, { force: true });
          return;
        }
        const text = desktopEntry(options.command);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // Written aside and renamed, so a session starting meanwhile never reads half an entry.
        fs.writeFileSync(partial, text, { mode: 0o644 });
        fs.renameSync(partial, file);
      } catch (error) {
        try {
          fs.rmSync(partial, { force: true });
        } catch {
          // The folder itself is unusable; there is no partial file to clean up.
        }
        throw new Error(
          `The autostart entry ${file} could not be ${enabled ? 'written' : 'removed'}: ${fsWords(error)}.`,
          { cause: error },
        );
      }
    },
  };
}
