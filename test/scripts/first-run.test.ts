/**
 * First run: `npm start` on a fresh clone fetches Electron's binary, then starts the built app.
 *
 * There is no internet here, so a loopback HTTP server stands in for Electron's release site
 * (ELECTRON_MIRROR): it serves SHASUMS256.txt and a small zip laid out like Electron's, whose
 * `electron` is a shell script that records its working folder and arguments. The real `npm start`
 * and `npm run demo` run in a temporary copy of the project whose node_modules links to this
 * checkout's, except `electron` (its installer writes into it) and `electron-vite` (Node resolves
 * a symlinked package from its real folder, so a linked electron-vite would look at this
 * checkout's `electron`). What this cannot show: the real Electron binary opening a window.
 * `npm run dist` is not run here: see the README's Quick start for why.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';

const PROJECT = path.resolve(import.meta.dirname, '../..');
const REAL_MODULES = path.join(PROJECT, 'node_modules');
const ELECTRON_VERSION = (
  JSON.parse(fs.readFileSync(path.join(REAL_MODULES, 'electron/package.json'), 'utf8')) as { version: string }
).version;
const ZIP_NAME = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`;
const ZIP_PATH = `/v${ELECTRON_VERSION}/${ZIP_NAME}`;
const SHASUMS_PATH = `/v${ELECTRON_VERSION}/SHASUMS256.txt`;
/** tsx's command line, inside the project copy (run with this process's node). */
const TSX = 'node_modules/.bin/tsx';

/** Left out of the project copy: what a fresh clone does not have. */
const NOT_IN_A_CLONE = new Set(['node_modules', 'out', 'dist', '.git', 'test-results', 'coverage', '.cache']);
/** Copied rather than linked (see the header). */
const COPIED_MODULES = new Set(['electron', 'electron-vite']);

/** Stands in for Electron: writes its working folder, then one argument a line. */
const FAKE_ELECTRON = `#!/bin/sh
{ pwd; for arg in "$@"; do printf '%s\\n' "$arg"; done; } > "$KEYFLARE_FAKE_ELECTRON_ARGV"
`;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-first-run-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A zip laid out like Electron's release zip for this platform: the executable plus `version`. */
function fakeElectronZip(): Promise<Buffer> {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(FAKE_ELECTRON), 'electron', { mode: 0o100755 });
  zip.addBuffer(Buffer.from(ELECTRON_VERSION), 'version');
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function releaseFiles(): Promise<Map<string, Buffer>> {
  const zip = await fakeElectronZip();
  const sha256 = crypto.createHash('sha256').update(zip).digest('hex');
  return new Map([
    [ZIP_PATH, zip],
    [SHASUMS_PATH, Buffer.from(`${sha256} *${ZIP_NAME}\n`)],
  ]);
}

interface Mirror {
  /** The mirror's base URL, ending in "/" as ELECTRON_MIRROR expects. */
  url: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** Targets of CONNECT requests when the server is used as a proxy. */
  tunnels: string[];
}

/** A loopback mirror serving `files` (404 for anything else); it also tunnels CONNECT to itself. */
async function startMirror(files: Map<string, Buffer>): Promise<Mirror> {
  const requests: string[] = [];
  const tunnels: string[] = [];
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://mirror');
    requests.push(pathname);
    const body = files.get(pathname);
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
    response.end(body ?? 'not found');
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    const address = server.address() as net.AddressInfo;
    const upstream = net.connect(address.port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, requests, tunnels };
}

/**
 * A copy of the project as a fresh clone has it, with node_modules installed but no Electron
 * binary: the project's own files, node_modules linked package by package, `electron` and
 * `electron-vite` copied (without any downloaded binary), `.bin` re-linked inside the copy.
 */
function copyProject(): string {
  const root = path.join(tempDir(), 'keyflare');
  fs.cpSync(PROJECT, root, {
    recursive: true,
    filter: (source) => !NOT_IN_A_CLONE.has(path.relative(PROJECT, source)),
  });
  const modules = path.join(root, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(REAL_MODULES)) {
    const from = path.join(REAL_MODULES, name);
    const to = path.join(modules, name);
    if (name === '.bin') {
      fs.mkdirSync(to);
      for (const bin of fs.readdirSync(from)) {
        fs.symlinkSync(fs.readlinkSync(path.join(from, bin)), path.join(to, bin));
      }
    } else if (COPIED_MODULES.has(name)) {
      // Electron's downloaded binary, if this checkout has one, stays behind: a clone has none.
      const installed = new Set(
        name === 'electron' ? ['dist', 'path.txt'].map((f) => path.join(from, f)) : [],
      );
      fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true, filter: (s) => !installed.has(s) });
    } else if (!name.startsWith('.')) {
      fs.symlinkSync(from, to);
    }
  }
  return root;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * The environment of a newcomer who points Electron's download at `mirror`: this process's
 * environment without any npm, Electron or proxy settings of its own, a private download cache,
 * and ELECTRON_SKIP_BINARY_DOWNLOAD=1 left over from an offline install.
 */
