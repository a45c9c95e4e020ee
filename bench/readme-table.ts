/**
 * The README's benchmark tables, made from the figures themselves: `npm run bench` prints these
 * rows (on stderr, after the JSON lines) so the README is pasted from a run, never typed in.
 *
 * One row per figure, in the order measured: what it is, the value with its unit (marked "miss"
 * when it does not meet its target), the target, and the 1-minute load average when it was
 * taken. Figures without a description here are printed with their bench name alone.
 */
import type { BenchResult } from './bench-result';

const DESCRIPTIONS: Record<string, string> = {
  sync_wall_ms:
    'full sync, scenario "large" (1 login, 10 accounts × 100 zones, 50 user + 3,000 account tokens), 40 ms latency per request',
  sync_lower_bound_ms: 'its critical-path lower bound (40 ms × max(longest chain, requests ÷ concurrency 8))',
  sync_ratio_to_bound: 'its ratio to the bound',
  sync_bare_floor_ms:
    "the simulator's floor: the same requests replayed by a bare client (Node's http client and JSON.parse, 8 at a time, all known up front)",
  sync_ratio_to_bare_floor: "the sync's ratio to that floor (what is Keyflare's own)",
  sync_requests: 'requests it sent / the fewest it needs',
  naive_sync_wall_ms: 'the same sync the naive way (SDK auto-pagination, one request at a time)',
  speedup_vs_naive: 'speed-up over the naive way',
  snapshot_write_ms: 're-sync replacing the previous snapshot in one transaction',
  snapshot_first_write_ms: 'first write of all 3,050 tokens into an empty cache (one sample)',
  cold_read_ms:
    'cold read: the whole token list (3,050) by a new core on the same folder, in a process of its own, each read from a collected heap',
  small_sync_wall_ms:
    'full sync, scenario "small" (3 accounts × 37 zones, 50 user + 120 account tokens), 40 ms latency per request',
  small_sync_lower_bound_ms: 'its critical-path lower bound',
  small_sync_ratio_to_bound: 'its ratio to the bound',
  small_sync_bare_floor_ms: "the simulator's floor: the same requests replayed by a bare client",
  small_sync_ratio_to_bare_floor: "the sync's ratio to that floor",
  small_sync_requests: 'requests it sent / the fewest it needs',
  small_sync_ratio_to_3_round_trips: 'its ratio to three round trips (120 ms), as issue 11 states the goal',
  reply_validation_ms:
    "the dispatcher's reply check of a 3,050-row `tokens.list` reply (shape and undeclared keys)",
  reply_zod_parse_ms: 'the same reply parsed by zod in full, as the dispatcher did before',
  tokens_list_reply_ms: 'the whole `tokens.list` call, warm',
  render_first_ms: '10,000 tokens, list reply to first painted rows (Chromium)',
  search_keystroke_p50_ms: 'search keystroke to painted result, median',
  search_keystroke_p95_ms: 'search keystroke to painted result, 95th percentile',
  cli_tokens_json_ms: '`keyflare tokens --json`, 3,050 cached tokens, process start to exit',
  cli_tokens_json_cpu_ms: 'its CPU time (user + system)',
  cli_exec_overhead_ms: '`keyflare exec <id> -- true` minus spawning `true`',
  cli_exec_cpu_ms: 'its CPU time (user + system, `true` included)',
  cli_can_ms: '`keyflare can <id> "Zone Read" <zone>`, process start to exit',
  cli_can_cpu_ms: 'its CPU time (user + system)',
  access_index_build_ms: 'access index over 3,050 tokens and 1,000 zones',
  access_query_ms: 'slowest access query',
  health_list_ms: 'every health problem of the large scenario',
};

/** Figures shown in the row of another (`a / b`), not on their own. */
const PAIRED: Record<string, string> = {
  sync_requests: 'sync_requests_min',
  small_sync_requests: 'small_sync_requests_min',
};
const SHOWN_IN_PAIR = new Set(Object.values(PAIRED));

function amount(value: number, unit: BenchResult['unit']): string {
  const text = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return unit === 'ms' ? `${text} ms` : unit === 'x' ? `${text}×` : text;
}

/** Whether a figure misses its target: a ceiling for ms and count, a floor for speed-ups. */
export function misses(result: BenchResult): boolean {
  if (result.target === null) return false;
  if (/_ratio_to_/u.test(result.bench)) return result.value > result.target;
  return result.unit === 'x' ? result.value < result.target : result.value > result.target;
}

function targetText(result: BenchResult): string {
  if (result.target === null) return '';
  if (/_ratio_to_/u.test(result.bench)) return `≤ ${amount(result.target, 'x')}`;
  return result.unit === 'x' ? `≥ ${amount(result.target, 'x')}` : `≤ ${amount(result.target, result.unit)}`;
}

/** Markdown rows (header included) for these results, ready to paste into the README. */
export function readmeTable(results: readonly BenchResult[]): string {
  const byName = new Map(results.map((r) => [r.bench, r]));
  const rows = ['| figure | value | target | load average |', '| ------ | ----- | ------ | ------------ |'];
  for (const result of results) {
    if (SHOWN_IN_PAIR.has(result.bench)) continue;
    const pair = PAIRED[result.bench] ? byName.get(PAIRED[result.bench] ?? '') : undefined;
    const value = pair
      ? `${amount(result.value, result.unit)} / ${amount(pair.value, pair.unit)}`
      : amount(result.value, result.unit);
    const what = DESCRIPTIONS[result.bench];
    const figure = what ? `${what}: \`${result.bench}\`` : `\`${result.bench}\``;
    rows.push(
      `| ${figure} | ${value}${misses(result) ? ' (miss)' : ''} | ${pair ? 'no extra request' : targetText(result)} | ${result.load?.toFixed(2) ?? ''} |`,
    );
  }
  return rows.join('\n');
}
