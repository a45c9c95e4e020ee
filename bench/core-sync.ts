/**
 * Core sync benchmark against the simulator with 40 ms latency per request, in two scenarios:
 * - "large": 1 login, 10 accounts x 100 zones, 50 user tokens, 300 account tokens per account.
 *   A full sync (wall time, requests) against its critical-path lower bound and against the
 *   naive way (the SDK's auto-pagination, one request at a time), the snapshot write, and a cold
 *   read of the whole token list by a new core on the same folder (in a process of its own, each
 *   read from a collected heap).
 * - "small": 3 accounts x 37 zones, 50 user + 120 account tokens: a sync of a few round trips,
 *   where the fixed cost of a sync (SDK, reply checks, SQLite) shows; figures prefixed small_.
 * Every figure carries the load average when it was taken (CPU time is shared with whatever
 * else runs on the machine).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type Cloudflare from 'cloudflare';
import { createCore, type Core } from '../src/main/core';
import { msg } from '../src/shared/i18n/message';
import type { PlannedRequest } from '../src/main/core/sync/request-planner';
import { createMemoryStore } from '../src/main/core/secrets/memory-store';
import type { MemoryStore } from '../src/main/core/secrets/memory-store';
import { LARGE_SCENARIO_DEFAULTS, type LargeScenarioOptions } from '../src/sandbox';
import { SMALL_SCENARIO_DEFAULTS } from '../src/sandbox/small-scenario';
import { loadNow, median, round, type BenchModule, type BenchResult } from './bench-result';

const LATENCY_MS = 40;
const CONCURRENCY = 8;
const SYNC_RUNS = 7;
/**
 * Syncs before the measured ones. The first writes the whole snapshot (reported on its own); the
 * next ones still run while V8 compiles the sync's code (CPU per sync falls from about 450 to
 * about 250 ms over the first five, compiling on the same two cores the simulator needs). The
 * figures describe the steady state a scheduled or repeated sync runs in.
 */
const WARM_UP_SYNCS = 3;
const NAIVE_RUNS = Number(process.env.BENCH_NAIVE_RUNS ?? 3);
const COLD_READ_RUNS = 5;
const PER_PAGE = 50;
/**
 * The bench sends far more than Cloudflare's 1200 requests per 5 minutes (six full syncs and three
 * naive ones), so the simulator and Keyflare's own budget are both raised here; the budget logic
 * itself is covered by the rate-limit tests.
 */
const BENCH_BUDGET = { limit: 1_000_000, windowMs: 5 * 60_000 };

/**
 * The critical-path lower bound of a sync, from the requests it actually planned.
 *
 * Each request waits for the one it depends on (page 1 of a list before its other pages, the
 * accounts list before every per-account list), so no schedule can finish before the longest
 * chain of dependent requests has run one after the other: depth x latency. And with at most
 * `concurrency` requests in flight, N requests need at least ceil(N / concurrency) rounds of one
 * latency each. The larger of the two is a bound no sync at this concurrency can beat (the
 * simulator's own processing time and SQLite's write come on top).
 */
export function criticalPathLowerBound(
  plan: readonly PlannedRequest[],
  latencyMs: number,
  concurrency: number,
): number {
  const depth: number[] = [];
  plan.forEach((request, index) => {
    depth[index] = 1 + (request.dependsOn === null ? 0 : (depth[request.dependsOn] ?? 0));
  });
  const longestChain = Math.max(0, ...depth);
  const rounds = Math.ceil(plan.length / concurrency);
  return latencyMs * Math.max(longestChain, rounds);
}

/** The fewest requests a full sync needs: one per page of every list plus the two single reads. */
function minimumRequests(o: LargeScenarioOptions): number {
  const pages = (n: number): number => Math.max(1, Math.ceil(n / PER_PAGE));
  const perAccount =
    pages(o.zonesPerAccount) + pages(o.accountTokensPerAccount) + 1; /* account permission groups */
  return (
    1 /* GET /user */ +
    1 /* user permission groups */ +
    pages(o.accounts) +
    pages(o.userTokens) +
    o.accounts * perAccount
  );
}

