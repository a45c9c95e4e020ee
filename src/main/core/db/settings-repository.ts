/**
 * Settings in the profile store: one row per setting, its value as JSON.
 *
 * Values are returned as stored; the settings service decides what an unknown or out-of-range
 * value falls back to, so a value written by another version never stops Keyflare from starting.
 */
import type { Db } from './sqlite-file';

/** Every stored setting by key, parsed from JSON. */
export function readSettings(db: Db): Record<string, unknown> {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
  return stored;
}

/** Stores the given settings in one transaction; the others stay as they are. */
export function saveSettings(db: Db, patch: Record<string, unknown>): void {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value));
  })();
}
