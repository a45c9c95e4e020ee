/**
 * Settings: clipboard clear time, keep-secrets default, theme and the background settings (tray,
 * launch at login, scheduled sync) — stored in the profile store.
 *
 * Launch at login lives in the OS's own list (ports.ts `LoginItemPort`): a change is made there
 * first and saved only when the OS took it, so the setting never claims what the OS refused.
 * `syncLoginItem` at start lets the OS list win the other way round, because the user may have
 * switched the entry off (or on) in the system's settings while Keyflare was not running.
 */
import { DEFAULT_SETTINGS, Settings } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import type { CoreContext } from '../context';
import { readSettings, saveSettings } from '../db/settings-repository';
import type { LoginItemPort } from '../ports';

export type SettingsListener = (settings: Settings, patch: Partial<Settings>) => void;

export interface SettingsService {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
  /** Calls `listener` after every saved change; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void;
  /**
   * Brings `launchAtLogin` in line with the OS's list at start, and writes a kept entry again
   * so it starts this copy of Keyflare (an AppImage or an update may have moved it).
   */
  syncLoginItem(): void;
}

export interface SettingsDeps {
  /** The OS's login items; null where Keyflare cannot set them. */
  loginItem?: LoginItemPort | null;
  /** Why launch at login cannot be set here (e.g. a build run from source), or null. */
  loginItemUnavailable?: () => Message | null;
}

function loginItemError(enabled: boolean, error: unknown): AppError {
  // The system's own words (not Keyflare's to translate) ride as a parameter of our sentence.
  const cause = error instanceof Error && error.message ? error.message : 'none';
  return new AppError(
    'INTERNAL',
    msg('errors.settings.loginItem', { change: enabled ? 'add' : 'remove', cause }),
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

export function createSettingsService(ctx: CoreContext, deps: SettingsDeps = {}): SettingsService {
  const listeners = new Set<SettingsListener>();
  const loginItem = deps.loginItem ?? null;

  const get = (): Settings => {
    const stored = readSettings(ctx.db());
    // Unknown or out-of-range stored values fall back to the default, field by field.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const candidate = { ...DEFAULT_SETTINGS, [key]: stored[key] ?? DEFAULT_SETTINGS[key] };
      if (Settings.safeParse(candidate).success) merged[key] = candidate[key];
    }
    return Settings.parse(merged);
  };

  const notify = (settings: Settings, patch: Partial<Settings>): void => {
    for (const listener of listeners) {
      try {
        listener(settings, patch);
      } catch (error) {
        // A listener's failure (the tray, the schedule) must not undo a change already saved.
        ctx.logger.error('settings listener failed', { errorName: errorName(error) });
      }
    }
  };

  /** Makes the OS list say `enabled`; throws the AppError the user sees when it refuses. */
  const applyLoginItem = (enabled: boolean): void => {
    if (!loginItem) {
      const unavailable = deps.loginItemUnavailable?.() ?? null;
      if (enabled && unavailable)
        throw new AppError(
          'VALIDATION',
          msg('errors.settings.loginItemUnavailable', nest('reason', unavailable)),
        );
      return;
    }
    try {
      if (enabled || loginItem.isEnabled()) loginItem.setEnabled(enabled);
    } catch (error) {
      throw loginItemError(enabled, error);
    }
  };

  return {
    get,
    update(patch) {
      const current = get();
      const next = Settings.parse({ ...current, ...patch });
      if (patch.launchAtLogin !== undefined && patch.launchAtLogin !== current.launchAtLogin)
        applyLoginItem(patch.launchAtLogin);
      saveSettings(ctx.db(), patch);
      notify(next, patch);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    syncLoginItem() {
      if (!loginItem) return;
      const wanted = get().launchAtLogin;
      let enabled: boolean;
      try {
        enabled = loginItem.isEnabled();
        if (enabled) loginItem.setEnabled(true);
      } catch (error) {
        ctx.logger.warn('login item not checked', { errorName: errorName(error) });
        return;
      }
      if (enabled === wanted) return;
      const patch = { launchAtLogin: enabled };
      saveSettings(ctx.db(), patch);
      notify(get(), patch);
      ctx.logger.info('launch at login taken from the system settings', { enabled });
    },
  };
}
