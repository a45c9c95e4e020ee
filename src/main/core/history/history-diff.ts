/**
 * What changed between two snapshots of a profile's tokens, as history entries.
 *
 * Policies are compared as sets (Cloudflare re-orders them and their groups, and may spell a
 * zone flat or nested), the IP filter as sets too. last_used_on moves on every use and is not a
 * change of the token. The first snapshot of a profile records nothing: "first seen" is not
 * "created". Each entry's words are a message (`history.*` with its parameters) each face words in
 * the user's language.
 */
import type { CfCondition } from '../../../shared/cloudflare-types';
import { msg, type Message } from '../../../shared/i18n/message';
import { samePolicies } from '../../../shared/policy/build';
import type { WireToken } from '../cloudflare/wire';
import type { NewHistoryEntry } from '../db/history-repository';
import { modifiedMessage } from '../db/history-messages';
import type { StoredToken } from '../db/stored-token';

function ipSet(condition: CfCondition | null | undefined): string {
  const ip = condition?.request_ip;
  return JSON.stringify([[...(ip?.in ?? [])].sort(), [...(ip?.not_in ?? [])].sort()]);
}

function changedFields(before: WireToken, after: WireToken): Message | null {
  return modifiedMessage({
    name: before.name === after.name ? null : { from: before.name, to: after.name },
    expiry: (before.expires_on ?? null) !== (after.expires_on ?? null),
    start: (before.not_before ?? null) !== (after.not_before ?? null),
    ip: ipSet(before.condition) !== ipSet(after.condition),
  });
}

/**
 * The history of going from `before` (by token id) to `after`. Tokens read back from the cache are
 * compared by their stored text first, so only the ones that changed are parsed.
 */
export function diffSnapshots(
  before: ReadonlyMap<string, StoredToken>,
  after: readonly StoredToken[],
  at: string,
): NewHistoryEntry[] {
  const entries: NewHistoryEntry[] = [];
  const seen = new Set<string>();
  for (const entry of after) {
    seen.add(entry.id);
    const stored = before.get(entry.id);
    // Identical objects cannot differ; only changed ones are parsed and compared.
    if (stored && stored.raw === entry.raw) continue;
    const token = entry.token;
    const base = { tokenId: token.id, tokenName: token.name, at, source: 'sync' as const };
    if (!stored) {
      entries.push({
        ...base,
        kind: 'created',
        message: msg('history.created', { name: token.name }),
        before: null,
        after: token,
      });
      continue;
    }
    const old = stored.token;
    if (old.status !== token.status) {
      entries.push({
        ...base,
        kind: 'status_changed',
        message: msg('history.statusChanged', { from: old.status, to: token.status }),
        before: old,
        after: token,
      });
    }
    if (!samePolicies(old.policies, token.policies)) {
      entries.push({
        ...base,
        kind: 'policies_changed',
        message: msg('history.policiesChanged'),
        before: old,
        after: token,
      });
    }
    const fields = changedFields(old, token);
    if (fields !== null) {
      entries.push({
        ...base,
        kind: 'modified',
        message: fields,
        before: old,
        after: token,
      });
    }
  }
  for (const [id, stored] of before) {
    if (seen.has(id)) continue;
    const old = stored.token;
    entries.push({
      tokenId: id,
      tokenName: old.name,
      at,
      source: 'sync',
      kind: 'deleted',
      message: msg('history.deleted', { name: old.name }),
      before: old,
      after: null,
    });
  }
  return entries;
}
