/**
 * Settings: clipboard clear time, keep-secrets default, theme — stored in the profile store.
 */
import { DEFAULT_SETTINGS, Settings } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { readSettings, saveSettings } from '../db/settings-repository';

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
}

export function createSettingsService(ctx: CoreContext): SettingsService {
  const get = (): Settings => {
    const stored = readSettings(ctx.db());
    // Unknown or out-of-range stored values fall back to the default, field by field.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const candidate = {
        ...DEFAULT_SETTINGS,
        [key]: stored[key] ?? DEFAULT_SETTINGS[key],
      };
      if (Settings.safeParse(candidate).success) merged[key] = candidate[key];
    }
    return Settings.parse(merged);
  };
  return {
    get,
    update(patch) {
      const next = Settings.parse({ ...get(), ...patch });
      saveSettings(ctx.db(), patch);
      return next;
    },
  };
}
