/**
 * What changed between two snapshots of a profile's tokens, as history entries.
 *
 * Policies are compared as sets (Cloudflare re-orders them and their groups, and may spell a
 * zone flat or nested), the IP filter as sets too. last_used_on moves on every use and is not a
 * change of the token. The first snapshot of a profile records nothing: "first seen" is not
 * "created".
 */
import type { CfCondition } from '../../../shared/cloudflare-types';
import { samePolicies } from '../../../shared/policy/build';
import type { WireToken } from '../cloudflare/wire';
import type { NewHistoryEntry, SnapshotToken, StoredToken } from '../db/snapshot-repository';
import { rawOf } from '../db/token-row-writer';

function ipSet(condition: CfCondition | null | undefined): string {
  const ip = condition?.request_ip;
  return JSON.stringify([[...(ip?.in ?? [])].sort(), [...(ip?.not_in ?? [])].sort()]);
}

function changedFields(before: SnapshotToken['token'], after: SnapshotToken['token']): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`name "${before.name}" -> "${after.name}"`);
  if ((before.expires_on ?? null) !== (after.expires_on ?? null)) changes.push('expiry changed');
  if ((before.not_before ?? null) !== (after.not_before ?? null)) changes.push('start date changed');
  if (ipSet(before.condition) !== ipSet(after.condition)) changes.push('IP filter changed');
  return changes;
}

/** A token before the change: as cached (raw text) or already parsed. */
export type PreviousToken = StoredToken | SnapshotToken;

function rawBefore(previous: PreviousToken): string {
  return 'token' in previous ? rawOf(previous) : previous.raw;
}

function parsedBefore(previous: PreviousToken): WireToken {
  return 'token' in previous ? previous.token : (JSON.parse(previous.raw) as WireToken);
}

export function diffSnapshots(
  before: ReadonlyMap<string, PreviousToken>,
  after: readonly SnapshotToken[],
  at: string,
): NewHistoryEntry[] {
  const entries: NewHistoryEntry[] = [];
  const seen = new Set<string>();
  for (const entry of after) {
    const token = entry.token;
    seen.add(token.id);
    const stored = before.get(token.id);
    const base = { tokenId: token.id, tokenName: token.name, at, source: 'sync' as const };
    if (!stored) {
      entries.push({
        ...base,
        kind: 'created',
        summary: `created "${token.name}"`,
        before: null,
        after: token,
      });
      continue;
    }
    // Identical objects cannot differ; only changed ones are parsed and compared.
    if (rawBefore(stored) === rawOf(entry)) continue;
    const old = { token: parsedBefore(stored) };
    if (old.token.status !== token.status) {
      entries.push({
        ...base,
        kind: 'status_changed',
        summary: `status ${old.token.status} -> ${token.status}`,
        before: old.token,
        after: token,
      });
    }
    if (!samePolicies(old.token.policies, token.policies)) {
      entries.push({
        ...base,
        kind: 'policies_changed',
        summary: 'permissions or resources changed',
        before: old.token,
        after: token,
      });
    }
    const fields = changedFields(old.token, token);
    if (fields.length > 0) {
      entries.push({
        ...base,
        kind: 'modified',
        summary: fields.join('; '),
        before: old.token,
        after: token,
      });
    }
  }
  for (const [id, stored] of before) {
    if (seen.has(id)) continue;
    const old = { token: parsedBefore(stored) };
    entries.push({
      tokenId: id,
      tokenName: old.token.name,
      at,
      source: 'sync',
      kind: 'deleted',
      summary: `deleted "${old.token.name}"`,
      before: old.token,
      after: null,
    });
  }
  return entries;
}
