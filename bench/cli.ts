/**
 * Bench module "cli": the `keyflare` command's start-to-exit figures with 3,050 cached tokens.
 *
 * Builds the command, then runs bench/cli-measure.ts inside a private keyring session
 * (scripts/with-keyring.sh), because `exec` reads a kept secret from the real keychain.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BenchModule, BenchResult } from './bench-result';

export const cliBench: BenchModule = {
  name: 'cli',
  run() {
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the keyflare command failed');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const measure = process.env.KEYFLARE_IN_KEYRING_SESSION
      ? spawnSync(tsx, ['bench/cli-measure.ts'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
      : spawnSync('bash', ['scripts/with-keyring.sh', tsx, 'bench/cli-measure.ts'], {
          stdio: ['ignore', 'pipe', 'inherit'],
          encoding: 'utf8',
        });
    if (measure.status !== 0) throw new Error('the command-line bench failed');
    const results = measure.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as BenchResult);
    return Promise.resolve(results);
  },
};
