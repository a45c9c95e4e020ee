/**
 * First run: fetch Electron's binary before `npm start`, `dev`, `demo` or `dist` needs it.
 *
 * Electron 45's npm package no longer downloads its binary at install time: its own installer
 * (`node_modules/electron/install.js`) fetches it on first use. electron-vite reads
 * `node_modules/electron/path.txt` directly and gives up with "Electron uninstall" when it is
 * missing, so the package.json scripts run this module first. When the binary is missing it runs
 * that same installer — so ELECTRON_MIRROR, electron_config_cache, electron_use_remote_checksums
 * and their npm-config spellings keep working — and when the download fails it prints one message
 * (what failed, what helps, the exact command to retry) and exits non-zero. An
 * ELECTRON_SKIP_BINARY_DOWNLOAD left in the environment does not stop it: the user asked to start.
 * `npm install` / `npm ci` stay offline; CI keeps ELECTRON_SKIP_BINARY_DOWNLOAD=1 and never starts.
 *
 * Run as a script (`tsx scripts/ensure-electron.ts`) it exits 0 once the binary is there.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

/** The most of the installer's stderr kept to find the cause of a failure. */
const MAX_INSTALLER_OUTPUT = 64 * 1024;

/** The installed `electron` package: where it is, its version and its installer. */
export interface ElectronPackage {
  dir: string;
  version: string;
  installer: string;
}

/** A failed download, carrying the message meant for the person who ran the command. */
export class ElectronDownloadError extends Error {
  override name = 'ElectronDownloadError';
}

export interface EnsureElectronOptions {
  /** The project whose `node_modules/electron` is used (default: this checkout). */
  root?: string;
  /** The environment read for overrides and handed to the installer (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where the one "downloading…" line goes (default: stderr). */
  log?: (line: string) => void;
  /** The command the failure message tells the person to run again (default: the npm script run). */
  retryCommand?: string;
}

/** Finds the `electron` package the way the project's own code would resolve it. */
export function findElectronPackage(root = PROJECT_ROOT): ElectronPackage {
  const manifest = createRequire(path.join(root, 'package.json')).resolve('electron/package.json');
  const dir = path.dirname(manifest);
  const { version } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string };
  return { dir, version, installer: path.join(dir, 'install.js') };
}

/**
 * The installed executable, or null when the installer has work to do.
 *
 * The same test as install.js's own `isInstalled()`: `dist/version` names this package's version
 * and `path.txt` names an executable that exists — so a binary left from an older Electron is
 * replaced rather than started.
 */
