/**
 * What the soak run checks after the fact: the cache against the simulator's own state, the data
 * folder for secrets, the simulator's request log for writes sent twice and for the busiest
 * 5-minute window of each credential.
 *
 * Kept apart from the run itself (soak.ts) so each check reads as one question with one answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../src/main/core';
import type { Account, Profile, TokenRow, Zone } from '../src/shared/domain';
import type { RequestLogEntry, Simulator } from '../src/sandbox';

/** Cloudflare's window for its 1,200-request budget. */
export const WINDOW_MS = 5 * 60_000;

/** Dispatches and returns the value; throws with the error's code when the reply is not ok. */
export async function ask<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const reply = await core.dispatch(channel, input);
  if (!reply.ok)
    throw new SoakCallError(
      channel,
      reply.error.code,
      reply.error.details?.retryAt ?? null,
      reply.error.message,
    );
  return reply.value as T;
}

/** A channel that answered with an error (Keyflare's messages never hold a secret). */
export class SoakCallError extends Error {
  constructor(
    readonly channel: string,
    readonly code: string,
    readonly retryAt: string | null,
    said = '',
  ) {
    super(said || `${channel} answered ${code}`);
    this.name = 'SoakCallError';
  }
}

/**
 * Differences between the profile's cache and what the simulator holds for what its credential
 * can see: the user's own tokens, the tokens of every account it may list, each account's zones.
 * An empty list means the cache is exactly Cloudflare's state.
 */
export async function cacheDifferences(core: Core, sim: Simulator, profileId: string): Promise<string[]> {
  const profile = (await ask<Profile[]>(core, 'profiles.list', {})).find((p) => p.id === profileId);
  if (!profile) return ['profile missing'];
  const accounts = await ask<Account[]>(core, 'accounts.list', { profileId });
  const rows = await ask<TokenRow[]>(core, 'tokens.list', { profileId });
  const zones = await ask<Zone[]>(core, 'zones.list', { profileId });

  // A token that may not read /user still lists its user's tokens: its owner comes from Cloudflare.
  const credentialOwner = sim.state.token(profile.credentialTokenId ?? '')?.owner;
  const userId = profile.userId ?? (credentialOwner?.kind === 'user' ? credentialOwner.userId : null);
  const listsUserTokens = rows.some((row) => row.kind === 'user') || profile.capabilities.listUserTokens;
  const expectedTokens = [
    ...(profile.credentialKind === 'account_token' || userId === null || !listsUserTokens
      ? []
      : sim.state.tokens({ userId })),
    ...accounts
      .filter((account) => account.tokensAccess !== 'none')
      .flatMap((account) => sim.state.tokens({ accountId: account.id })),
  ];
  const cached = new Set(rows.map((row) => `${row.id} ${row.name} ${row.status}`));
  const held = new Set(expectedTokens.map((token) => `${token.id} ${token.name} ${token.computedStatus}`));
  const accountIds = new Set(accounts.map((account) => account.id));
  const cachedZones = new Set(zones.map((zone) => zone.id));
  const heldZones = new Set(
    sim.state
      .zones()
      .filter((zone) => accountIds.has(zone.account_id))
      .map((zone) => zone.id),
  );
  return [
    ...[...held].filter((token) => !cached.has(token)).map((token) => `token missing: ${token}`),
    ...[...cached].filter((token) => !held.has(token)).map((token) => `token not on Cloudflare: ${token}`),
    ...[...heldZones].filter((zone) => !cachedZones.has(zone)).map((zone) => `zone missing: ${zone}`),
    ...[...cachedZones].filter((zone) => !heldZones.has(zone)).map((zone) => `zone not listed: ${zone}`),
  ];
}

/** A fingerprint of what a person sees of a profile: its token rows and its history lines. */
export async function visibleState(core: Core, profileId: string): Promise<string> {
  const rows = await ask<TokenRow[]>(core, 'tokens.list', { profileId });
  const history = await ask<unknown[]>(core, 'tokens.history', { profileId });
  return JSON.stringify([
    rows.map((row) => [row.id, row.name, row.status, row.modifiedOn, row.secretKept]).sort(),
    history.length,
  ]);
}

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

/** How many (secret, file) pairs have the secret anywhere in the file's bytes (UTF-8 or UTF-16). */
export function secretsOnDisk(folder: string, secrets: ReadonlySet<string>): number {
  let found = 0;
  for (const file of filesUnder(folder)) {
    const bytes = fs.readFileSync(file);
    for (const secret of secrets) {
      if (bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le')))
        found += 1;
    }
  }
  return found;
}

/** The most requests any one credential sent within any 5 minutes, and whose they were. */
export function busiestWindow(log: readonly RequestLogEntry[]): { credential: string; requests: number } {
  const byCredential = new Map<string, number[]>();
  for (const entry of log) {
    const key = entry.credential ?? 'none';
    const times = byCredential.get(key) ?? [];
    times.push(Date.parse(entry.time));
    byCredential.set(key, times);
  }
  let busiest = { credential: 'none', requests: 0 };
  for (const [credential, times] of byCredential) {
    times.sort((a, b) => a - b);
    let from = 0;
    for (let to = 0; to < times.length; to += 1) {
      while ((times[from] ?? 0) <= (times[to] ?? 0) - WINDOW_MS) from += 1;
      if (to - from + 1 > busiest.requests) busiest = { credential, requests: to - from + 1 };
    }
  }
  return busiest;
}

/**
 * Writes the simulator received beyond the ones Keyflare was asked to make: for each method and
 * path, the requests logged less the calls the soak made (a write is never sent twice).
 */
export function writesSentTwice(log: readonly RequestLogEntry[], calls: ReadonlyMap<string, number>): number {
  const sent = new Map<string, number>();
  for (const entry of log) {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(entry.method)) continue;
    const key = `${entry.method} ${entry.path}`;
    sent.set(key, (sent.get(key) ?? 0) + 1);
  }
  let extra = 0;
  for (const [key, count] of sent) extra += Math.max(0, count - (calls.get(key) ?? 0));
  return extra;
}
