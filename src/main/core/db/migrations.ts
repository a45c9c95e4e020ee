/**
 * Cache schema migrations, applied in order through PRAGMA user_version.
 *
 * Each entry runs in its own transaction together with the user_version bump, so a crash in the
 * middle leaves the previous version intact. Never edit a released migration; append a new one.
 * The cache never holds a secret: no column here may store a credential or a token value.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
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
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
