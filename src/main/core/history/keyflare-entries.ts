/**
 * History entries for changes Keyflare itself made (source "keyflare").
 *
 * Edits reuse the sync's snapshot diff, so an edit and the same change seen by a sync are worded
 * alike; only the source differs. Entries carry the token as Cloudflare describes it, never a secret.
 */
import { msg } from '../../../shared/i18n/message';
import type { NewHistoryEntry } from '../db/history-repository';
import type { StoredToken } from '../db/stored-token';
import { diffSnapshots } from './history-diff';

/** An entry about the token as a whole: it appeared or went away. */
function wholeTokenEntry(stored: StoredToken, kind: 'created' | 'deleted', at: string): NewHistoryEntry {
  const token = stored.token;
  return {
    tokenId: token.id,
    tokenName: token.name,
    kind,
    at,
    source: 'keyflare',
    message: msg(kind === 'created' ? 'history.created' : 'history.deleted', { name: token.name }),
    before: kind === 'created' ? null : token,
    after: kind === 'created' ? token : null,
  };
}

export function createdEntry(stored: StoredToken, at: string): NewHistoryEntry {
  return wholeTokenEntry(stored, 'created', at);
}

export function deletedEntry(stored: StoredToken, at: string): NewHistoryEntry {
  return wholeTokenEntry(stored, 'deleted', at);
}

export function rolledEntry(stored: StoredToken, at: string): NewHistoryEntry {
  return {
    tokenId: stored.token.id,
    tokenName: stored.token.name,
    kind: 'rolled',
    at,
    source: 'keyflare',
    message: msg('history.rolled'),
    before: null,
    after: null,
  };
}

/** What changed between two versions of one token, attributed to `source`. */
export function changeEntries(
  before: StoredToken,
  after: StoredToken,
  at: string,
  source: NewHistoryEntry['source'],
): NewHistoryEntry[] {
  return diffSnapshots(new Map([[before.token.id, before]]), [after], at).map((entry) => ({
    ...entry,
    source,
  }));
}
