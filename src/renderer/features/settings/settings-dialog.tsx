/**
 * Settings: theme, language, clipboard clear time, whether new secrets are kept by default, life in the
 * background (tray, launch at login, scheduled sync), health thresholds and reminders, keychain
 * entries without a profile, and facts about this installation (version, data folder, keychain).
 */
import { useId, useState } from 'react';
import { Theme, type Settings } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { Dialog } from '../../components/dialog';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useAppStore } from '../../stores/app-store';
import { useUiStore } from '../../stores/ui-store';
import { BackgroundSection } from './background-section';
import { HealthSection } from './health-section';
import { KeychainSection } from './keychain-section';
import { SandboxSection } from '../sandbox/sandbox-section';
import { withStored } from './choices';
import { SettingCheckbox } from './setting-checkbox';
import { LOCALES, type MessageKey, type Translate } from '../../../shared/i18n';
import { LanguageChoice } from '../../../shared/i18n/schemas';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';

const CLEAR_CHOICES = [10, 20, 30, 45, 60, 90, 120, 300, 600];

function secondsWords(seconds: number, t: Translate): string {
  return seconds >= 60 && seconds % 60 === 0
    ? t('settings.clipboard.minutes', { minutes: seconds / 60 })
    : t('settings.clipboard.seconds', { seconds });
}

const THEME_WORDS = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
} as const satisfies Record<Settings['theme'], MessageKey>;

/** Settings → Language: the OS's, or each locale in its own name (the same in every language). */
function LanguageField({
  value,
  onChange,
}: {
  value: LanguageChoice;
  onChange: (language: LanguageChoice) => void;
}): React.JSX.Element {
  const t = useT();
  return (
    <Field label={t('language.label')} hint={t('language.hint')}>
      <select
        className="select"
        value={value}
        onChange={(event) => onChange(LanguageChoice.parse(event.target.value))}
        data-testid="language-select"
      >
        <option value="system">{t('language.system')}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.names.${locale}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function SettingsDialog(): React.JSX.Element {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const focusKeychain = useUiStore((s) => s.dialog?.kind === 'settings' && s.dialog.section === 'keychain');
  const settings = useAppStore((s) => s.settings);
  const info = useAppStore((s) => s.info);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const themeName = useId();
  const t = useT();

  const update = (patch: Partial<Settings>): void => {
    setError(null);
    void updateSettings(patch).then((result) => {
      if (!result.ok) setError(result.error);
    });
  };

  const clearChoices = settings ? withStored(CLEAR_CHOICES, settings.clipboardClearSeconds) : CLEAR_CHOICES;

  return (
    <Dialog title={t('settings.title')} onClose={closeDialog} size="md" testId="settings-dialog">
      {settings ? (
        <div className="form-stack">
          <fieldset className="segmented-field">
            <legend className="field-label">{t('settings.theme.label')}</legend>
            <div className="segmented">
              {Theme.options.map((theme) => (
                <label key={theme} className={`segment${settings.theme === theme ? ' segment-on' : ''}`}>
                  <input
                    type="radio"
                    className="visually-hidden"
                    name={themeName}
                    checked={settings.theme === theme}
                    onChange={() => update({ theme })}
                  />
                  {t(THEME_WORDS[theme])}
                </label>
              ))}
            </div>
          </fieldset>
          <LanguageField value={settings.language} onChange={(language) => update({ language })} />
          <Field label={t('settings.clipboard.label')} hint={t('settings.clipboard.hint')}>
            <select
              className="select"
              value={settings.clipboardClearSeconds}
              onChange={(event) => update({ clipboardClearSeconds: Number(event.target.value) })}
            >
              {clearChoices.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {secondsWords(seconds, t)}
                </option>
              ))}
            </select>
          </Field>
          <SettingCheckbox
            label={t('settings.keepSecrets.label')}
            hint={t('settings.keepSecrets.hint')}
            checked={settings.keepSecretsByDefault}
            onChange={(keepSecretsByDefault) => update({ keepSecretsByDefault })}
          />
        </div>
      ) : (
        <p className="muted">{t('settings.loading')}</p>
      )}
      {error ? <ErrorCallout error={error} compact /> : null}
      <BackgroundSection />
      <HealthSection />
      <KeychainSection focus={focusKeychain} />
      <SandboxSection />
      {info ? (
        <section className="about" aria-labelledby="about-heading">
          <h3 id="about-heading" className="wizard-subheading">
            {t('settings.about.heading')}
          </h3>
          <dl className="kv-list">
            <div className="kv">
              <dt>{t('settings.about.version')}</dt>
              <dd>
                {t('settings.about.versionValue', {
                  version: info.version,
                  profiles: info.schemaVersions.profiles,
                  cache: info.schemaVersions.cache,
                  platform: info.platform,
                })}
              </dd>
            </div>
            <div className="kv">
              <dt>{t('settings.about.dataFolder')}</dt>
              <dd className="mono">{info.dataDir}</dd>
            </div>
            <div className="kv">
              <dt>{t('settings.about.keychain')}</dt>
              <dd>
                {info.keychain.available
                  ? t('settings.about.available')
                  : info.keychain.message
                    ? t('settings.about.unavailableBecause', {
                        reason: messageSentence(info.keychain.message),
                      })
                    : t('settings.about.unavailable')}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
    </Dialog>
  );
}
