/**
 * History entries for changes Keyflare itself made (source "keyflare").
 *
 * Edits reuse the sync's snapshot diff, so an edit and the same change seen by a sync are worded
 * alike; only the source differs. Entries carry the token as Cloudflare describes it, never a secret.
 */
import type { NewHistoryEntry, SnapshotToken } from '../db/snapshot-repository';
import { diffSnapshots } from '../sync/history-diff';

export function createdEntry(entry: SnapshotToken, at: string): NewHistoryEntry {
  const token = entry.token;
  return {
    tokenId: token.id,
    tokenName: token.name,
    kind: 'created',
    at,
    source: 'keyflare',
    summary: `created "${token.name}"`,
    before: null,
    after: token,
  };
}

export function deletedEntry(entry: SnapshotToken, at: string): NewHistoryEntry {
  const token = entry.token;
  return {
    tokenId: token.id,
    tokenName: token.name,
    kind: 'deleted',
    at,
    source: 'keyflare',
    summary: `deleted "${token.name}"`,
    before: token,
    after: null,
  };
}

export function rolledEntry(entry: SnapshotToken, at: string): NewHistoryEntry {
  return {
    tokenId: entry.token.id,
    tokenName: entry.token.name,
    kind: 'rolled',
    at,
    source: 'keyflare',
    summary: 'secret rolled: the previous secret no longer works',
    before: null,
    after: null,
  };
}

/** What changed between two versions of one token, attributed to `source`. */
export function changeEntries(
  before: SnapshotToken,
  after: SnapshotToken,
  at: string,
  source: NewHistoryEntry['source'],
): NewHistoryEntry[] {
  return diffSnapshots(new Map([[before.token.id, before]]), [after], at).map((entry) => ({
    ...entry,
    source,
  }));
}
