/**
 * Access and health benchmark over the simulator's "large" scenario (1 login, 10 accounts x 100
 * zones, 50 user + 3,000 account tokens), synced once into a real cache:
 *
 * - `access_index_build_ms`: building the access index over every token's decoded policies and
 *   the 1,000 cached zones (target 100 ms), median of runs.
 * - `access_query_*_ms`: one explorer question each for a zone, an account, every zone and the
 *   user, median of runs; `access_query_ms` is the slowest of them (target 10 ms).
 * - For orientation, no target: reading the decoded policies from the cache, a whole
 *   access.explore call through dispatch on a warm index (fingerprint check included), a token's
 *   reach over every zone (the manager, whose wildcard reaches all 1,000), and health.list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { listPolicyRows } from '../src/main/core/db/access-repository';
import { createMemoryStore } from '../src/main/core/secrets/memory-store';
import { buildAccessIndex, type IndexInput } from '../src/shared/access/access-index';
import type { ExploreTarget } from '../src/shared/access/access-schemas';
import { tokenKey } from '../src/shared/token-key';
import { startSimulator } from '../src/sandbox';
import { median, round, type BenchModule, type BenchResult } from './bench-result';

const RUNS = 9;

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function medianOf(runs: number, fn: () => unknown): number {
  return median(Array.from({ length: runs }, () => time(fn)));
}

export const accessBench: BenchModule = {
  name: 'access',
  async run(): Promise<BenchResult[]> {
    const sim = await startSimulator({
      scenario: 'large',
      validate: false,
      rateLimit: { limit: 1_000_000, windowMs: 300_000 },
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-bench-access-'));
    const core = createCore({
      dataDir,
      secrets: createMemoryStore(),
      cloudflare: { budget: { limit: 1_000_000, windowMs: 300_000 } },
    });
    try {
      const key = sim.credential('large-global-key');
      const added = await core.dispatch('profiles.add', {
        label: 'Bench',
        credential: { kind: 'global_key', email: key.email ?? '', key: key.secret },
        baseUrl: sim.baseUrl,
      });
      if (!added.ok) throw new Error(`profile not added: ${added.error.message}`);
      const synced = await core.dispatch('sync.start', {});
      if (!synced.ok) throw new Error(`sync failed: ${synced.error.message}`);

      const db = core.context.db();
      const profiles = core.services.profiles.list();
      const label = new Map(profiles.map((p) => [p.id, p.label]));
      const readMs = medianOf(5, () => listPolicyRows(db));
      const rows = listPolicyRows(db);
      const zones = core.services.inventory.zones();
      const accounts = core.services.inventory.accounts();
      const input: IndexInput = {
        tokens: rows.map((r) => ({
          ...r,
          key: tokenKey(r.profileId, r.id),
          profileLabel: label.get(r.profileId) ?? '',
        })),
        zones,
        accounts,
        profiles: profiles.map((p) => ({ id: p.id, userId: p.userId })),
      };
      process.stderr.write(`bench: access over ${rows.length} tokens and ${zones.length} zones\n`);
      const buildMs = medianOf(RUNS, () => buildAccessIndex(input));
      const index = buildAccessIndex(input);

      const now = new Date();
      const zone = zones[Math.floor(zones.length / 2)];
      const account = accounts[Math.floor(accounts.length / 2)];
      if (!zone || !account) throw new Error('the large scenario has no zones or accounts');
      const targets: [string, ExploreTarget][] = [
        ['zone', { kind: 'zone', zoneId: zone.id }],
        ['account', { kind: 'account', accountId: account.id }],
        ['all_zones', { kind: 'all_zones' }],
        ['user', { kind: 'user' }],
      ];
      const queries = targets.map(([name, target]) => {
        const answer = index.explore(target, now);
        if (!answer || answer.tokenCount === 0) throw new Error(`no answer for the ${name} question`);
        return { name, ms: medianOf(RUNS, () => index.explore(target, now)) };
      });

      const [firstTarget] = targets;
      if (!firstTarget) throw new Error('no target');
      await core.dispatch('access.explore', { target: firstTarget[1] });
      const calls: number[] = [];
      for (let run = 0; run < 5; run += 1)
        calls.push(await timeAsync(() => core.dispatch('access.explore', { target: firstTarget[1] })));
      const callMs = median(calls);
      const manager = rows.find((r) => r.name === 'Keyflare manager (bench)');
      if (!manager) throw new Error('the bench manager token is missing');
      const reachMs = medianOf(5, () => index.reach(tokenKey(manager.profileId, manager.id)));
      const healths: number[] = [];
      for (let run = 0; run < 3; run += 1)
        healths.push(await timeAsync(() => core.dispatch('health.list', {})));
      const healthMs = median(healths);

      return [
        { bench: 'access_cache_read_ms', value: round(readMs), unit: 'ms', target: null },
        { bench: 'access_index_build_ms', value: round(buildMs), unit: 'ms', target: 100 },
        ...queries.map((q): BenchResult => ({
          bench: `access_query_${q.name}_ms`,
          value: round(q.ms, 2),
          unit: 'ms',
          target: 10,
        })),
        {
          bench: 'access_query_ms',
          value: round(Math.max(...queries.map((q) => q.ms)), 2),
          unit: 'ms',
          target: 10,
        },
        { bench: 'access_explore_call_ms', value: round(callMs), unit: 'ms', target: null },
        { bench: 'access_reach_all_zones_ms', value: round(reachMs), unit: 'ms', target: null },
        { bench: 'health_list_ms', value: round(healthMs), unit: 'ms', target: null },
      ];
    } finally {
      core.close();
      await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
