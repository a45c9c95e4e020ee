/**
 * Settings → In the background: keep running in the tray, start at login, scheduled sync.
 *
 * What this desktop allows comes from app.info's `background` (the Electron shell's tray check
 * and login items): a Linux desktop without a tray says so plainly instead of offering a
 * checkbox that would change nothing, and a copy run from source says it adds nothing to the
 * login items. A change the system refused (the autostart file could not be written) shows the
 * core's sentence under the checkbox; the setting stays as it was.
 */
import { useId, useState } from 'react';
import type { Settings } from '../../../shared/domain';
import { Field } from '../../components/field';
import { SettingCheckbox } from './setting-checkbox';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../stores/app-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { messageText } from '../../lib/error-copy';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';

const SYNC_CHOICES = [0, 1, 2, 3, 6, 12, 24];

function Note({ children, testId }: { children: React.ReactNode; testId: string }): React.JSX.Element {
  return (
    <p className="keychain-note background-note" data-testid={testId}>
      <Icon name="alert" size={14} />
      <span>{children}</span>
    </p>
  );
}

export function BackgroundSection(): React.JSX.Element | null {
  const settings = useAppStore((s) => s.settings);
  const background = useAppStore((s) => s.info?.background ?? null);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const loadSyncStatus = useProfilesStore((s) => s.loadSyncStatus);
  const [failure, setFailure] = useState<{ field: keyof Settings; message: string } | null>(null);
  const errorId = useId();
  const t = useT();

  if (!settings) return null;
  const noTray = background !== null && !background.tray;
  const noLoginItem = background !== null && !background.launchAtLogin;

  const update = (patch: Partial<Settings>, field: keyof Settings): void => {
    setFailure(null);
    void updateSettings(patch).then((result) => {
      if (!result.ok) setFailure({ field, message: messageText(result.error) });
      // The status bar shows the next scheduled sync, which the interval just moved.
      else if (field === 'syncEveryHours') void loadSyncStatus();
    });
  };
  const errorFor = (field: keyof Settings): React.JSX.Element | null =>
    failure?.field === field ? (
      <p id={errorId} className="field-error" role="alert">
        {failure.message}
      </p>
    ) : null;

  const syncChoices = SYNC_CHOICES.includes(settings.syncEveryHours)
    ? SYNC_CHOICES
    : [...SYNC_CHOICES, settings.syncEveryHours].sort((a, b) => a - b);

  return (
    <section className="about" aria-labelledby="background-heading" data-testid="background-section">
      <h3 id="background-heading" className="wizard-subheading">
        {t('settings.background.heading')}
      </h3>
      <div className="form-stack">
        <div>
          <SettingCheckbox
            label={t('settings.background.keepInTray')}
            hint={noTray ? null : t('settings.background.keepInTrayHint')}
            checked={settings.keepInTray && !noTray}
            disabled={noTray}
            dimmed={noTray}
            describedBy={failure?.field === 'keepInTray' ? errorId : undefined}
            onChange={(checked) => update({ keepInTray: checked }, 'keepInTray')}
          />
          {noTray && background.trayUnavailableReason ? (
            <Note testId="no-tray-note">{messageSentence(background.trayUnavailableReason)}</Note>
          ) : null}
          {errorFor('keepInTray')}
        </div>
        <div>
          <SettingCheckbox
            label={t('settings.background.launchAtLogin')}
            hint={t(noTray ? 'settings.background.launchNoTrayHint' : 'settings.background.launchHint')}
            checked={settings.launchAtLogin}
            disabled={noLoginItem && !settings.launchAtLogin}
            dimmed={noLoginItem && !settings.launchAtLogin}
            describedBy={failure?.field === 'launchAtLogin' ? errorId : undefined}
            onChange={(checked) => update({ launchAtLogin: checked }, 'launchAtLogin')}
          />
          {noLoginItem && background.launchAtLoginUnavailableReason ? (
            <Note testId="no-login-item-note">
              {messageSentence(background.launchAtLoginUnavailableReason)}
            </Note>
          ) : null}
          {errorFor('launchAtLogin')}
        </div>
        <Field label={t('settings.background.syncEvery')} hint={t('settings.background.syncEveryHint')}>
          <select
            className="select"
            value={settings.syncEveryHours}
            onChange={(event) => update({ syncEveryHours: Number(event.target.value) }, 'syncEveryHours')}
          >
            {syncChoices.map((hours) => (
              <option key={hours} value={hours}>
                {t('settings.background.interval', { hours })}
              </option>
            ))}
          </select>
        </Field>
        {errorFor('syncEveryHours')}
      </div>
    </section>
  );
}
