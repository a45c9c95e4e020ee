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
import type { TokenRowsPlan } from '../db/token-rows-plan';

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
 * What changed in one token, seen by `source`: `old` is its earlier copy (undefined when there was
 * none: created), `entry` the new one. Copies with the same text are not parsed.
 */
export function changesOf(
  old: StoredToken | undefined,
  entry: StoredToken,
  at: string,
  source: NewHistoryEntry['source'],
): NewHistoryEntry[] {
  // Identical objects cannot differ; only changed ones are parsed and compared.
  if (old && old.raw === entry.raw) return [];
  if (!old) return [wholeTokenEntry(entry, 'created', at, source)];
  const token = entry.token;
  const base = { tokenId: token.id, tokenName: token.name, at, source };
  const entries: NewHistoryEntry[] = [];
  const before = old.token;
  if (before.status !== token.status) {
    entries.push({
      ...base,
      kind: 'status_changed',
      message: msg('history.statusChanged', { from: before.status, to: token.status }),
      before,
      after: token,
    });
  }
  if (!samePolicies(before.policies, token.policies)) {
    entries.push({
      ...base,
      kind: 'policies_changed',
      message: msg('history.policiesChanged'),
      before,
      after: token,
    });
  }
  const fields = changedFields(before, token);
  if (fields !== null) {
    entries.push({ ...base, kind: 'modified', message: fields, before, after: token });
  }
  return entries;
}

/** An entry about the token as a whole: it appeared or went away (seen by a sync, or Keyflare's doing). */
export function wholeTokenEntry(
  stored: StoredToken,
  kind: 'created' | 'deleted',
  at: string,
  source: NewHistoryEntry['source'],
): NewHistoryEntry {
  const token = stored.token;
  return {
    tokenId: token.id,
    tokenName: token.name,
    kind,
    at,
    source,
    message: msg(kind === 'created' ? 'history.created' : 'history.deleted', { name: token.name }),
    before: kind === 'created' ? null : token,
    after: kind === 'created' ? token : null,
  };
}

/**
 * The history of a snapshot commit, from its plan (token-rows-plan.ts): only the tokens it writes
 * anew or removes are looked at, so a steady-state sync derives its history without a pass over
 * the tokens that stayed.
 */
export function historyOfPlan(plan: TokenRowsPlan, at: string): NewHistoryEntry[] {
  return [
    ...plan.replaced.flatMap(({ old, entry }) => changesOf(old, entry, at, 'sync')),
    ...plan.gone.flatMap((id) => {
      const old = plan.stored.get(id);
      return old ? [wholeTokenEntry(old, 'deleted', at, 'sync')] : [];
    }),
  ];
}
