/**
 * Migrations of the snapshot cache (keyflare-cache.sqlite), applied in order through user_version.
 *
 * Versions 1 to 3 are the released single-file layout, where profiles, settings and history lived
 * in the cache too; they stay as they shipped (never edit a released migration) so an old file
 * upgrades step by step, and a fresh cache replays them. Version 4 leaves in this file only what a
 * sync rebuilds: the user's own data moved to the profile store before it runs (see
 * legacy-split.ts and data-files.ts). The cache never holds a secret.
 */
import type { Migration } from './sqlite-file';

export const CACHE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'profiles, inventory snapshot, history, verify results, sync runs',
    sql: `
      -- One row per Cloudflare login. The credential itself lives in the keychain only.
      CREATE TABLE profiles (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        credential_kind TEXT NOT NULL CHECK (credential_kind IN ('user_token', 'account_token', 'global_key')),
        email TEXT,
        user_id TEXT,
        owner_account_id TEXT,
        credential_token_id TEXT,
        base_url TEXT NOT NULL,
        capabilities TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Fingerprint of the names (accounts, zones, permission groups, email) the cached
        -- decoded policies were written with; when it changes, every token is decoded again.
        names_fingerprint TEXT,
        -- Written only by the snapshot transaction: the time the cached data is from.
        last_sync_at TEXT
      ) STRICT;

      CREATE TABLE accounts (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT,
        tokens_access TEXT NOT NULL CHECK (tokens_access IN ('write', 'read', 'none', 'unknown')),
        position INTEGER NOT NULL,
        PRIMARY KEY (profile_id, id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE zones (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        account_id TEXT,
        account_name TEXT,
        status TEXT,
        PRIMARY KEY (profile_id, id)
      ) STRICT, WITHOUT ROWID;

      -- Names repeat across scopes, so a group is keyed by id + scope + the list it came from.
      -- account_id is '' for the user list (a NULL would make the key non-unique).
      CREATE TABLE permission_groups (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('user', 'account')),
        account_id TEXT NOT NULL,
        id TEXT NOT NULL,
        scope TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (profile_id, source, account_id, id, scope)
      ) STRICT, WITHOUT ROWID;

      -- Every field of Cloudflare's token object; raw holds the object as Cloudflare sent it
      -- (Cloudflare never returns a secret outside create/roll, and raw is stripped of "value").
      CREATE TABLE tokens (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'account')),
        account_id TEXT,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        issued_on TEXT,
        modified_on TEXT,
        last_used_on TEXT,
        not_before TEXT,
        expires_on TEXT,
        condition TEXT,
        raw TEXT NOT NULL,
        -- The policies in plain words (decode.ts), written with the snapshot's own names so the
        -- inventory reads without decoding: {policies, summary, requestIp}.
        decoded TEXT NOT NULL,
        -- What the inventory list needs of it, much smaller: the summary fields and, for the
        -- warnings, each policy's effect, group names and resource kinds and labels.
        list_facts TEXT NOT NULL,
        -- Only whether Keyflare keeps the secret in the keychain; never the secret.
        secret_kept INTEGER NOT NULL DEFAULT 0 CHECK (secret_kept IN (0, 1)),
        position INTEGER NOT NULL,
        PRIMARY KEY (profile_id, id)
      ) STRICT;

      CREATE TABLE policies (
        profile_id TEXT NOT NULL,
        token_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        policy_id TEXT,
        effect TEXT NOT NULL CHECK (effect IN ('allow', 'deny')),
        PRIMARY KEY (profile_id, token_id, position),
        FOREIGN KEY (profile_id, token_id) REFERENCES tokens(profile_id, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE policy_permission_groups (
        profile_id TEXT NOT NULL,
        token_id TEXT NOT NULL,
        policy_position INTEGER NOT NULL,
        position INTEGER NOT NULL,
        group_id TEXT NOT NULL,
        group_name TEXT,
        meta TEXT,
        PRIMARY KEY (profile_id, token_id, policy_position, position),
        FOREIGN KEY (profile_id, token_id, policy_position) REFERENCES policies(profile_id, token_id, position) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      -- Child rows live in their primary key's B-tree only (WITHOUT ROWID): a sync writes tens of
      -- thousands of them, and one B-tree per insert instead of two halves that work.
      -- Flat ("key": "*") and nested ("account": {"zone.*": "*"}) forms both become flat rows;
      -- a nested entry's row names its parent key.
      CREATE TABLE policy_resources (
        profile_id TEXT NOT NULL,
        token_id TEXT NOT NULL,
        policy_position INTEGER NOT NULL,
        position INTEGER NOT NULL,
        resource_key TEXT NOT NULL,
        value TEXT NOT NULL,
        parent_key TEXT,
        PRIMARY KEY (profile_id, token_id, policy_position, position),
        FOREIGN KEY (profile_id, token_id, policy_position) REFERENCES policies(profile_id, token_id, position) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;

      -- History outlives the token it describes (a deleted token keeps its story).
      CREATE TABLE token_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'modified', 'status_changed', 'rolled', 'policies_changed', 'deleted')),
        at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('sync', 'keyflare')),
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT
      ) STRICT;
      CREATE INDEX token_history_by_token ON token_history (profile_id, token_id, id);

      -- The latest verify result per token; never the secret that was verified.
      CREATE TABLE verify_results (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL,
        outcome TEXT NOT NULL,
        checked_at TEXT NOT NULL,
        expires_on TEXT,
        not_before TEXT,
        message TEXT NOT NULL,
        PRIMARY KEY (profile_id, token_id)
      ) STRICT;

      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'cancelled')),
        request_count INTEGER NOT NULL DEFAULT 0,
        error TEXT
      ) STRICT;
      CREATE INDEX sync_runs_by_profile ON sync_runs (profile_id, id);
    `,
  },
  {
    version: 3,
    description: 'journal of Keyflare’s own token writes, for the snapshot commit',
    sql: `
      -- Which tokens Keyflare itself wrote (create, edit, status change, delete), in order. A sync
      -- notes the highest seq when its fetch begins; its commit keeps the cached rows of tokens
      -- written after that, because what it fetched may predate those writes. AUTOINCREMENT, so
      -- a seq is never reused even after the entries a commit consumed are removed.
      CREATE TABLE token_writes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX token_writes_by_profile ON token_writes (profile_id, seq);
    `,
  },
  {
    version: 4,
    description: 'only what a sync rebuilds: user data moved to the profile store',
    sql: `
      -- When each profile's snapshot was taken and which names its words were decoded with.
      CREATE TABLE snapshots (
        profile_id TEXT PRIMARY KEY,
        synced_at TEXT NOT NULL,
        names_fingerprint TEXT
      ) STRICT, WITHOUT ROWID;
      INSERT INTO snapshots (profile_id, synced_at, names_fingerprint)
        SELECT id, last_sync_at, names_fingerprint FROM profiles WHERE last_sync_at IS NOT NULL;

      -- The profiles table lives in another file now: the snapshot tables lose their foreign key
      -- to it (rebuilt the documented way: new table, copy, drop, rename; foreign keys are off).
      CREATE TABLE accounts_v4 (
        profile_id TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        type TEXT,
        tokens_access TEXT NOT NULL CHECK (tokens_access IN ('write', 'read', 'none', 'unknown')),
        position INTEGER NOT NULL,
        PRIMARY KEY (profile_id, id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO accounts_v4 SELECT profile_id, id, name, type, tokens_access, position FROM accounts;
      DROP TABLE accounts;
      ALTER TABLE accounts_v4 RENAME TO accounts;

      CREATE TABLE zones_v4 (
        profile_id TEXT NOT NULL,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        account_id TEXT,
        account_name TEXT,
        status TEXT,
        PRIMARY KEY (profile_id, id)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO zones_v4 SELECT profile_id, id, name, account_id, account_name, status FROM zones;
      DROP TABLE zones;
      ALTER TABLE zones_v4 RENAME TO zones;

      CREATE TABLE permission_groups_v4 (
        profile_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('user', 'account')),
        account_id TEXT NOT NULL,
        id TEXT NOT NULL,
        scope TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (profile_id, source, account_id, id, scope)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO permission_groups_v4 SELECT profile_id, source, account_id, id, scope, name FROM permission_groups;
      DROP TABLE permission_groups;
      ALTER TABLE permission_groups_v4 RENAME TO permission_groups;

      -- policies keeps its foreign key to "tokens", which names the rebuilt table after the rename.
      CREATE TABLE tokens_v4 (
        profile_id TEXT NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'account')),
        account_id TEXT,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        issued_on TEXT,
        modified_on TEXT,
        last_used_on TEXT,
        not_before TEXT,
        expires_on TEXT,
        condition TEXT,
        raw TEXT NOT NULL,
        decoded TEXT NOT NULL,
        list_facts TEXT NOT NULL,
        secret_kept INTEGER NOT NULL DEFAULT 0 CHECK (secret_kept IN (0, 1)),
        position INTEGER NOT NULL,
        PRIMARY KEY (profile_id, id)
      ) STRICT;
      INSERT INTO tokens_v4 SELECT profile_id, id, kind, account_id, name, status, issued_on, modified_on,
        last_used_on, not_before, expires_on, condition, raw, decoded, list_facts, secret_kept, position FROM tokens;
      DROP TABLE tokens;
      ALTER TABLE tokens_v4 RENAME TO tokens;

      DROP TABLE token_writes;
      DROP TABLE sync_runs;
      DROP TABLE verify_results;
      DROP TABLE token_history;
      DROP TABLE profiles;
      DROP TABLE settings;
    `,
  },
  {
    version: 5,
    description: 'the token list read in its order without a sort',
    sql: `
      -- The list reads a profile's tokens in Cloudflare's order (tokens.list, the command line's
      -- tokens): with this index SQLite walks them in order instead of sorting thousands of rows.
      CREATE INDEX tokens_by_position ON tokens (profile_id, position);
    `,
  },
  {
    version: 6,
    description: 'the token list read from an index alone',
    sql: `
      -- A token's row in the table also holds its raw object and decoded policies (about 2 KB
      -- together), so walking the list through the table reads every page of it. This index holds
      -- just what the list reads (token-repository.ts rowSelect), in Cloudflare's order, so the
      -- list is read from the index alone: about a fifth of the pages. A test checks the list's
      -- query plan stays covered.
      DROP INDEX tokens_by_position;
      CREATE INDEX tokens_list ON tokens (profile_id, position, id, kind, account_id, name, status,
        issued_on, modified_on, last_used_on, not_before, expires_on, list_facts, secret_kept);
    `,
  },
];

export const CACHE_SCHEMA_VERSION = CACHE_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
