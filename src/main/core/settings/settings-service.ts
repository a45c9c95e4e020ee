/**
 * Settings: clipboard clear time, keep-secrets default, theme — stored in the cache.
 */
import { DEFAULT_SETTINGS, Settings } from '../../../shared/domain';
import type { CoreContext } from '../context';

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export function createSettingsService(ctx: CoreContext): SettingsService {
  const get = (): Settings => {
    const rows = ctx.db().prepare('SELECT key, value FROM settings').all() as {
      key: string;
      value: string;
    }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
    // Unknown or out-of-range stored values fall back to the default, field by field.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const candidate = { ...DEFAULT_SETTINGS, [key]: stored[key] ?? DEFAULT_SETTINGS[key] };
      if (Settings.safeParse(candidate).success) merged[key] = candidate[key];
    }
    return Settings.parse(merged);
  };
  return {
    get,
    update(patch) {
      const next = Settings.parse({ ...get(), ...patch });
      const upsert = ctx
        .db()
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        );
      ctx.db().transaction(() => {
        for (const [key, value] of Object.entries(patch)) upsert.run(key, JSON.stringify(value));
      })();
      return next;
    },
  };
}