function newcomerEnv(mirror: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = tempDir();
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^npm_|^electron_|proxy$/i.test(name) && name !== 'NODE_OPTIONS',
  );
  return {
    ...Object.fromEntries(inherited),
    ELECTRON_MIRROR: mirror,
    electron_use_remote_checksums: '1',
    electron_config_cache: path.join(dir, 'electron-cache'),
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    KEYFLARE_FAKE_ELECTRON_ARGV: path.join(dir, 'argv.txt'),
    npm_config_userconfig: path.join(dir, 'npmrc'),
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
}

/** What the fake Electron recorded: the folder it ran in and its arguments. */
function recordedLaunch(env: NodeJS.ProcessEnv): { cwd: string; args: string[] } {
  const [cwd = '', ...args] = fs.readFileSync(env.KEYFLARE_FAKE_ELECTRON_ARGV!, 'utf8').trimEnd().split('\n');
  return { cwd, args };
}

function expectInstalledFromMirror(root: string, mirror: Mirror, env: NodeJS.ProcessEnv): void {
  expect(mirror.requests).toEqual(expect.arrayContaining([SHASUMS_PATH, ZIP_PATH]));
  expect(fs.readFileSync(path.join(root, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
  expect(filesUnder(env.electron_config_cache!).some((file) => file.endsWith(ZIP_NAME))).toBe(true);
}

describe.runIf(process.platform === 'linux')('first run of a fresh clone', () => {
  it('npm start downloads Electron from the mirror, writes path.txt and launches the built app', async () => {
    const mirror = await startMirror(await releaseFiles());
    const root = copyProject();
    const env = newcomerEnv(mirror.url);

    const result = await run('npm', ['start'], root, env);

    expect(result.stderr).not.toContain('Electron uninstall');
    expect(result.code, result.stderr).toBe(0);
    expectInstalledFromMirror(root, mirror, env);
    // electron-vite starts Electron on the project folder, whose package.json names the built entry.
    const launch = recordedLaunch(env);
    expect(launch.args).toEqual(['.']);
    const app = path.resolve(launch.cwd, launch.args[0]!);
    expect(fs.realpathSync(app)).toBe(fs.realpathSync(root));
    const { main } = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')) as { main: string };
    expect(path.normalize(main)).toBe(path.normalize('out/main/index.js'));
    expect(fs.existsSync(path.join(app, main))).toBe(true);

    // Later runs find the binary and ask the network for nothing.
    const asked = mirror.requests.length;
    const again = await run(process.execPath, [TSX, 'scripts/ensure-electron.ts'], root, env);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(mirror.requests).toHaveLength(asked);
  }, 60_000);

  it('npm run demo downloads Electron too and launches the built entry on the demo data folder', async () => {
    const mirror = await startMirror(await releaseFiles());
    const root = copyProject();
    const env = newcomerEnv(mirror.url);

    const result = await run('npm', ['run', 'demo'], root, env);

    expect(result.code, result.stderr).toBe(0);
    expectInstalledFromMirror(root, mirror, env);
    const [entry, dataDirArg] = recordedLaunch(env).args;
    expect(entry).toBe(path.join(root, 'out/main/index.js'));
    expect(fs.existsSync(entry!)).toBe(true);
    expect(dataDirArg).toMatch(/^--keyflare-data-dir=/);
  }, 60_000);

  it('a failed download stops npm start with one clear message, before building', async () => {
    const mirror = await startMirror(new Map());
    const root = copyProject();

    const result = await run('npm', ['start'], root, newcomerEnv(mirror.url));

    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toContain('Electron uninstall');
    expect(mirror.requests).toContain(ZIP_PATH);
    const message = result.stderr;
    expect(message.split('downloading it failed')).toHaveLength(2);
    expect(message).toContain(
      `Electron ${ELECTRON_VERSION}'s binary is not installed and downloading it failed`,
    );
    expect(message).toContain(
      `cause: HTTPError: Response code 404 (Not Found) for ${mirror.url.slice(0, -1)}${ZIP_PATH}`,
    );
    for (const help of [
      'ELECTRON_MIRROR=',
      'electron_config_cache=',
      'electron_use_remote_checksums=1',
      'HTTPS_PROXY',
    ])
      expect(message).toContain(help);
    expect(message).toContain('retry with: npm start');
    expect(message).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(root, 'node_modules/electron/path.txt'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  }, 60_000);

  it('downloads through the proxy named in HTTP_PROXY', async () => {
    const mirror = await startMirror(await releaseFiles());
    const root = copyProject();
    // Nothing listens on this loopback address: only the proxy can reach the "mirror".
    const env = newcomerEnv('http://127.0.0.2:65000/', { HTTP_PROXY: mirror.url });

    const result = await run(process.execPath, [TSX, 'scripts/ensure-electron.ts'], root, env);

    expect(result.code, result.stderr).toBe(0);
    expect(mirror.tunnels).toContain('127.0.0.2:65000');
    expectInstalledFromMirror(root, mirror, env);
  }, 60_000);
});
