#!/usr/bin/env node
/**
 * `keyflare`: the command's entry point.
 *
 * Turns on Node's on-disk compile cache before anything else loads (the bundle is parsed once,
 * then reused: most of a cold start is parsing), then runs the program and exits with its code.
 * `process.exit` is explicit because the keychain's D-Bus connection would otherwise keep the
 * process alive; stdout is drained first so piped JSON is never cut short (`./stdio`, which also
 * ends the command with 0 when a reader stops early, `| head`).
 */
import module from 'node:module';

try {
  module.enableCompileCache?.();
} catch {
  // An unwritable cache folder only costs speed.
}

const { run, drained } = await import('./program');
const code = await run(process.argv.slice(2));
await drained();
process.exit(code);
