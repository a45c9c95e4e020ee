/**
 * Migrations of the profile store (keyflare-profiles.sqlite): what Keyflare cannot download again.
 *
 * Profiles, settings, token history, verify results, sync runs and the write journal are the
 * user's: a sync never rebuilds them, so they live apart from the snapshot cache and a damaged
 * cache cannot take them along. Applied in order through user_version, each in its own
 * transaction; never edit a released migration, append one. No column may hold a secret.
 */
import type { Migration } from './sqlite-file';

export const PROFILE_STORE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'profiles, settings, history, verify results, sync runs, write journal',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One row per Cloudflare login. The credential itself lives in the keychain only, under
      -- profile:<id>; a profile re-attached from the keychain keeps that id.
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
        created_at TEXT NOT NULL
      ) STRICT;

      -- History outlives the token it describes (a deleted token keeps its story).
      CREATE TABLE token_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'modified', 'status_changed', 'rolled', 'policies_changed', 'deleted', 'secret_removed')),
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

      -- Which tokens Keyflare itself wrote, in order (see token-write-journal.ts).
      CREATE TABLE token_writes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL
      ) STRICT;
      CREATE INDEX token_writes_by_profile ON token_writes (profile_id, seq);
    `,
  },
  {
    version: 2,
    description: 'rotations with overlap, and the rotation kind of history entry',
    sql: `
      -- SQLite cannot change a CHECK constraint in place: the history table is rebuilt with the
      -- new kind, every row and id kept.
      CREATE TABLE token_history_next (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL,
        token_name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'modified', 'status_changed', 'rolled', 'policies_changed', 'deleted', 'secret_removed', 'rotation')),
        at TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('sync', 'keyflare')),
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT
      ) STRICT;
      INSERT INTO token_history_next (id, profile_id, token_id, token_name, kind, at, source, summary, before, after)
        SELECT id, profile_id, token_id, token_name, kind, at, source, summary, before, after FROM token_history;
      -- AUTOINCREMENT's high-water mark comes along, so an id deleted before is never handed out again.
      UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'token_history'), 0))
        WHERE name = 'token_history_next';
      INSERT INTO sqlite_sequence (name, seq)
        SELECT 'token_history_next', seq FROM sqlite_sequence WHERE name = 'token_history'
          AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'token_history_next');
      DROP TABLE token_history;
      ALTER TABLE token_history_next RENAME TO token_history;
      CREATE INDEX token_history_by_token ON token_history (profile_id, token_id, id);

      -- One row per rotation with overlap (see rotation/rotation-service.ts). Never a secret.
      CREATE TABLE rotations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        old_token_id TEXT NOT NULL,
        old_token_name TEXT NOT NULL,
        owner TEXT NOT NULL,
        new_token_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('creating', 'awaiting_confirmation', 'retiring', 'done', 'cancelled')),
        retire_action TEXT CHECK (retire_action IN ('disable', 'delete')),
        secret_lost INTEGER NOT NULL DEFAULT 0,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX rotations_by_old_token ON rotations (profile_id, old_token_id);
    `,
  },
  {
    version: 3,
    description: 'health problems snoozed or ignored, and reminders already shown',
    sql: `
      -- A token's health problem the user snoozed (until that time) or ignored (until NULL).
      -- Kept after the token is gone from a sync: it may come back (see health/health-service.ts).
      CREATE TABLE health_dismissals (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        token_name TEXT,
        until TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, token_id, kind)
      ) STRICT;

      -- The reminders already shown: one per token and threshold, for the crossing named by
      -- subject (the expiry date, or the last roll), so a new crossing reminds again.
      CREATE TABLE reminders_sent (
        profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
        token_id TEXT NOT NULL,
        threshold TEXT NOT NULL CHECK (threshold IN ('expiring', 'expired', 'rotation_due')),
        subject TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (profile_id, token_id, threshold)
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: 'the process that runs each sync, so another process closes only runs whose owner is gone',
    sql: `
      -- Who started the run (see db/run-owner.ts): a start closes a run left 'running' only when
      -- this process is gone, never a sync the window or the command line is running right now.
      -- NULL in runs from before: those are closed at the next start, as they always were.
      ALTER TABLE sync_runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE sync_runs ADD COLUMN owner_host TEXT;
      ALTER TABLE sync_runs ADD COLUMN owner_started TEXT;
    `,
  },
];

export const PROFILE_STORE_SCHEMA_VERSION = PROFILE_STORE_MIGRATIONS.reduce(
  (max, m) => Math.max(max, m.version),
  0,
);
