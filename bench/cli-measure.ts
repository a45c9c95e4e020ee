/**
 * The command-line figures, measured inside a keyring session (bench/cli.ts starts one): the
 * simulator's "large" scenario synced into a data folder (3,050 cached tokens), then the built
 * `keyflare` spawned as a user would, wall time from spawn to exit, median of several runs:
 * - cli_tokens_json_ms: `keyflare tokens --json`
 * - cli_exec_overhead_ms: `keyflare exec <id> -- true` minus spawning `true` directly
 * - cli_can_ms: `keyflare can <id> "DNS Write" <zone>`
 * Prints one BenchResult JSON per line; cleans up its profile and keychain entries.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { createKeytarStore } from '../src/main/core/secrets/keytar-store';
import { startSimulator } from '../src/sandbox';
import { median, round, type BenchResult } from './bench-result';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 7);
const BUDGET = { limit: 1_000_000, windowMs: 5 * 60_000 };
const CLI = path.resolve('out/cli/keyflare.js');

function wall(argv: readonly string[], env: NodeJS.ProcessEnv, okCodes: readonly number[] = [0]): number {
  const [command, ...args] = argv;
  const start = performance.now();
  const result = spawnSync(command ?? '', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - start;
  if (!okCodes.includes(result.status ?? -1))
    throw new Error(`${argv.join(' ')} exited ${String(result.status)}: ${String(result.stderr)}`);
  return elapsed;
}

function medianOf(argv: readonly string[], env: NodeJS.ProcessEnv, okCodes?: readonly number[]): number {
  wall(argv, env, okCodes); // warm-up: fills Node's compile cache and the OS file cache
  return median(Array.from({ length: RUNS }, () => wall(argv, env, okCodes)));
}

async function main(): Promise<void> {
  const sim = await startSimulator({ scenario: 'large', rateLimit: BUDGET, validate: false });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-bench-cli-'));
  const core = createCore({
    dataDir,
    secrets: createKeytarStore(),
    appVersion: 'bench',
    cloudflare: { budget: BUDGET },
  });
  let profileId: string | null = null;
  try {
    const added = await core.dispatch('profiles.add', {
      label: 'Bench',
      credential: { kind: 'api_token', token: sim.credential('large-manager').secret },
      baseUrl: sim.baseUrl,
    });
    if (!added.ok) throw new Error(added.error.message);
    profileId = (added.value as { id: string }).id;
    const synced = await core.dispatch('sync.start', { profileId });
    if (!synced.ok) throw new Error(synced.error.message);
    const token = sim.credential('large-user-1');
    const adopted = await core.dispatch('tokens.adopt', {
      profileId,
      tokenId: token.tokenId,
      secret: token.secret,
    });
    if (!adopted.ok) throw new Error(adopted.error.message);
    const listed = await core.dispatch('tokens.list', {});
    const count = listed.ok ? (listed.value as unknown[]).length : 0;
    process.stderr.write(`bench: ${count} cached tokens\n`);

    const env = { ...process.env, KEYFLARE_DATA_DIR: dataDir, NO_COLOR: '1' };
    const node = process.execPath;
    const tokensJson = medianOf([node, CLI, 'tokens', '--json'], env);
    const bare = medianOf(['true'], env);
    const exec = medianOf([node, CLI, 'exec', token.tokenId ?? '', '--', 'true'], env);
    const zone = sim.state.zones()[0]?.name ?? '';
    // `can` answers yes (0) or no (1); both are a full evaluation.
    const can = medianOf([node, CLI, 'can', token.tokenId ?? '', 'Zone Read', zone], env, [0, 1]);
    const results: BenchResult[] = [
      { bench: 'cli_tokens_json_ms', value: round(tokensJson), unit: 'ms', target: 150 },
      { bench: 'cli_exec_overhead_ms', value: round(exec - bare), unit: 'ms', target: 150 },
      { bench: 'cli_can_ms', value: round(can), unit: 'ms', target: 150 },
    ];
    for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    if (profileId) await core.dispatch('profiles.remove', { profileId });
    core.close();
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench cli failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
