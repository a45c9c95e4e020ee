/**
 * A sync's lists (accounts, zones, permission groups) are rewritten only when they changed: the
 * lists as stored are compared with the fetched ones row by row, in any order, and any difference
 * (a name, an order, a row more or less) rewrites them all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { replaceLists, type SnapshotLists } from '../../../src/main/core/db/lists-repository';
import type { Db } from '../../../src/main/core/db/sqlite-file';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
afterEach(() => closeAllCores());

/** The profile's lists as a sync would hand them over, read back from the cache. */
function storedLists(db: Db, profileId: string): SnapshotLists {
  const accounts = db
    .prepare('SELECT id, name, type, tokens_access FROM accounts WHERE profile_id = ? ORDER BY position')
    .all(profileId) as { id: string; name: string; type: string | null; tokens_access: 'write' }[];
  const zones = db
    .prepare(
      'SELECT id, name, account_id, account_name, status FROM zones WHERE profile_id = ? ORDER BY name',
    )
    .all(profileId) as {
    id: string;
    name: string;
    account_id: string | null;
    account_name: string | null;
    status: string | null;
  }[];
  const groups = db
    .prepare('SELECT source, account_id, id, scope, name FROM permission_groups WHERE profile_id = ?')
    .all(profileId) as {
    source: 'user' | 'account';
    account_id: string;
    id: string;
    scope: string;
    name: string;
  }[];
  return {
    accounts: accounts.map((a) => ({ id: a.id, name: a.name, type: a.type, tokensAccess: a.tokens_access })),
    // Reversed: the order zones and groups come in is not a change.
    zones: zones
      .map((z) => ({
        id: z.id,
        name: z.name,
        accountId: z.account_id,
        accountName: z.account_name,
        status: z.status,
      }))
      .reverse(),
    permissionGroups: groups
      .map((g) => ({
        source: g.source,
        accountId: g.account_id || null,
        id: g.id,
        name: g.name,
        scopes: [g.scope],
      }))
      .reverse(),
  };
}

/** Lists in one order, to compare what was written with what was handed over. */
function sorted(lists: SnapshotLists): SnapshotLists {
  const by =
    <T>(key: (item: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    accounts: lists.accounts,
    zones: [...lists.zones].sort(by((z) => z.id)),
    permissionGroups: [...lists.permissionGroups].sort(
      by((g) => `${g.source} ${g.accountId ?? ''} ${g.id} ${g.scopes.join(',')}`),
    ),
  };
}

const writes = (db: Db): number => db.prepare('SELECT total_changes()').pluck().get() as number;

describe('the lists a sync writes', () => {
  it('are left alone when the same, and rewritten when any row differs', async () => {
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-manager');
    await call(h.core, 'sync.start', { profileId: profile.id });
    const db = h.core.context.db();
    const lists = storedLists(db, profile.id);
    expect(lists.accounts.length).toBeGreaterThan(1);
    expect(lists.zones.length).toBeGreaterThan(1);
    expect(lists.permissionGroups.length).toBeGreaterThan(10);

    const before = writes(db);
    replaceLists(db, profile.id, lists);
    expect(writes(db)).toBe(before);

    const changes: ((l: SnapshotLists) => SnapshotLists)[] = [
      (l) => ({ ...l, zones: l.zones.map((z, i) => (i === 0 ? { ...z, name: `renamed-${z.name}` } : z)) }),
      (l) => ({ ...l, accounts: [...l.accounts].reverse() }),
      (l) => ({ ...l, zones: l.zones.slice(1) }),
      (l) => ({
        ...l,
        permissionGroups: l.permissionGroups.map((g, i) => (i === 0 ? { ...g, name: `${g.name} (new)` } : g)),
      }),
      (l) => ({ ...l, accounts: l.accounts.map((a, i) => (i === 0 ? { ...a, tokensAccess: 'none' } : a)) }),
    ];
    for (const change of changes) {
      const changed = change(storedLists(db, profile.id));
      const at = writes(db);
      replaceLists(db, profile.id, changed);
      expect(writes(db)).toBeGreaterThan(at);
      expect(sorted(storedLists(db, profile.id))).toEqual(sorted(changed));
      const again = writes(db);
      replaceLists(db, profile.id, changed);
      expect(writes(db)).toBe(again);
    }
  });
});
