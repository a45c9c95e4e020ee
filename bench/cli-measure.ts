/**
 * The command-line figures, measured inside a keyring session (bench/cli.ts starts one): the
 * simulator's "large" scenario synced into a data folder (3,050 cached tokens), then the built
 * `keyflare` spawned as a user would, wall time from spawn to exit, median of several runs:
 * - cli_tokens_json_ms: `keyflare tokens --json`
 * - cli_exec_overhead_ms: `keyflare exec <id> -- true` minus spawning `true` directly
 * - cli_can_ms: `keyflare can <id> "Zone Read" <zone>`
 * and, beside each, its CPU time (user + system, from bash's `times` after the run), which
 * depends far less on what else the machine runs than the wall time does. Every figure carries
 * the load average when it was taken. Prints one BenchResult JSON per line; cleans up its profile
 * and keychain entries.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { createKeytarStore } from '../src/main/core/secrets/keytar-store';
import { startSimulator } from '../src/sandbox';
import { loadNow, median, round, type BenchResult } from './bench-result';

const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 7);
const BUDGET = { limit: 1_000_000, windowMs: 5 * 60_000 };
const CLI = path.resolve('out/cli/keyflare.js');

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Seconds as bash's `times` prints them ("0m0.123s"), in ms. */
function timesMs(text: string): number {
  const match = /(\d+)m([\d.]+)s/u.exec(text);
  return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : Number.NaN;
}

/**
 * One run from spawn to exit, and the CPU the command used: bash runs it, then `times` prints
 * the user and system time of bash's children (the second line of its output).
 */
function sample(argv: readonly string[], env: NodeJS.ProcessEnv, okCodes: readonly number[] = [0]): Sample {
  const quoted = argv.map((arg) => `'${arg.replace(/'/gu, "'\\''")}'`).join(' ');
  const script = `${quoted} >/dev/null 2>&1; code=$?; times >&2; exit $code`;
  const start = performance.now();
  const result = spawnSync('bash', ['-c', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wallMs = performance.now() - start;
  if (!okCodes.includes(result.status ?? -1))
    throw new Error(`${argv.join(' ')} exited ${String(result.status)}: ${String(result.stderr)}`);
  const children = String(result.stderr).trim().split('\n').at(-1) ?? '';
  const [user, system] = children.split(/\s+/u);
  return { wallMs, cpuMs: timesMs(user ?? '') + timesMs(system ?? '') };
}

function medianOf(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  okCodes?: readonly number[],
): Sample & { load: number } {
  sample(argv, env, okCodes); // warm-up: fills Node's compile cache and the OS file cache
  const samples = Array.from({ length: RUNS }, () => sample(argv, env, okCodes));
  return {
    wallMs: median(samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    load: loadNow(),
  };
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
      {
        bench: 'cli_tokens_json_ms',
        value: round(tokensJson.wallMs),
        unit: 'ms',
        target: 150,
        load: tokensJson.load,
      },
      {
        bench: 'cli_tokens_json_cpu_ms',
        value: round(tokensJson.cpuMs),
        unit: 'ms',
        target: null,
        load: tokensJson.load,
      },
      // The overhead: what exec adds to running `true` itself (bash's own start is in both).
      {
        bench: 'cli_exec_overhead_ms',
        value: round(exec.wallMs - bare.wallMs),
        unit: 'ms',
        target: 150,
        load: exec.load,
      },
      { bench: 'cli_exec_cpu_ms', value: round(exec.cpuMs), unit: 'ms', target: null, load: exec.load },
      { bench: 'cli_can_ms', value: round(can.wallMs), unit: 'ms', target: 150, load: can.load },
      { bench: 'cli_can_cpu_ms', value: round(can.cpuMs), unit: 'ms', target: null, load: can.load },
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