/**
 * The simulator, run in its own process like the real Cloudflare is on another machine, so its
 * work does not share Keyflare's event loop. Controlled through its /__sim HTTP routes.
 */
interface RemoteSimulator {
  baseUrl: string;
  secretOf(label: string): Promise<string>;
  resetLog(): Promise<void>;
  /** The requests logged since the last reset, in arrival order. */
  requests(): Promise<LoggedRequest[]>;
  stop(): void;
}

/** What the bare replay needs of a logged request. */
interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
}

async function startRemoteSimulator(scenario: 'large' | 'small'): Promise<RemoteSimulator> {
  const child: ChildProcess = spawn(
    path.resolve('node_modules/.bin/tsx'),
    [
      'scripts/sim.ts',
      '--scenario',
      scenario,
      '--port',
      '0',
      '--latency',
      String(LATENCY_MS),
      '--jitter',
      '0',
      '--rate-limit',
      String(BENCH_BUDGET.limit),
      '--rate-window-ms',
      String(BENCH_BUDGET.windowMs),
      '--no-validate',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout ?? process.stdin });
    lines.on('line', (line) => {
      const match = /base URL:\s+(\S+)/u.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}`)));
  });
  const origin = new URL(baseUrl).origin;
  const control = async (method: string, route: string): Promise<unknown> => {
    const response = await fetch(`${origin}/__sim${route}`, { method });
    const body: unknown = await response.json();
    return body;
  };
  return {
    baseUrl,
    async secretOf(label) {
      const reply = (await control('GET', '/credentials')) as
        { credentials?: { label: string; secret: string }[] } | { label: string; secret: string }[];
      const list = Array.isArray(reply) ? reply : (reply.credentials ?? []);
      const found = list.find((c) => c.label === label);
      if (!found) throw new Error(`no credential ${label}`);
      return found.secret;
    },
    resetLog: async () => {
      await control('POST', '/reset-log');
    },
    async requests() {
      const reply = (await control('GET', '/requests')) as { requests?: LoggedRequest[] } | LoggedRequest[];
      return Array.isArray(reply) ? reply : (reply.requests ?? []);
    },
    stop: () => {
      child.kill('SIGTERM');
    },
  };
}

/** The same data fetched the naive way: SDK auto-pagination, default page size, one request at a time. */
async function naiveSync(sdkRead: <T>(run: (sdk: Cloudflare) => Promise<T>) => Promise<T>): Promise<number> {
  let items = 0;
  await sdkRead(async (sdk) => {
    await sdk.user.get();
    const accounts: string[] = [];
    for await (const account of sdk.accounts.list()) accounts.push(account.id);
    for await (const _token of sdk.user.tokens.list({ include_expired: true })) items += 1;
    for await (const _group of sdk.user.tokens.permissionGroups.list()) items += 1;
    for (const accountId of accounts) {
      for await (const _zone of sdk.zones.list({ account: { id: accountId } })) items += 1;
      for await (const _token of sdk.accounts.tokens.list({ account_id: accountId, include_expired: true }))
        items += 1;
      for await (const _group of sdk.accounts.tokens.permissionGroups.list({ account_id: accountId }))
        items += 1;
    }
  });
  return items;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-bench-'));
}

function quietCore(dataDir: string, secrets: MemoryStore): Core {
  return createCore({
    dataDir,
    secrets,
    appVersion: 'bench',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    sync: { concurrency: CONCURRENCY },
    cloudflare: { budget: BENCH_BUDGET },
  });
}

interface SyncFigures {
  wall: number;
  /** The same requests replayed by a bare client (bareReplay). */
  floor: number;
  /** CPU time (user + system) of Keyflare's process per sync: depends far less on other jobs. */
  cpu: number;
  bound: number;
  requests: number;
  minimum: number;
  writes: number[];
  firstWriteMs: number;
  load: number;
}

/** The bare client's connections, kept from one replay to the next as a sync's are. */
const bareAgent = new http.Agent({ keepAlive: true });

/**
 * The simulator's floor on this machine: the requests one sync sent, replayed with Node's http
 * client and JSON.parse (no SDK, checks, planner or cache; kept-alive connections, as Keyflare's
 * own transport keeps them), at most CONCURRENCY at a time, every one known up front (a real sync
 * must read a first page before asking for the rest). No client can do less; what a sync takes
 * beyond this is Keyflare's own work, what this takes beyond the bound is the simulator's and
 * HTTP's (both processes share the machine's cores). Node's http client, not the global fetch:
 * Keyflare sends with it (src/main/core/cloudflare/http-fetch.ts), and over fetch the same replay
 * takes about 20 ms longer, which would count the global fetch's cost as part of the floor.
 */
async function bareReplay(
  baseUrl: string,
  requests: readonly LoggedRequest[],
  secret: string,
): Promise<number> {
  const origin = new URL(baseUrl).origin;
  const urls = requests.map(
    (r) =>
      `${origin}${r.path}${Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query).toString()}` : ''}`,
  );
  const headers = { authorization: `Bearer ${secret}` };
  const get = (url: string): Promise<string> =>
    new Promise((resolve, reject) => {
      http
        .get(url, { agent: bareAgent, headers }, (reply) => {
          const chunks: Buffer[] = [];
          reply.on('data', (chunk: Buffer) => chunks.push(chunk));
          reply.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          reply.on('error', reject);
        })
        .on('error', reject);
    });
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next] as string;
      next += 1;
      JSON.parse(await get(url));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, urls.length) }, worker));
  return performance.now() - started;
}

