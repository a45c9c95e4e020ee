/**
 * Settings: theme, clipboard clear time, whether new secrets are kept by default, life in the
 * background (tray, launch at login, scheduled sync), health thresholds and reminders, keychain
 * entries without a profile, and facts about this installation (version, data folder, keychain).
 */
import { useId, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { Dialog } from '../../components/dialog';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useAppStore } from '../../stores/app-store';
import { useUiStore } from '../../stores/ui-store';
import { BackgroundSection } from './background-section';
import { HealthSection } from './health-section';
import { KeychainSection } from './keychain-section';
import { withStored } from './choices';

const CLEAR_CHOICES = [10, 20, 30, 45, 60, 90, 120, 300, 600];

function secondsWords(seconds: number): string {
  return seconds < 60
    ? `${seconds} seconds`
    : seconds % 60 === 0
      ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}`
      : `${seconds} seconds`;
}

export function SettingsDialog(): React.JSX.Element {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const focusKeychain = useUiStore((s) => s.dialog?.kind === 'settings' && s.dialog.section === 'keychain');
  const settings = useAppStore((s) => s.settings);
  const info = useAppStore((s) => s.info);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const themeName = useId();

  const update = (patch: Partial<Settings>): void => {
    setError(null);
    void updateSettings(patch).then((result) => {
      if (!result.ok) setError(result.error);
    });
  };

  const clearChoices = settings ? withStored(CLEAR_CHOICES, settings.clipboardClearSeconds) : CLEAR_CHOICES;

  return (
    <Dialog title="Settings" onClose={closeDialog} size="md" testId="settings-dialog">
      {settings ? (
        <div className="form-stack">
          <fieldset className="segmented-field">
            <legend className="field-label">Theme</legend>
            <div className="segmented">
              {(['system', 'light', 'dark'] as const).map((theme) => (
                <label key={theme} className={`segment${settings.theme === theme ? ' segment-on' : ''}`}>
                  <input
                    type="radio"
                    className="visually-hidden"
                    name={themeName}
                    checked={settings.theme === theme}
                    onChange={() => update({ theme })}
                  />
                  {theme === 'system' ? 'System' : theme === 'light' ? 'Light' : 'Dark'}
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            label="Clear the clipboard after"
            hint="Only when it still holds what Keyflare copied. Applies to secrets and curl commands."
          >
            <select
              className="select"
              value={settings.clipboardClearSeconds}
              onChange={(event) => update({ clipboardClearSeconds: Number(event.target.value) })}
            >
              {clearChoices.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {secondsWords(seconds)}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.keepSecretsByDefault}
              onChange={(event) => update({ keepSecretsByDefault: event.target.checked })}
            />
            <span>
              Keep new token secrets in the keychain
              <span className="field-hint">
                {' '}
                Pre-selects “keep” when you create or roll a token, so you can copy and verify it later.
              </span>
            </span>
          </label>
        </div>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
      {error ? <ErrorCallout error={error} compact /> : null}
      <BackgroundSection />
      <HealthSection />
      <KeychainSection focus={focusKeychain} />
      {info ? (
        <section className="about" aria-labelledby="about-heading">
          <h3 id="about-heading" className="wizard-subheading">
            About this installation
          </h3>
          <dl className="kv-list">
            <div className="kv">
              <dt>Version</dt>
              <dd>
                Keyflare {info.version} · data schema {info.schemaVersions.profiles}.
                {info.schemaVersions.cache} · {info.platform}
              </dd>
            </div>
            <div className="kv">
              <dt>Data folder</dt>
              <dd className="mono">{info.dataDir}</dd>
            </div>
            <div className="kv">
              <dt>Keychain</dt>
              <dd>
                {info.keychain.available
                  ? 'Available'
                  : `Unavailable${info.keychain.message ? `: ${info.keychain.message}` : ''}`}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
    </Dialog>
  );
}
