/**
 * `npm run bench`: runs every bench module and prints one JSON object per line:
 * {"bench": NAME, "value": N, "unit": "ms"|"x"|"count", "target": N|null}.
 *
 * Not a timed test: numbers are medians of several runs on this machine. Progress messages go to
 * stderr so stdout stays machine-readable. `npm run bench -- renderer` runs one module by name.
 * To add a module, export a BenchModule from its own file and list it below.
 */
import { accessBench } from './access';
import type { BenchModule } from './bench-result';
import { cliBench } from './cli';
import { coreSyncBench } from './core-sync';
import { rendererBench } from './renderer';
import { replyValidationBench } from './reply-validation';

const modules: BenchModule[] = [coreSyncBench, replyValidationBench, rendererBench, cliBench, accessBench];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const module of modules) {
    if (only.length > 0 && !only.includes(module.name)) continue;
    process.stderr.write(`bench: ${module.name}…\n`);
    for (const result of await module.run()) process.stdout.write(`${JSON.stringify(result)}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
