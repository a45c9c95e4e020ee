/**
 * What `npm run demo` leaves behind, and how it is removed: its own keychain service, one marker
 * per run, and a sweep of the runs that died.
 *
 * The demo's profiles are real profiles whose credentials go to the keychain. They live under a
 * service of their own, "Keyflare Demo", so the demo can never read, overwrite or delete the
 * entries of the user's own "Keyflare" service — nothing here ever opens that service.
 *
 * A run removes its profiles (and their keychain entries) and its data folder when Keyflare
 * quits and on Ctrl-C or SIGTERM. A run that could not — killed with SIGKILL, a crash, a power
 * cut — leaves a marker file under the OS temp folder naming its process ids and data folder;
 * the next demo removes what every dead run left. When no other demo is running, every entry of
 * "Keyflare Demo" is a leftover by definition and all of them go.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { createKeytarStore } from '../src/main/core/secrets/keytar-store';
import {
  profileSecretAccount,
  tokenSecretPrefix,
  type SecretStore,
} from '../src/main/core/secrets/secret-store';
import type { Profile } from '../src/shared/domain';

/** The keychain service of every demo profile; the user's own entries are under "Keyflare". */
export const DEMO_KEYCHAIN_SERVICE = 'Keyflare Demo';

/** The switch that makes the (unpackaged) Electron app use the demo's service too. */
export const DEMO_KEYCHAIN_SWITCH = `--keyflare-keychain-service=${DEMO_KEYCHAIN_SERVICE}`;

/** The demo's own SecretStore: the OS keychain, under DEMO_KEYCHAIN_SERVICE. */
export function createDemoSecretStore(): SecretStore {
  return createKeytarStore({ service: DEMO_KEYCHAIN_SERVICE });
}

/** What a run records about itself, so a later demo can clean up after it. */
export interface DemoRunRecord {
  /** The demo process, then every child it started (the build, Electron). */
  pids: number[];
  dataDir: string;
  /** The profiles the demo added, known once they are added (the app may add more). */
  profileIds: string[];
  startedAt: string;
}

export interface DemoRun {
  readonly file: string;
  readonly record: DemoRunRecord;
  update(patch: Partial<Omit<DemoRunRecord, 'dataDir' | 'startedAt'>>): void;
  /** Deletes the marker; the run left nothing behind. */
  finish(): void;
}

const DATA_DIR_NAME = /^keyflare-demo-[A-Za-z0-9]{6}$/u;

/** The folder of run markers, next to the demo data folders. */
export function demoRunsDir(tmpDir: string = os.tmpdir()): string {
  return path.join(tmpDir, 'keyflare-demo-runs');
}

/** A new demo data folder under the OS temp folder. */
export function createDemoDataDir(tmpDir: string = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(tmpDir, 'keyflare-demo-'));
}

function writeAtomically(file: string, text: string): void {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, text, { mode: 0o600 });
  fs.renameSync(partial, file);
}

/** Records a run before it adds anything to the keychain. */
export function recordDemoRun(dataDir: string, tmpDir: string = os.tmpdir()): DemoRun {
  const dir = demoRunsDir(tmpDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${process.pid}.json`);
  const record: DemoRunRecord = {
    pids: [process.pid],
    dataDir,
    profileIds: [],
    startedAt: new Date().toISOString(),
  };
  const save = (): void => writeAtomically(file, `${JSON.stringify(record)}\n`);
  save();
  return {
    file,
    record,
    update(patch) {
      Object.assign(record, patch);
      save();
    },
    finish() {
      fs.rmSync(file, { force: true });
    },
  };
}

/** True while the process exists (EPERM: it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(file: string): DemoRunRecord | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DemoRunRecord>;
    if (!Array.isArray(parsed.pids) || typeof parsed.dataDir !== 'string') return null;
    return {
      pids: parsed.pids.filter((pid): pid is number => Number.isInteger(pid) && pid > 0),
      dataDir: parsed.dataDir,
      profileIds: Array.isArray(parsed.profileIds)
        ? parsed.profileIds.filter((id): id is string => typeof id === 'string' && id.length > 0)
        : [],
      startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : '',
    };
  } catch {
    return null;
  }
}

/**
 * Removes every profile in a demo data folder through the core (keychain entries first, then the
 * rows), then the profiles the run recorded in case the folder could not be read, then the folder.
 */
export async function removeDemoData(
  dataDir: string,
  store: SecretStore,
  recordedProfileIds: readonly string[] = [],
): Promise<void> {
  const ids = new Set(recordedProfileIds);
  if (fs.existsSync(dataDir)) {
    try {
      const core = createCore({ dataDir, appVersion: 'demo', secrets: store });
      try {
        const listed = await core.dispatch('profiles.list', {});
        const profiles = listed.ok ? (listed.value as Profile[]) : [];
        for (const profile of profiles) {
          await core.dispatch('profiles.remove', { profileId: profile.id });
          ids.delete(profile.id);
        }
      } finally {
        core.close();
      }
    } catch {
      // An unreadable folder: the recorded ids below (or the next sweep) cover its entries.
    }
  }
  await removeProfileEntries(store, [...ids]);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Deletes a profile's credential and kept token secrets straight from the store. */
async function removeProfileEntries(store: SecretStore, profileIds: readonly string[]): Promise<void> {
  for (const profileId of profileIds) {
    for (const account of await store.list(tokenSecretPrefix(profileId))) await store.delete(account);
    await store.delete(profileSecretAccount(profileId));
  }
}

export interface SweepResult {
  /** Data folders of dead runs that were removed. */
  removedFolders: string[];
  /** Keychain entries removed because no demo was running to own them. */
  removedEntries: number;
}

/**
 * Removes what dead demo runs left: their profiles' keychain entries, their data folders and
 * their markers. Call it after `recordDemoRun` and before adding anything: when no other run is
 * alive, every remaining "Keyflare Demo" entry is a leftover and is removed too.
 */
export async function sweepDemoLeftovers(
  store: SecretStore,
  options: { tmpDir?: string; ownPid?: number } = {},
): Promise<SweepResult> {
  const tmpDir = options.tmpDir ?? os.tmpdir();
  const ownPid = options.ownPid ?? process.pid;
  const dir = demoRunsDir(tmpDir);
  const removedFolders: string[] = [];
  let othersAlive = false;
  const markers = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
  for (const name of markers) {
    const file = path.join(dir, name);
    const record = readRecord(file);
    if (record?.pids[0] === ownPid) continue;
    if (record && record.pids.some(isAlive)) {
      othersAlive = true;
      continue;
    }
    if (record) {
      // Only a folder this demo would have made: a marker must not steer a delete elsewhere.
      const ours =
        path.dirname(path.resolve(record.dataDir)) === path.resolve(tmpDir) &&
        DATA_DIR_NAME.test(path.basename(record.dataDir));
      if (ours) {
        await removeDemoData(record.dataDir, store, record.profileIds);
        removedFolders.push(record.dataDir);
      } else {
        await removeProfileEntries(store, record.profileIds);
      }
    }
    fs.rmSync(file, { force: true });
  }
  let removedEntries = 0;
  if (!othersAlive) {
    for (const account of await store.list('')) {
      if (await store.delete(account)) removedEntries += 1;
    }
  }
  return { removedFolders, removedEntries };
}