export function installedElectronBinary(pkg: ElectronPackage): string | null {
  try {
    const distVersion = fs.readFileSync(path.join(pkg.dir, 'dist', 'version'), 'utf8').replace(/^v/, '');
    if (distVersion !== pkg.version) return null;
    const binary = path.join(pkg.dir, 'dist', fs.readFileSync(path.join(pkg.dir, 'path.txt'), 'utf8'));
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Makes sure Electron's binary is installed, downloading it through Electron's own installer.
 *
 * Returns the executable's path. ELECTRON_EXEC_PATH, which electron-vite honours, wins when set.
 * Throws ElectronDownloadError with the message to show when the binary cannot be had.
 */
export async function ensureElectron(options: EnsureElectronOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const root = options.root ?? PROJECT_ROOT;
  const retry = options.retryCommand ?? retryCommand(root, env);
  const execPath = env.ELECTRON_EXEC_PATH;
  if (execPath) {
    if (fs.existsSync(execPath)) return execPath;
    throw new ElectronDownloadError(
      `ELECTRON_EXEC_PATH names ${execPath}, which does not exist. Unset it to use the Electron ` +
        `binary from node_modules (downloaded on first run), then run \`${retry}\` again.`,
    );
  }
  let pkg: ElectronPackage;
  try {
    pkg = findElectronPackage(root);
  } catch {
    throw new ElectronDownloadError(
      `The electron package is not in node_modules: run \`npm install\`, then \`${retry}\` again.`,
    );
  }
  const installed = installedElectronBinary(pkg);
  if (installed) return installed;

  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  log(`Electron ${pkg.version}'s binary is not installed yet: downloading it (first run only)…`);
  const outcome = await runInstaller(pkg, root, env);
  const binary = outcome.exitCode === 0 ? installedElectronBinary(pkg) : null;
  if (binary) return binary;
  const cause =
    outcome.exitCode === 0
      ? 'the installer finished but left no executable behind path.txt'
      : installerFailureCause(outcome.stderr);
  throw new ElectronDownloadError(downloadFailureMessage(pkg.version, cause, retry));
}

/** The npm script the person ran, so the message can say exactly what to run again. */
function retryCommand(root: string, env: NodeJS.ProcessEnv): string {
  const script = env.npm_lifecycle_event;
  let scripts: Record<string, string> = {};
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    scripts = manifest.scripts ?? {};
  } catch {
    // No readable package.json: fall back to running this script again.
  }
  // npx also sets npm_lifecycle_event ("npx"), which names no script of ours.
  if (!script || !Object.hasOwn(scripts, script)) return 'npx tsx scripts/ensure-electron.ts';
  return script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`;
}

interface InstallerOutcome {
  exitCode: number | null;
  stderr: string;
}

/** Runs node_modules/electron/install.js, keeping its stderr to explain a failure. */
function runInstaller(pkg: ElectronPackage, root: string, env: NodeJS.ProcessEnv): Promise<InstallerOutcome> {
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(process.execPath, [pkg.installer], {
      cwd: root,
      env: installerEnv(env),
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_INSTALLER_OUTPUT) stderr += chunk;
    });
    child.on('error', (error) => resolve({ exitCode: null, stderr: `Error: ${error.message}` }));
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

/**
 * The installer's environment: the caller's, minus a stale skip flag, with proxies switched on.
 *
 * @electron/get downloads with Node's fetch, which ignores HTTPS_PROXY and friends unless
 * NODE_USE_ENV_PROXY=1 (Node 22.21+); someone who set a proxy expects the download to use it.
 */
function installerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...env };
  delete result.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => env[name]);
  if (proxied && result.NODE_USE_ENV_PROXY === undefined) result.NODE_USE_ENV_PROXY = '1';
  return result;
}

/** The one line of the installer's output that says what went wrong (it prints a stack). */
function installerFailureCause(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at ') && !/^\(node:\d+\)|^\(Use `node/.test(line));
  const cause = lines.find((line) => /^[\w.]*Error\b/.test(line)) ?? lines.at(-1) ?? 'no output';
  // A mirror or proxy URL may carry credentials; they are never printed.
  const safe = cause.replace(/\/\/[^/@\s]+@/g, '//***@');
  return safe === 'TypeError: fetch failed'
    ? `${safe} (the download site could not be reached: offline, blocked, or behind a proxy?)`
    : safe;
}

function downloadFailureMessage(version: string, cause: string, retry: string): string {
  const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  return [
    `Electron ${version}'s binary is not installed and downloading it failed, so \`${retry}\` stopped.`,
    `  cause: ${cause}`,
    `Electron's npm package fetches its binary on first use (node_modules/electron/install.js).`,
    `These environment variables change how it downloads:`,
    `  ELECTRON_MIRROR=<url>              a mirror to use instead of GitHub; it ends in "/" and serves`,
    `                                     v${version}/${zip} and v${version}/SHASUMS256.txt`,
    `  electron_config_cache=<folder>     where downloads are cached (one already there is reused)`,
    `  electron_use_remote_checksums=1    check the mirror's SHASUMS256.txt instead of the checksums`,
    `                                     shipped with Electron (for a mirror with its own builds)`,
    `  HTTPS_PROXY, HTTP_PROXY, NO_PROXY  download through a proxy (NODE_USE_ENV_PROXY=1 is set for you)`,
    `Then retry with: ${retry}`,
    `(\`node node_modules/electron/install.js\` on its own shows the installer's full output.)`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  ensureElectron().then(
    () => undefined,
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
