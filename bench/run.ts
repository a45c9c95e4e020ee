/**
 * `npm run bench`: runs every bench module and prints one JSON object per line:
 * {"bench": NAME, "value": N, "unit": "ms"|"x"|"count", "target": N|null, "load": L}, where
 * L is the machine's 1-minute load average when the figure was taken. At the end it prints the
 * README's benchmark table rows for these figures on stderr (bench/readme-table.ts), to paste.
 *
 * Not a timed test: numbers are medians of several runs on this machine. Progress messages go to
 * stderr so stdout stays machine-readable. `npm run bench -- renderer` runs one module by name.
 * To add a module, export a BenchModule from its own file and list it below.
 */
import { accessBench } from './access';
import { loadNow, type BenchModule, type BenchResult } from './bench-result';
import { cliBench } from './cli';
import { coreSyncBench } from './core-sync';
import { readmeTable } from './readme-table';
import { rendererBench } from './renderer';
import { replyValidationBench } from './reply-validation';

const modules: BenchModule[] = [coreSyncBench, replyValidationBench, rendererBench, cliBench, accessBench];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const all: BenchResult[] = [];
  for (const module of modules) {
    if (only.length > 0 && !only.includes(module.name)) continue;
    process.stderr.write(`bench: ${module.name}… (load average ${loadNow()})\n`);
    for (const result of await module.run()) {
      const withLoad = { ...result, load: result.load ?? loadNow() };
      all.push(withLoad);
      process.stdout.write(`${JSON.stringify(withLoad)}\n`);
    }
  }
  process.stderr.write(`\nREADME rows (${new Date().toISOString().slice(0, 10)}):\n${readmeTable(all)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
