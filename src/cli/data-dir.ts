/**
 * The data folder: the one the window uses, so both faces share profiles, cache and history.
 *
 * Electron's `app.getPath('userData')` for the product name "Keyflare" is `<appData>/Keyflare`,
 * where appData is `%APPDATA%` on Windows, `~/Library/Application Support` on macOS and
 * `$XDG_CONFIG_HOME` (or `~/.config`) on Linux. `--data-dir` wins, then `KEYFLARE_DATA_DIR`.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Keyflare';

/** The folder Electron's userData names for Keyflare on this OS. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  const config =
    env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, '.config');
  return path.join(config, PRODUCT_NAME);
}

/** The folder to use: the flag, else KEYFLARE_DATA_DIR, else the window's; always absolute. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag?.trim() || env.KEYFLARE_DATA_DIR?.trim() || defaultDataDir(process.platform, env);
  return path.resolve(chosen);
}
