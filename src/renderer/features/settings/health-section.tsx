/**
 * Settings → Health and reminders: when a token needs care (days before expiry, days after the
 * last roll, days unused) and whether Keyflare shows desktop reminders.
 *
 * The choices are lists of common values (plus the stored one when it is not among them), so a
 * value outside the contract's bounds cannot be typed in.
 */
import { useState } from 'react';
import type { Settings } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useAppStore } from '../../stores/app-store';
import { useHealthStore } from '../../stores/health-store';
import { withStored } from './choices';
import { SettingCheckbox } from './setting-checkbox';
import { useT } from '../../lib/i18n';

const EXPIRY_CHOICES = [3, 7, 14, 30, 60, 90];
const ROTATION_CHOICES = [0, 30, 60, 90, 180, 365];
const UNUSED_CHOICES = [30, 60, 90, 180, 365];

export function HealthSection(): React.JSX.Element | null {
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const t = useT();
  if (!settings) return null;

  const update = (patch: Partial<Settings>): void => {
    setError(null);
    void updateSettings(patch).then((result) => {
      if (!result.ok) setError(result.error);
      // The Health view follows the thresholds at once when it has been opened.
      else if (useHealthStore.getState().report) void useHealthStore.getState().load();
    });
  };

  return (
    <section className="about" aria-labelledby="health-settings-heading" data-testid="health-settings">
      <h3 id="health-settings-heading" className="wizard-subheading">
        {t('settings.health.heading')}
      </h3>
      <div className="form-stack">
        <Field label={t('settings.health.expiry')} hint={t('settings.health.expiryHint')}>
          <select
            className="select"
            value={settings.expiryWarningDays}
            onChange={(event) => update({ expiryWarningDays: Number(event.target.value) })}
          >
            {withStored(EXPIRY_CHOICES, settings.expiryWarningDays).map((n) => (
              <option key={n} value={n}>
                {t('settings.health.expiryChoice', { days: n })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('settings.health.rotation')} hint={t('settings.health.rotationHint')}>
          <select
            className="select"
            value={settings.rotationDueDays}
            onChange={(event) => update({ rotationDueDays: Number(event.target.value) })}
          >
            {withStored(ROTATION_CHOICES, settings.rotationDueDays).map((n) => (
              <option key={n} value={n}>
                {t('settings.health.rotationChoice', { days: n })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('settings.health.unused')} hint={t('settings.health.unusedHint')}>
          <select
            className="select"
            value={settings.unusedDays}
            onChange={(event) => update({ unusedDays: Number(event.target.value) })}
          >
            {withStored(UNUSED_CHOICES, settings.unusedDays).map((n) => (
              <option key={n} value={n}>
                {t('settings.health.unusedChoice', { days: n })}
              </option>
            ))}
          </select>
        </Field>
        <SettingCheckbox
          label={t('settings.health.reminders')}
          hint={t('settings.health.remindersHint')}
          checked={settings.reminders}
          onChange={(reminders) => update({ reminders })}
        />
      </div>
      {error ? <ErrorCallout error={error} compact /> : null}
    </section>
  );
}
