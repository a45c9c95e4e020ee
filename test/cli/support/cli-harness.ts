/**
 * Running the built `keyflare` command as a user would: a child process (`node out/cli/keyflare.js`)
 * with its own data folder, the real keychain of the test's keyring session and the simulator.
 *
 * `npm test` builds the command before the suites; a run of these files alone builds it when the
 * bundle is missing or older than the sources (under a lock, since test files run in parallel).
 * Every spawn is recorded with its command line, so tests can scan it for secrets.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'out', 'cli', 'keyflare.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'renderer' && entry.name !== 'preload')
        newest = Math.max(newest, newestSource(full));
    } else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds out/cli when missing or stale; one builder at a time. */
export function ensureBuilt(): void {
  const fresh = (): boolean =>
    fs.existsSync(CLI) && fs.statSync(CLI).mtimeMs >= newestSource(path.join(ROOT, 'src'));
  if (fresh()) return;
  const lock = path.join(os.tmpdir(), 'keyflare-cli-build.lock');
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (waited > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      sleep(100);
    }
  }
  try {
    if (!fresh()) {
      const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], {
        stdio: 'inherit',
      });
      if (built.status !== 0) throw new Error('building the keyflare command failed');
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Called with the child right after it starts (to signal it, read /proc…). */
  onStart?: (child: ChildProcess) => void;
  timeoutMs?: number;
}

/** Every command line the harness started, for the "no secret in argv" checks. */
export const startedCommandLines: string[][] = [];

export function tempDir(prefix = 'keyflare-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A CLI bound to one data folder. */
export interface Cli {
  dataDir: string;
  run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
}

export function cliFor(dataDir: string, baseEnv: NodeJS.ProcessEnv = {}): Cli {
  ensureBuilt();
  return {
    dataDir,
    run(args, options = {}) {
      const argv = [CLI, ...args];
      startedCommandLines.push(argv);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        KEYFLARE_DATA_DIR: dataDir,
        NO_COLOR: '1',
        ...baseEnv,
        ...options.env,
      };
      for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, argv, {
          cwd: options.cwd ?? dataDir,
          env,
          stdio: ['pipe', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 25_000);
        child.on('error', reject);
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          resolve({ code, signal, stdout, stderr });
        });
        child.stdin.end(options.input ?? '');
        options.onStart?.(child);
      });
    },
  };
}

/** The data folder's log file, as text ('' when there is none yet). */
export function logText(dataDir: string): string {
  const file = path.join(dataDir, 'logs', 'keyflare.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** Every byte under a folder, as one latin1 string (to search for a secret). */
export function folderBytes(dir: string): string {
  let text = '';
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) text += fs.readFileSync(path.join(entry.parentPath, entry.name)).toString('latin1');
  }
  return text;
}
