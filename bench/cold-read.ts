/**
 * The cold read, in a process of its own:
 * `node --expose-gc --import tsx bench/cold-read.ts <dataDir> <runs>`.
 *
 * Each read is the whole token list by a new core on the folder (new connections, nothing held
 * in memory), as the window's start makes it. core-sync.ts runs this in a new process after its
 * syncs instead of in its own: by then its heap holds the garbage of six syncs and three naive
 * ones (tens of seconds of SDK work), and collecting that debt landed in whichever read came
 * next (the same read, same build: 30–35 ms here, 40–60 ms in the bench's process). One read
 * comes first and is not counted: it compiles the read's code, which a window or a command pays
 * once per process, and the median of the rest would drop anyway.
 *
 * Each read starts from a collected heap (`gc()` before it, not timed; hence `--expose-gc`), as
 * the one read a window's or a command's process makes does. Without it read n paid for
 * collecting the rows of reads 1…n−1, which outlive their read long enough to be promoted: the
 * heap grew about 5 MB a read, young collections during a read took 8–35 ms, and the same read
 * measured 26–44 ms (median 34–38) where it measures 23–33 (median 25–27) from a collected heap,
 * three interleaved runs of 8 each way. That debt is the bench's, not the read's: no user's
 * read follows seven others in one process.
 *
 * Prints one JSON line: `{"reads": [ms…], "rows": n}`.
 */
import { createCore } from '../src/main/core';
import { createMemoryStore } from '../src/main/core/secrets/memory-store';

const [dataDir, runsText] = process.argv.slice(2);
const runs = Number(runsText);
if (!dataDir || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: node --expose-gc --import tsx bench/cold-read.ts <dataDir> <runs>\n');
  process.exit(2);
}
const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) {
  process.stderr.write('bench/cold-read.ts needs node --expose-gc (see its header)\n');
  process.exit(2);
}

const reads: number[] = [];
let rows = 0;
for (let i = 0; i <= runs; i += 1) {
  const core = createCore({
    dataDir,
    secrets: createMemoryStore(),
    appVersion: 'bench',
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  collect();
  const started = performance.now();
  const reply = await core.dispatch('tokens.list', {});
  const elapsed = performance.now() - started;
  core.close();
  if (!reply.ok) throw new Error(reply.error.message);
  rows = (reply.value as unknown[]).length;
  if (i > 0) reads.push(elapsed);
}
process.stdout.write(`${JSON.stringify({ reads, rows })}\n`);
