#!/usr/bin/env node
/**
 * `keyflare`: the command's entry point.
 *
 * Turns on Node's on-disk compile cache before anything else loads (the bundle is parsed once,
 * then reused: most of a cold start is parsing), then runs the program and exits with its code.
 * `process.exit` is explicit because the keychain's D-Bus connection would otherwise keep the
 * process alive; stdout is drained first so piped JSON is never cut short (`./stdio`, which also
 * ends the command with 0 when a reader stops early, `| head`).
 *
 * It also stops V8's tiering at Maglev (`--max-opt=2`), before any code is hot: a command lives
 * a few hundred milliseconds, too short for TurboFan's optimized code to pay back its compiles,
 * which run on background threads of a 2-core machine and which the exit then waits for
 * (`tokens --json` on 3,050 tokens: about 17 ms less, median of 31 interleaved starts; see README
 * "Speed"). Changing a V8 flag at run time is Node's documented `v8.setFlagsFromString`; this one
 * only caps how far functions are optimized, so a Node that ignored it would just be slower.
 * `node:v8` loads Node's stream modules with it (its heap snapshots are streams): a few ms, far
 * less than the flag saves. A flag in the shebang (`env -S node --max-opt=2`) would not need it,
 * but only where `env -S` exists, and not when the file is run as `node keyflare.js`.
 */
import module from 'node:module';
import v8 from 'node:v8';

try {
  module.enableCompileCache?.();
} catch {
  // An unwritable cache folder only costs speed.
}
v8.setFlagsFromString('--max-opt=2');

const { run, drained } = await import('./program');
const code = await run(process.argv.slice(2));
await drained();
process.exit(code);
