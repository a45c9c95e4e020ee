/**
 * `npm run demo`: the Cloudflare API simulator plus Keyflare, with the demo profiles added.
 *
 * A newcomer sees a full app without a Cloudflare account: the simulator serves the `demo`
 * scenario on loopback, a temporary data folder is prepared by the real core (the demo
 * credentials are added as profiles against the simulator's base URL and synced; their secrets
 * go to the OS keychain like any profile's), then Electron starts on that folder. When Keyflare
 * exits the demo profiles are removed again — keychain entries included — and the folder deleted.
 *
 * `--prepare-only` prepares the folder, prints its path and exits (used by the demo's test).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, type Core } from '../src/main/core';
import type { Profile } from '../src/shared/domain';
import type { Result } from '../src/shared/errors';
import { startSimulator, type Simulator } from '../test/cloudflare-sim';
import { ensureElectron } from './ensure-electron';

/** The demo logins shown as profiles: two people, an account-owned token and a Global API Key. */
export const DEMO_PROFILES = [
  { label: 'Alice (personal)', credential: 'alice-manager' },
  { label: 'Bob (work)', credential: 'bob-manager' },
  { label: 'Acme account token', credential: 'acme-account-manager' },
] as const;

function expectOk<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Adds and syncs the demo profiles in `dataDir`; returns their ids. */
export async function prepareDemo(core: Core, sim: Simulator): Promise<string[]> {
  const ids: string[] = [];
  for (const demo of DEMO_PROFILES) {
    const credential = sim.credential(demo.credential);
    const profile = expectOk(
      (await core.dispatch('profiles.add', {
        label: demo.label,
        baseUrl: sim.baseUrl,
        credential: {
          kind: 'api_token',
          token: credential.secret,
          ...(credential.accountId ? { accountId: credential.accountId } : {}),
        },
      })) as Result<Profile>,
      `adding demo profile ${demo.label}`,
    );
    ids.push(profile.id);
  }
  expectOk(await core.dispatch('sync.start', {}), 'syncing the demo profiles');
  return ids;
}

async function removeDemo(dataDir: string, ids: string[]): Promise<void> {
  const core = createCore({ dataDir, appVersion: 'demo' });
  try {
    for (const profileId of ids) await core.dispatch('profiles.remove', { profileId });
  } finally {
    core.close();
  }
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'prepare-only': { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      latency: { type: 'string', default: '20' },
    },
    strict: true,
  });
  const sim = await startSimulator({
    scenario: 'demo',
    port: Number(values.port),
    latencyMs: Number(values.latency),
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-demo-'));
  const core = createCore({ dataDir, appVersion: 'demo' });
  const ids = await prepareDemo(core, sim).finally(() => core.close());
  console.log(`Keyflare demo: simulator at ${sim.baseUrl}`);
  console.log(`Keyflare demo: data folder ${dataDir} with ${ids.length} profiles`);
  try {
    if (values['prepare-only']) return;
    // Downloads Electron's binary on first run; a failure throws the message to show.
    const binary = await ensureElectron({ retryCommand: 'npm run demo' });
    if ((await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'])) !== 0)
      throw new Error('build failed');
    const root = path.resolve(import.meta.dirname, '..');
    await run(binary, [path.join(root, 'out/main/index.js'), `--keyflare-data-dir=${dataDir}`]);
  } finally {
    await removeDemo(dataDir, ids);
    fs.rmSync(dataDir, { recursive: true, force: true });
    await sim.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
