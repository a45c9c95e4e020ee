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

const EXPIRY_CHOICES = [3, 7, 14, 30, 60, 90];
const ROTATION_CHOICES = [0, 30, 60, 90, 180, 365];
const UNUSED_CHOICES = [30, 60, 90, 180, 365];

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

export function HealthSection(): React.JSX.Element | null {
  const settings = useAppStore((s) => s.settings);
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [error, setError] = useState<AppErrorShape | null>(null);
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
        Health and reminders
      </h3>
      <div className="form-stack">
        <Field
          label="Warn before a token expires"
          hint="Listed in Health, and a reminder when it comes this close."
        >
          <select
            className="select"
            value={settings.expiryWarningDays}
            onChange={(event) => update({ expiryWarningDays: Number(event.target.value) })}
          >
            {withStored(EXPIRY_CHOICES, settings.expiryWarningDays).map((n) => (
              <option key={n} value={n}>
                {days(n)} before
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Rotation is due"
          hint="After the last roll Keyflare made, or else after the token was last changed."
        >
          <select
            className="select"
            value={settings.rotationDueDays}
            onChange={(event) => update({ rotationDueDays: Number(event.target.value) })}
          >
            {withStored(ROTATION_CHOICES, settings.rotationDueDays).map((n) => (
              <option key={n} value={n}>
                {n === 0 ? 'Never (off)' : `${days(n)} after the last roll`}
              </option>
            ))}
          </select>
        </Field>
        <Field label="A token is unused" hint="When Cloudflare has not seen it used for this long.">
          <select
            className="select"
            value={settings.unusedDays}
            onChange={(event) => update({ unusedDays: Number(event.target.value) })}
          >
            {withStored(UNUSED_CHOICES, settings.unusedDays).map((n) => (
              <option key={n} value={n}>
                after {days(n)}
              </option>
            ))}
          </select>
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.reminders}
            onChange={(event) => update({ reminders: event.target.checked })}
          />
          <span>
            Remind me with a desktop notification
            <span className="field-hint">
              {' '}
              When a token comes close to expiring, expires or is due for a roll; once per token.
            </span>
          </span>
        </label>
      </div>
      {error ? <ErrorCallout error={error} compact /> : null}
    </section>
  );
}
