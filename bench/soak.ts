/**
 * `npm run soak`: Keyflare's real core against a Cloudflare simulator that fails at random, for a
 * few minutes, then a verdict on what must never happen. Prints one JSON object per line.
 *
 * Three profiles (two user-token logins and an account-owned token) run side by side, each in its
 * own lane (soak-lane.ts): sync, five verifies, and — for the two logins — a create, roll and
 * delete of a user token, until 200 syncs, 1,000 verifies and 100 create/roll/delete cycles are
 * done (or 8 minutes have passed). Every request waits 50–100 ms, as a Cloudflare edge would, and
 * meets random faults: 5% 5xx (JSON envelopes and the edge's HTML page), 2% connection resets
 * (some after the operation ran), 1% 429 with a retry-after of 0, a past date, a negative number,
 * 1e20, 99999999999 or none, and 1% malformed bodies (cut off, not JSON, a null result, ids as
 * numbers, a lying result_info). The draws are seeded (`KEYFLARE_SOAK_SEED`), so a run repeats.
 * The random faults are armed once the profiles are set up.
 *
 * The verdict (soak-checks.ts): the busiest 5 minutes of any credential stay under Cloudflare's
 * 1,200 requests; after every successful sync the cache equals the simulator's own state; a
 * failed sync changes nothing a person can see; no secret the run saw is found anywhere in the
 * data folder; no write reached the simulator more often than Keyflare was asked to make it; the
 * keychain holds nothing once the profiles are removed. The exit code is 1 when any fails.
 *
 * The core is the production one (createCore, a temporary data folder). The keychain is the real
 * one when the run is inside scripts/with-keyring.sh (a private D-Bus session with an unlocked
 * GNOME Keyring, which this script enters by itself on Linux when the tools are installed), and
 * an in-memory store otherwise; the first line says which.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../src/main/core';
import { createKeytarStore } from '../src/main/core/secrets/keytar-store';
import { createMemoryStore } from '../src/main/core/secrets/memory-store';
import type { SecretStore } from '../src/main/core/secrets/secret-store';
import type { TokenOwner } from '../src/shared/domain';
import { startSimulator, type FaultSpec, type Simulator } from '../src/sandbox';
import { ask, busiestWindow, secretsOnDisk, writesSentTwice } from './soak-checks';
import { SoakLedger } from './soak-ledger';
import {
  addProfile,
  attempt,
  createToken,
  runLane,
  SYNC_WAITS_MS,
  type Lane,
  type LaneContext,
  type Pool,
} from './soak-lane';

/** `KEYFLARE_SOAK_SCALE=0.1` runs a tenth of the work (a quick check of the script itself). */
const SCALE = Math.min(1, Math.max(0.01, Number(process.env['KEYFLARE_SOAK_SCALE'] ?? 1)));
const GOALS: Pool = {
  syncs: Math.ceil(200 * SCALE),
  verifies: Math.ceil(1000 * SCALE),
  cycles: Math.ceil(100 * SCALE),
};
/** The run stops starting new work after this, and the process gives up after WATCHDOG_MS. */
const DEADLINE_MS = 8 * 60_000;
const WATCHDOG_MS = 9.5 * 60_000;
const SEED = Number(process.env['KEYFLARE_SOAK_SEED'] ?? 20_260_501);
const LATENCY_MS = 50;
const ACME = 'acc00000000000000000000000000002';
const BUDGET = 1200;

/**
 * The lanes: the login's credentials (the profile switches to the next one when a block lasts
 * longer than a sync waits) and whose tokens the lane creates. Each lane's writes are seen by
 * its own profile only, so what a sync fetched can be compared with the simulator right after.
 */
const PLAN: readonly { labels: readonly string[]; cycleOwner: TokenOwner | null; targetOwner: TokenOwner }[] =
  [
    {
      labels: ['alice-manager', 'alice-global-key'],
      cycleOwner: { kind: 'user' },
      targetOwner: { kind: 'user' },
    },
    {
      labels: ['bob-manager', 'bob-global-key'],
      cycleOwner: { kind: 'user' },
      targetOwner: { kind: 'user' },
    },
    { labels: ['acme-account-manager'], cycleOwner: null, targetOwner: { kind: 'account', accountId: ACME } },
  ];

