/**
 * A data folder with the demo scenario's logins, set up the way a user would: profiles added
 * and synced through the command itself, and token secrets kept through the core (the window's
 * "adopt"), which has no command of its own.
 */
import { expect } from 'vitest';
import { createCore, type Core } from '../../../src/main/core';
import { createKeytarStore } from '../../../src/main/core/secrets/keytar-store';
import type { Simulator } from '../../../src/sandbox';
import { cliFor, tempDir, type Cli } from './cli-harness';

/** A core in the test process on the same folder and keychain: the window, as far as the CLI knows. */
export function windowCore(dataDir: string): Core {
  return createCore({ dataDir, secrets: createKeytarStore(), appVersion: 'test-window' });
}

export async function addViaCli(cli: Cli, sim: Simulator, label: string, credential: string): Promise<void> {
  const result = await cli.run(['profiles', 'add', label, '--base-url', sim.baseUrl], {
    input: `${sim.credential(credential).secret}\n`,
  });
  expect(result.stderr + result.stdout).toContain(`Added profile “${label}”`);
  expect(result.code).toBe(0);
}

/** Alice and Bob as profiles, synced; returns the CLI bound to the folder. */
export async function demoFolder(sim: Simulator, withBob = true): Promise<Cli> {
  const cli = cliFor(tempDir());
  await addViaCli(cli, sim, 'Alice', 'alice-manager');
  if (withBob) await addViaCli(cli, sim, 'Bob', 'bob-manager');
  const synced = await cli.run(['sync']);
  expect(synced.code, synced.stderr).toBe(0);
  return cli;
}

/**
 * Keeps the secrets of these tokens (by simulator label) in the keychain, as "adopt" does, then
 * disables the `disable` ones through the window's toggle (Cloudflare refuses to confirm the
 * secret of a token that is already disabled).
 */
export async function keepSecrets(
  cli: Cli,
  sim: Simulator,
  profileLabel: string,
  labels: string[],
  disable: string[] = [],
): Promise<void> {
  const core = windowCore(cli.dataDir);
  try {
    const profiles = await core.dispatch('profiles.list', {});
    if (!profiles.ok) throw new Error(profiles.error.message);
    const profile = (profiles.value as { id: string; label: string }[]).find((p) => p.label === profileLabel);
    if (!profile) throw new Error(`no profile ${profileLabel}`);
    for (const label of labels) {
      const credential = sim.credential(label);
      const adopted = await core.dispatch('tokens.adopt', {
        profileId: profile.id,
        tokenId: credential.tokenId,
        secret: credential.secret,
      });
      if (!adopted.ok) throw new Error(`${label}: ${adopted.error.message}`);
    }
    for (const label of disable) {
      const tokenId = sim.credential(label).tokenId ?? '';
      const set = await core.dispatch('tokens.setStatus', {
        profileId: profile.id,
        tokenId,
        status: 'disabled',
      });
      if (!set.ok) throw new Error(`${label}: ${set.error.message}`);
    }
  } finally {
    core.close();
  }
}

/** Removes every profile (and so its keychain entries) through the command. */
export async function removeAll(cli: Cli): Promise<void> {
  const listed = await cli.run(['profiles', '--json']);
  const profiles = (JSON.parse(listed.stdout) as { profiles: { id: string }[] }).profiles;
  for (const profile of profiles) await cli.run(['profiles', 'remove', profile.id, '--yes']);
}

/** The `--json` token shape the tests read (README "Command line" documents it). */
export interface TokenJson {
  id: string;
  name: string;
  profile: { id: string; label: string };
  kind: 'user' | 'account';
  account: { id: string; name: string | null } | null;
  status: string;
  expiresOn: string | null;
  permissions: string[];
  resources: string[];
  ipFilter: string | null;
  secretKept: boolean;
  warnings: { kind: string; severity: string; message: string }[];
}

export function parseTokens(stdout: string): { version: number; tokens: TokenJson[] } {
  return JSON.parse(stdout) as { version: number; tokens: TokenJson[] };
}
