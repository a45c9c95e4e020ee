#!/usr/bin/env node
/**
 * `keyflare`: the command's entry point.
 *
 * Turns on Node's on-disk compile cache before anything else loads (the bundle is parsed once,
 * then reused: most of a cold start is parsing), then runs the program and exits with its code.
 * `process.exit` is explicit because the keychain's D-Bus connection would otherwise keep the
 * process alive; stdout is drained first so piped JSON is never cut short.
 */
import module from 'node:module';

try {
  module.enableCompileCache?.();
} catch {
  // An unwritable cache folder only costs speed.
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { run } = await import('./program');
const code = await run(process.argv.slice(2));
await new Promise<void>((resolve) => {
  if (process.stdout.writableLength === 0) resolve();
  else process.stdout.once('drain', () => resolve());
});
process.exit(code);