/** Random faults on every request; the probabilities add up to 5% 5xx, 2% resets, 1% 429, 1% malformed. */
function randomFaults(): FaultSpec[] {
  const always = { times: 'always' as const };
  const retryAfters = ['0', 'Thu, 01 Jan 1970 00:00:00 GMT', '-5', '1e20', '99999999999', undefined];
  return [
    { ...always, kind: 'server_error', status: 500, probability: 0.02 },
    { ...always, kind: 'server_error', status: 503, probability: 0.015 },
    { ...always, kind: 'html_error', status: 502, probability: 0.015 },
    { ...always, kind: 'reset', probability: 0.015 },
    { ...always, kind: 'reset', phase: 'after', probability: 0.005 },
    ...retryAfters.map((retryAfter): FaultSpec => ({
      ...always,
      kind: 'too_many_requests',
      ...(retryAfter === undefined ? {} : { retryAfter }),
      probability: 0.01 / retryAfters.length,
    })),
    { ...always, kind: 'truncated', probability: 0.002 },
    { ...always, kind: 'malformed_json', probability: 0.002 },
    { ...always, kind: 'no_result', result: 'null', probability: 0.002 },
    { ...always, kind: 'wrong_types', variant: 'numeric_ids', probability: 0.002 },
    { ...always, kind: 'lying_result_info', totalCount: 20_000, probability: 0.002 },
  ];
}

