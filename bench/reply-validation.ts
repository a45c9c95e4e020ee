/**
 * What checking a reply against its strict output schema costs: the biggest reply Keyflare
 * sends, the token list of the "large" scenario (3,050 tokens), checked the way dispatch checks
 * every reply in every build (core/reply-check.ts). `reply_zod_parse_ms` is the same check as a
 * full zod parse, which dispatch used before, for comparison.
 *
 * The simulator runs in process without latency (only the rows matter here); one sync fills the
 * cache, then the list is read once and validated several times. `reply_validation_ms` is the
 * median check alone; `tokens_list_reply_ms` the median whole `tokens.list` call (cache read,
 * decoding and the check), so the check's share of what the user waits for is visible.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { createMemoryStore } from '../src/main/core/secrets/memory-store';
import { replyCheck } from '../src/main/core/reply-check';
import { contract } from '../src/shared/contract';
import { startSimulator } from '../src/sandbox';
import { median, round, type BenchModule, type BenchResult } from './bench-result';

const RUNS = 7;
const EXPECTED_TOKENS = 3_050;

async function run(): Promise<BenchResult[]> {
  const sim = await startSimulator({
    scenario: 'large',
    validate: false,
    rateLimit: { limit: 1_000_000, windowMs: 5 * 60_000 },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-bench-reply-'));
  const core = createCore({
    dataDir,
    secrets: createMemoryStore(),
    appVersion: 'bench',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  try {
    const added = await core.dispatch('profiles.add', {
      label: 'Bench',
      credential: { kind: 'api_token', token: sim.credential('large-manager').secret },
      baseUrl: sim.baseUrl,
    });
    if (!added.ok) throw new Error(`profiles.add failed: ${added.error.message}`);
    const synced = await core.dispatch('sync.start', {});
    if (!synced.ok) throw new Error(`sync failed: ${synced.error.message}`);

    const rows = core.services.inventory.tokens();
    if (rows.length !== EXPECTED_TOKENS)
      throw new Error(`expected ${EXPECTED_TOKENS} tokens, got ${rows.length}`);
    const schema = contract['tokens.list'].output;
    const check = replyCheck(schema);
    const checks: number[] = [];
    const parses: number[] = [];
    const calls: number[] = [];
    // One unmeasured round each warms the JIT.
    for (let i = 0; i <= RUNS; i += 1) {
      let started = performance.now();
      if (!check(rows)) throw new Error('the token list fails its own schema');
      if (i > 0) checks.push(performance.now() - started);
      started = performance.now();
      if (!schema.safeParse(rows).success) throw new Error('the token list fails its own schema');
      if (i > 0) parses.push(performance.now() - started);
      started = performance.now();
      const reply = await core.dispatch('tokens.list', {});
      if (!reply.ok) throw new Error(reply.error.message);
      if (i > 0) calls.push(performance.now() - started);
    }
    process.stderr.write(`bench: ${rows.length} tokens checked ${RUNS} times\n`);
    return [
      { bench: 'reply_validation_ms', value: round(median(checks)), unit: 'ms', target: 30 },
      { bench: 'reply_zod_parse_ms', value: round(median(parses)), unit: 'ms', target: null },
      { bench: 'tokens_list_reply_ms', value: round(median(calls)), unit: 'ms', target: null },
    ];
  } finally {
    core.close();
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const replyValidationBench: BenchModule = { name: 'reply-validation', run };