/** A profile on the scenario's manager, WARM_UP_SYNCS warm-up syncs, then SYNC_RUNS measured syncs. */
async function measureSyncs(
  sim: RemoteSimulator,
  scenario: 'large' | 'small',
  core: Core,
  options: LargeScenarioOptions,
): Promise<{ figures: SyncFigures; profileId: string; managerSecret: string }> {
  const managerSecret = await sim.secretOf(`${scenario}-manager`);
  const added = await core.dispatch('profiles.add', {
    label: 'Bench',
    credential: { kind: 'api_token', token: managerSecret },
    baseUrl: sim.baseUrl,
  });
  if (!added.ok) throw new Error(`profiles.add failed: ${added.error.message}`);
  const profileId = (added.value as { id: string }).id;

  // Warm-up syncs (first snapshot, SDK load, JIT), then measured syncs that replace it.
  const first = await core.services.sync.syncProfile(profileId);
  for (let i = 1; i < WARM_UP_SYNCS; i += 1) await core.services.sync.syncProfile(profileId);
  process.stderr.write(
    `bench: ${scenario}: first sync writes the whole snapshot in ${Math.round(first.writeMs)} ms\n`,
  );
  const walls: number[] = [];
  const cpus: number[] = [];
  const writes: number[] = [];
  const bounds: number[] = [];
  const counts: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < SYNC_RUNS; i += 1) {
    await sim.resetLog();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const report = await core.services.sync.syncProfile(profileId);
    walls.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
    if (report.run.outcome !== 'ok') throw new Error(`sync failed: ${report.run.error?.message ?? ''}`);
    writes.push(report.writeMs);
    process.stderr.write(
      `bench: ${scenario}: sync ${Math.round(performance.now() - started)} ms (fetch ${Math.round(report.fetchMs)}, write ${Math.round(report.writeMs)}, CPU ${Math.round((cpu.user + cpu.system) / 1000)}, ${report.plan.length} requests), load ${loadNow()}\n`,
    );
    bounds.push(criticalPathLowerBound(report.plan, LATENCY_MS, CONCURRENCY));
    const sent = await sim.requests();
    counts.push(sent.length);
    floors.push(await bareReplay(sim.baseUrl, sent, managerSecret));
  }
  return {
    figures: {
      wall: median(walls),
      cpu: median(cpus),
      bound: median(bounds),
      floor: median(floors),
      requests: median(counts),
      minimum: minimumRequests(options),
      writes,
      firstWriteMs: first.writeMs,
      load: loadNow(),
    },
    profileId,
    managerSecret,
  };
}

