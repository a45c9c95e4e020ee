/**
 * History entries for changes Keyflare itself made (source "keyflare").
 *
 * Edits reuse the sync's snapshot diff, so an edit and the same change seen by a sync are worded
 * alike; only the source differs. Entries carry the token as Cloudflare describes it, never a secret.
 */
import { msg } from '../../../shared/i18n/message';
import type { NewHistoryEntry } from '../db/history-repository';
import type { StoredToken } from '../db/stored-token';
import { changesOf, wholeTokenEntry } from './history-diff';

export function createdEntry(stored: StoredToken, at: string): NewHistoryEntry {
  return wholeTokenEntry(stored, 'created', at, 'keyflare');
}

export function deletedEntry(stored: StoredToken, at: string): NewHistoryEntry {
  return wholeTokenEntry(stored, 'deleted', at, 'keyflare');
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
  return changesOf(before, after, at, source);
}
