/**
 * `npm run demo` keeps its keychain entries under "Keyflare Demo" and removes them on quit, on
 * Ctrl-C / SIGTERM, and — after a SIGKILL — at the next demo start, never touching "Keyflare"
 * (SECURITY.md 28). The demo runs as its own process against the real keychain (run inside
 * scripts/with-keyring.sh), each test with a private temp folder for its data folders and markers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PROFILES, demoAppSwitches } from '../../scripts/demo';
import { DEMO_KEYCHAIN_SERVICE, demoRunsDir } from '../../scripts/demo-cleanup';
import { createKeytarStore } from '../../src/main/core/secrets/keytar-store';

const ROOT = path.resolve(import.meta.dirname, '../..');
const demoStore = createKeytarStore({ service: DEMO_KEYCHAIN_SERVICE });
const realStore = createKeytarStore();
/** An entry of the user's real service that must come through every demo untouched. */
const REAL_ACCOUNT = `token:demo-keychain-test:${randomUUID()}`;
const REAL_SECRET = 'the user’s own secret, not the demo’s';

interface DemoProcess {
  child: ChildProcess;
  /** Resolves with the data folder once the demo printed it (profiles added and synced). */
  prepared: Promise<string>;
  /** Resolves once the demo says it waits (`--no-app`). */
  waiting: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

const running = new Set<ChildProcess>();
let tmpDir: string;

function startDemo(...args: string[]): DemoProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/demo.ts'), '--latency', '0', ...args],
    { cwd: ROOT, env: { ...process.env, TMPDIR: tmpDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let text = '';
  const seen = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = pattern.exec(text);
        if (match) resolve(match);
        return match !== null;
      };
      const onData = (chunk: Buffer): void => {
        text += chunk.toString('utf8');
        if (check()) child.stdout?.off('data', onData);
      };
      child.stdout?.on('data', onData);
      child.once('exit', () => {
        if (!check()) reject(new Error(`the demo exited without printing ${String(pattern)}:\n${text}`));
      });
    });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const prepared = seen(/data folder (\S+) with \d+ profiles/u).then((match) => match[1] ?? '');
  const waiting = seen(/Keyflare demo: waiting/u).then(() => undefined);
  // Each test awaits what it needs; the others must not become unhandled rejections.
  prepared.catch(() => undefined);
  waiting.catch(() => undefined);
  return { child, prepared, waiting, exited, output: () => text };
}

async function demoEntries(): Promise<string[]> {
  return (await demoStore.list('')).sort();
}

function markers(): string[] {
  const dir = demoRunsDir(tmpDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

async function expectRealEntryUntouched(): Promise<void> {
  expect(await realStore.get(REAL_ACCOUNT)).toBe(REAL_SECRET);
}

beforeAll(async () => {
  await realStore.set(REAL_ACCOUNT, REAL_SECRET);
});

afterAll(async () => {
  await realStore.delete(REAL_ACCOUNT);
});

beforeEach(async () => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-demo-test-'));
  for (const account of await demoStore.list('')) await demoStore.delete(account);
});

afterEach(async () => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const account of await demoStore.list('')) await demoStore.delete(account);
});

describe('npm run demo and the keychain', { timeout: 120_000 }, () => {
  it('starts Keyflare on the demo folder with the demo keychain service', () => {
    expect(demoAppSwitches('/tmp/keyflare-demo-abc123')).toEqual([
      '--keyflare-data-dir=/tmp/keyflare-demo-abc123',
      '--keyflare-keychain-service=Keyflare Demo',
    ]);
  });

  it('on quit removes its profiles, their demo-service entries, its folder and its marker', async () => {
    const demo = startDemo('--prepare-only');
    const dataDir = await demo.prepared;
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    expect(demo.output()).toContain(`with ${DEMO_PROFILES.length} profiles`);
    expect(await demoEntries()).toEqual([]);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(markers()).toEqual([]);
    await expectRealEntryUntouched();
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`on ${signal} removes everything it added, under the demo service only, and exits with ${code}`, async () => {
      const demo = startDemo('--no-app');
      const dataDir = await demo.prepared;
      await demo.waiting;
      const entries = await demoEntries();
      expect(entries.filter((account) => account.startsWith('profile:'))).toHaveLength(DEMO_PROFILES.length);
      expect(fs.existsSync(dataDir)).toBe(true);
      expect(markers()).toEqual([`${demo.child.pid}.json`]);

      demo.child.kill(signal);
      expect(await demo.exited).toEqual({ code, signal: null });
      expect(await demoEntries()).toEqual([]);
      expect(fs.existsSync(dataDir)).toBe(false);
      expect(markers()).toEqual([]);
      await expectRealEntryUntouched();
    });
  }

  it('after a SIGKILL, the next demo removes the leftovers before adding its own', async () => {
    const killed = startDemo('--no-app');
    const killedDir = await killed.prepared;
    await killed.waiting;
    const leftovers = await demoEntries();
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Nothing could clean up: the entries, the folder and the marker are still there.
    expect(await demoEntries()).toEqual(leftovers);
    expect(fs.existsSync(killedDir)).toBe(true);
    expect(markers()).toEqual([`${killed.child.pid}.json`]);

    const next = startDemo('--no-app');
    const nextDir = await next.prepared;
    await next.waiting;
    expect(next.output()).toContain('removed what earlier demos left (1 folders');
    const now = await demoEntries();
    expect(now.filter((account) => leftovers.includes(account))).toEqual([]);
    expect(now.filter((account) => account.startsWith('profile:'))).toHaveLength(DEMO_PROFILES.length);
    expect(fs.existsSync(killedDir)).toBe(false);
    expect(markers()).toEqual([`${next.child.pid}.json`]);
    await expectRealEntryUntouched();

    next.child.kill('SIGTERM');
    expect((await next.exited).code).toBe(143);
    expect(await demoEntries()).toEqual([]);
    expect(fs.existsSync(nextDir)).toBe(false);
  });

  it('leaves the entries of a demo that is still running alone', async () => {
    const first = startDemo('--no-app');
    const firstDir = await first.prepared;
    await first.waiting;
    const firstEntries = await demoEntries();

    const second = startDemo('--no-app');
    await second.waiting;
    const both = await demoEntries();
    expect(both.filter((account) => firstEntries.includes(account))).toEqual(firstEntries);
    expect(both.filter((account) => account.startsWith('profile:'))).toHaveLength(2 * DEMO_PROFILES.length);
    expect(fs.existsSync(firstDir)).toBe(true);

    second.child.kill('SIGTERM');
    await second.exited;
    expect(await demoEntries()).toEqual(firstEntries);
    first.child.kill('SIGTERM');
    await first.exited;
    expect(await demoEntries()).toEqual([]);
    await expectRealEntryUntouched();
  });
});
