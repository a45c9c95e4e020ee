/**
 * MigrationError: a schema migration that failed, with the step that failed and SQLite's own error.
 *
 * A migration runs in one transaction, so the file stays at the previous version; the error says
 * which step failed so a failed start can say so in plain words (core/app/start-failure.ts)
 * instead of showing a bare SQLite message. The code applying migrations wraps what a step threw:
 * `throw new MigrationError(migration, error, fileName)`.
 */
export class MigrationError extends Error {
  readonly version: number;
  readonly description: string;
  /** The file being migrated, e.g. keyflare-cache.sqlite. */
  readonly file: string | null;

  constructor(migration: { version: number; description: string }, cause: unknown, file?: string) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration.version} (${migration.description}) failed: ${reason}`, { cause });
    this.name = 'MigrationError';
    this.version = migration.version;
    this.description = migration.description;
    this.file = file ?? null;
  }
}