function line(name: string, value: unknown, extra: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ soak: name, value, ...extra })}\n`);
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * The store with one call at a time. keytar (libsecret) crashes the whole process with SIGSEGV
 * when an entry is deleted while another call reads or lists entries — this soak found it within
 * seconds — and Keyflare's keytar store does not serialize its calls yet.
 * `KEYFLARE_SOAK_KEYCHAIN_PARALLEL=1` leaves the calls concurrent, to see the crash.
 */
function oneCallAtATime(store: SecretStore): SecretStore {
  let queue: Promise<unknown> = Promise.resolve();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    get: (account) => run(() => store.get(account)),
    set: (account, secret) => run(() => store.set(account, secret)),
    delete: (account) => run(() => store.delete(account)),
    list: (prefix) => run(() => store.list(prefix)),
    status: () => run(() => store.status()),
  };
}

async function secretStore(): Promise<{ store: SecretStore; keychain: string }> {
  if (process.env['KEYFLARE_IN_KEYRING_SESSION']) {
    const keytar = createKeytarStore({ service: `Keyflare soak ${randomUUID().slice(0, 8)}` });
    const parallel = process.env['KEYFLARE_SOAK_KEYCHAIN_PARALLEL'] === '1';
    const store = parallel ? keytar : oneCallAtATime(keytar);
    if ((await store.status()).available)
      return {
        store,
        keychain: `real (GNOME Keyring in a private D-Bus session)${parallel ? '' : ', one call at a time'}`,
      };
    process.stderr.write('soak: the keychain in the keyring session is not available; using memory\n');
  }
  return { store: createMemoryStore(), keychain: 'in-memory store' };
}

/** Adds the lanes' profiles, syncs them and creates the kept tokens each lane verifies. */
async function setUpLanes(ctx: LaneContext): Promise<Lane[]> {
  const lanes: Lane[] = [];
  for (const { labels, cycleOwner, targetOwner } of PLAN) {
    const profileId = await addProfile(ctx, labels[0] ?? '');
    await ask(ctx.core, 'sync.start', { profileId });
    const targets: Lane['targets'] = [];
    // Account tokens are seen by other lanes, so that lane gets its spares now, not mid-run.
    for (let i = 0; i < (targetOwner.kind === 'user' ? 2 : 4); i += 1) {
      const name = `soak ${labels[0] ?? ''} verify ${i}`;
      const created = await attempt(4, () => createToken(ctx, targetOwner, profileId, name, true));
      targets.push({ tokenId: created.token.id, secret: created.secret, kept: true, heldUntil: 0 });
    }
    lanes.push({
      labels,
      current: 0,
      profileId,
      cycleOwner,
      targetOwner,
      targets,
      adoptPending: false,
      freshProfileWanted: false,
      verifiesHeldUntil: 0,
      idleUntil: 0,
      done: { syncs: 0, verifies: 0, cycles: 0 },
    });
  }
  return lanes;
}

async function soak(
  core: Core,
  sim: Simulator,
  store: SecretStore,
  dataDir: string,
  closeCore: () => void,
): Promise<boolean> {
  const rssStart = process.memoryUsage().rss;
  const ledger = new SoakLedger();
  const ctx: LaneContext = { core, sim, ledger };
  const lanes = await setUpLanes(ctx);

  sim.control.resetLog();
  for (const fault of randomFaults()) sim.control.injectFault(fault);
  const pool: Pool = { ...GOALS };
  const started = Date.now();
  await Promise.all(lanes.map((lane) => runLane(ctx, lane, pool, started + DEADLINE_MS)));
  const seconds = (Date.now() - started) / 1000;
  const log = sim.control.requestLog();
  const rssEnd = process.memoryUsage().rss;

  sim.control.clearFaults();
  for (const lane of lanes) {
    const profileId = lane.profileId;
    if (profileId !== null) await attempt(3, () => ask(core, 'profiles.remove', { profileId }));
  }
  const keychainLeft = (await store.list('')).length;
  // Closed first: the scan then also sees what a checkpoint moved from the WAL into the files.
  closeCore();
  const onDisk = secretsOnDisk(dataDir, ledger.seen);
  const busiest = busiestWindow(log);
  const twice = writesSentTwice(log, ledger.writeCalls);
  const done = (key: keyof Pool): number => lanes.reduce((sum, lane) => sum + lane.done[key], 0);
  const checks = {
    complete:
      done('syncs') >= GOALS.syncs && done('verifies') >= GOALS.verifies && done('cycles') >= GOALS.cycles,
    budget: busiest.requests < BUDGET,
    consistent: ledger.inconsistentSyncs === 0,
    failedSyncsKeptCache: ledger.failedSyncsThatChangedTheCache === 0,
    noSecretOnDisk: onDisk === 0,
    noWriteTwice: twice === 0,
    keychainEmptied: keychainLeft === 0,
  };

  line('duration_s', Math.round(seconds * 10) / 10, { limit: DEADLINE_MS / 1000 });
  line('requests_sent', log.length, { byFault: countBy(log.map((e) => e.fault ?? 'none')) });
  line('max_requests_per_credential_5min', busiest.requests, {
    credential: busiest.credential,
    limit: BUDGET,
  });
  line('syncs', done('syncs'), {
    goal: GOALS.syncs,
    ok: ledger.syncs.ok,
    failed: ledger.syncs.failed,
    failedBy: ledger.syncs.byCode,
  });
  line('syncs_inconsistent_with_cloudflare', ledger.inconsistentSyncs, {
    limit: 0,
    first: ledger.firstDifferences.slice(0, 5),
  });
  line('failed_syncs_that_changed_the_cache', ledger.failedSyncsThatChangedTheCache, { limit: 0 });
  line('verifies', done('verifies'), { goal: GOALS.verifies, outcomes: ledger.verifies });
  line('create_roll_delete_cycles', done('cycles'), { goal: GOALS.cycles, outcomes: ledger.writes });
  line('long_blocks_met', ledger.unblocking, { syncWaitsMs: SYNC_WAITS_MS });
  line(
    'seconds_by_step',
    Object.fromEntries(Object.entries(ledger.seconds).map(([k, v]) => [k, Math.round(v)])),
  );
  line('first_errors', ledger.firstErrors.length, { errors: ledger.firstErrors });
  line('secrets_seen', ledger.seen.size);
  line('secrets_found_on_disk', onDisk, { limit: 0 });
  line('writes_sent_more_than_once', twice, {
    limit: 0,
    writesAsked: [...ledger.writeCalls.values()].reduce((a, b) => a + b, 0),
  });
  line('keychain_entries_left', keychainLeft, { limit: 0 });
  line('rss_start_mb', Math.round(rssStart / 1024 / 1024));
  line('rss_end_mb', Math.round(rssEnd / 1024 / 1024));
  const pass = Object.values(checks).every(Boolean);
  line('verdict', pass ? 'pass' : 'fail', checks);
  return pass;
}

async function main(): Promise<void> {
  const { store, keychain } = await secretStore();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-soak-'));
  const sim = await startSimulator({
    scenario: 'demo',
    latencyMs: LATENCY_MS,
    jitterMs: LATENCY_MS,
    faultSeed: SEED,
  });
  const core = createCore({
    dataDir,
    secrets: store,
    appVersion: 'soak',
    sync: { maxRateLimitWaitMs: SYNC_WAITS_MS },
  });
  line('setup', keychain, {
    seed: SEED,
    scale: SCALE,
    node: process.version,
    cores: os.cpus().length,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  });
  let open = true;
  const closeCore = (): void => {
    if (open) core.close();
    open = false;
  };
  try {
    if (!(await soak(core, sim, store, dataDir, closeCore))) process.exitCode = 1;
  } finally {
    closeCore();
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function keyringTools(): boolean {
  const found = spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'], {
    stdio: 'ignore',
  });
  return found.status === 0;
}

/** On Linux with dbus and GNOME Keyring installed, runs itself again inside the keyring wrapper. */
function reexecInKeyring(): boolean {
  if (process.platform !== 'linux' || process.env['KEYFLARE_IN_KEYRING_SESSION'] || !keyringTools())
    return false;
  const self = fileURLToPath(import.meta.url);
  const root = path.resolve(path.dirname(self), '..');
  const wrapper = path.join(root, 'scripts', 'with-keyring.sh');
  const child = spawn('bash', [wrapper, process.execPath, ...process.execArgv, self], {
    stdio: 'inherit',
    cwd: root,
  });
  child.on('exit', (code) => process.exit(code ?? 1));
  return true;
}

if (!reexecInKeyring()) {
  setTimeout(() => {
    line('verdict', 'fail', { reason: `still running after ${WATCHDOG_MS / 60_000} minutes` });
    process.exit(2);
  }, WATCHDOG_MS).unref();
  main().catch((error: unknown) => {
    process.stderr.write(
      `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
