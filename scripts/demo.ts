/**
 * `npm run demo`: the Cloudflare API simulator plus Keyflare, with the demo profiles added.
 *
 * A newcomer sees a full app without a Cloudflare account: the simulator serves the `demo`
 * scenario on loopback, a temporary data folder is prepared by the real core (the demo
 * credentials are added as profiles against the simulator's base URL and synced; their secrets
 * go to the OS keychain under a service of their own, "Keyflare Demo", never next to the user's
 * real "Keyflare" entries), then Electron starts on that folder with the same service. When
 * Keyflare exits, or the demo gets Ctrl-C or SIGTERM, the demo profiles are removed again —
 * keychain entries included — and the folder deleted; what a killed demo left behind is removed
 * by the next one (demo-cleanup.ts).
 *
 * `--prepare-only` prepares the folder, prints its path, then cleans up as a quit would (used by
 * the demo's tests). `--no-app` prepares it and waits, without starting Keyflare, until Ctrl-C or
 * SIGTERM: for pointing a Keyflare you start yourself at it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../src/main/core';
import { addSampleProfiles } from '../src/main/core/sandbox/sample-profiles';
import { startSimulator, type Simulator } from '../src/sandbox';
import { SAMPLE_PROFILES } from '../src/sandbox/sample-profiles';
import {
  createDemoDataDir,
  createDemoSecretStore,
  DEMO_KEYCHAIN_SWITCH,
  recordDemoRun,
  removeDemoData,
  sweepDemoLeftovers,
} from './demo-cleanup';
import { ensureElectron } from './ensure-electron';

/** The demo logins shown as profiles (the same the app's sandbox shows). */
export const DEMO_PROFILES = SAMPLE_PROFILES;

/** Adds and syncs the demo profiles in `dataDir`; returns their ids. */
export function prepareDemo(core: Core, sim: Simulator): Promise<string[]> {
  return addSampleProfiles(core.dispatch, sim);
}

/** The demo's data folder and keychain service, as the Electron app takes them. */
export function demoAppSwitches(dataDir: string): string[] {
  return [`--keyflare-data-dir=${dataDir}`, DEMO_KEYCHAIN_SWITCH];
}

/** Stops every child still running (the build, Electron): SIGTERM, then SIGKILL after 10 s. */
async function stopChildren(children: ReadonlySet<ChildProcess>): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * On Ctrl-C or SIGTERM: stop the children, clean up, then exit as the signal would have
 * (130 / 143). A second signal exits at once; the next demo removes what is left.
 */
function cleanUpOnSignal(children: ReadonlySet<ChildProcess>, cleanUp: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    const code = 128 + (os.constants.signals[signal] ?? 1);
    if (stopping) {
      console.error(
        'Keyflare demo: stopped before cleaning up; the next `npm run demo` removes what is left.',
      );
      process.exit(code);
    }
    stopping = true;
    console.error(`Keyflare demo: ${signal}, removing the demo profiles and their keychain entries…`);
    void stopChildren(children)
      .then(cleanUp)
      .catch((error: unknown) => {
        console.error(
          `Keyflare demo: cleaning up failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function run(command: string, args: string[], onSpawn?: (child: ChildProcess) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    onSpawn?.(child);
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'prepare-only': { type: 'boolean', default: false },
      'no-app': { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '20' },
    },
    strict: true,
  });
  const store = createDemoSecretStore();
  const dataDir = createDemoDataDir();
  // Recorded before anything reaches the keychain, so a killed run is cleaned up by the next one.
  const demoRun = recordDemoRun(dataDir);
  const children = new Set<ChildProcess>();
  const track = (child: ChildProcess): void => {
    children.add(child);
    child.once('exit', () => children.delete(child));
    if (child.pid) demoRun.update({ pids: [...demoRun.record.pids, child.pid] });
  };
  let sim: Simulator | null = null;
  let preparing: Promise<unknown> = Promise.resolve();
  let cleaned: Promise<void> | null = null;
  const cleanUp = (): Promise<void> =>
    (cleaned ??= (async () => {
      await preparing.catch(() => undefined);
      await removeDemoData(dataDir, store, demoRun.record.profileIds);
      demoRun.finish();
      await sim?.close();
    })());
  cleanUpOnSignal(children, cleanUp);
  try {
    const swept = await sweepDemoLeftovers(store);
    if (swept.removedFolders.length > 0 || swept.removedEntries > 0)
      console.log(
        `Keyflare demo: removed what earlier demos left (${swept.removedFolders.length} folders, ` +
          `${swept.removedEntries} keychain entries)`,
      );
    const started = await startSimulator({
      scenario: 'demo',
      port: Number(values.port),
      latencyMs: Number(values.latency),
    });
    sim = started;
    const core = createCore({ dataDir, appVersion: 'demo', secrets: store });
    const prepared = prepareDemo(core, started).finally(() => core.close());
    preparing = prepared;
    const ids = await prepared;
    demoRun.update({ profileIds: ids });
    console.log(`Keyflare demo: simulator at ${started.baseUrl}`);
    console.log(`Keyflare demo: data folder ${dataDir} with ${ids.length} profiles`);
    if (values['prepare-only']) return;
    if (values['no-app']) {
      console.log(
        `Keyflare demo: waiting; start an unpackaged Keyflare with ${demoAppSwitches(dataDir)
          .map((arg) => JSON.stringify(arg))
          .join(' ')}, and press Ctrl-C here to remove the demo profiles.`,
      );
      // Held open until a signal cleans up and exits (the timer keeps Node from leaving early).
      await new Promise<never>(() => setInterval(() => undefined, 60_000));
    }
    // Downloads Electron's binary on first run; a failure throws the message to show.
    const binary = await ensureElectron({ retryCommand: 'npm run demo' });
    if ((await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], track)) !== 0)
      throw new Error('build failed');
    const root = path.resolve(import.meta.dirname, '..');
    await run(binary, [path.join(root, 'out/main/index.js'), ...demoAppSwitches(dataDir)], track);
  } finally {
    await cleanUp();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