function syncResults(prefix: string, f: SyncFigures, ratioTarget: number): BenchResult[] {
  const figure = (name: string, value: number, unit: BenchResult['unit'], target: number | null = null) => ({
    bench: `${prefix}${name}`,
    value,
    unit,
    target,
    load: f.load,
  });
  return [
    figure('sync_wall_ms', round(f.wall), 'ms', round(f.bound * ratioTarget)),
    figure('sync_lower_bound_ms', round(f.bound), 'ms'),
    figure('sync_ratio_to_bound', round(f.wall / f.bound, 2), 'x', ratioTarget),
    figure('sync_bare_floor_ms', round(f.floor), 'ms'),
    figure('sync_ratio_to_bare_floor', round(f.wall / f.floor, 2), 'x'),
    figure('sync_requests', f.requests, 'count', f.minimum),
    // The simulator runs in its own process, so this is Keyflare's own work per sync.
    figure('sync_cpu_ms', round(f.cpu), 'ms'),
    figure('sync_requests_min', f.minimum, 'count'),
  ];
}

async function runLarge(): Promise<BenchResult[]> {
  const sim = await startRemoteSimulator('large');
  try {
    const dataDir = tempDir();
    const secrets = createMemoryStore();
    const core = quietCore(dataDir, secrets);
    const { figures, managerSecret } = await measureSyncs(sim, 'large', core, LARGE_SCENARIO_DEFAULTS);

    const naiveWalls: number[] = [];
    const credential = { kind: 'user_token' as const, token: managerSecret };
    for (let i = 0; i < NAIVE_RUNS; i += 1) {
      const client = core.services.gateway.forCredential(sim.baseUrl, credential);
      const started = performance.now();
      await naiveSync((work) =>
        client.read(msg('errors.request.list'), (sdk) => work(sdk), { rateLimitWaitMs: 600_000 }),
      );
      naiveWalls.push(performance.now() - started);
    }
    const naiveLoad = loadNow();
    core.close();

    // In a process of its own (bench/cold-read.ts says why).
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', 'bench/cold-read.ts', dataDir, String(COLD_READ_RUNS)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`cold read exited with ${String(child.status)}`);
    const { reads: coldReads, rows } = JSON.parse(child.stdout) as { reads: number[]; rows: number };
    const coldLoad = loadNow();
    process.stderr.write(`bench: ${rows} tokens read cold; ${figures.minimum} requests minimum\n`);

    const naive = median(naiveWalls);
    return [
      ...syncResults('', figures, 1.2),
      { bench: 'naive_sync_wall_ms', value: round(naive), unit: 'ms', target: null, load: naiveLoad },
      {
        bench: 'speedup_vs_naive',
        value: round(naive / figures.wall, 1),
        unit: 'x',
        target: 8,
        load: naiveLoad,
      },
      // A re-sync replacing the previous snapshot (the steady state), and — for honesty — the
      // first write of the whole snapshot into an empty cache (one sample, in a warming process).
      {
        bench: 'snapshot_write_ms',
        value: round(median(figures.writes)),
        unit: 'ms',
        target: 200,
        load: figures.load,
      },
      {
        bench: 'snapshot_first_write_ms',
        value: round(figures.firstWriteMs),
        unit: 'ms',
        target: null,
        load: figures.load,
      },
      { bench: 'cold_read_ms', value: round(median(coldReads)), unit: 'ms', target: 40, load: coldLoad },
    ];
  } finally {
    sim.stop();
  }
}

async function runSmall(): Promise<BenchResult[]> {
  const sim = await startRemoteSimulator('small');
  try {
    const core = quietCore(tempDir(), createMemoryStore());
    const { figures } = await measureSyncs(sim, 'small', core, SMALL_SCENARIO_DEFAULTS);
    core.close();
    // Issue 11 states the small sync's goal against three round trips (120 ms); the plan's own
    // critical path is tighter (its 13 requests fit in two rounds of 8), and both are printed.
    const threeRoundTrips = 3 * LATENCY_MS;
    return [
      ...syncResults('small_', figures, 1.3),
      {
        bench: 'small_sync_ratio_to_3_round_trips',
        value: round(figures.wall / threeRoundTrips, 2),
        unit: 'x',
        target: 1.3,
        load: figures.load,
      },
    ];
  } finally {
    sim.stop();
  }
}

async function run(): Promise<BenchResult[]> {
  return [...(await runLarge()), ...(await runSmall())];
}

export const coreSyncBench: BenchModule = { name: 'core-sync', run };
