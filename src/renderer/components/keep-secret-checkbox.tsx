/**
 * "Keep the new secret in the keychain": the one question the create wizard and the roll dialog
 * both ask before Cloudflare issues a secret.
 *
 * One wording for both, because the answer means the same in both: a kept secret can be copied
 * and verified later, a secret not kept is shown once. Without a keychain it cannot be ticked and
 * says why. The hint is the checkbox's description, so its name stays the plain question.
 */
import { useId } from 'react';
import { useT } from '../lib/i18n';

export interface KeepSecretCheckboxProps {
  keep: boolean;
  onChange: (keep: boolean) => void;
  keychainAvailable: boolean;
}

export function KeepSecretCheckbox({
  keep,
  onChange,
  keychainAvailable,
}: KeepSecretCheckboxProps): React.JSX.Element {
  const t = useT();
  const hintId = useId();
  const question = t('common.keepSecret.question');
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={keep}
        disabled={!keychainAvailable}
        aria-label={question}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {question}
        <span id={hintId} className="field-hint">
          {t(keychainAvailable ? 'common.keepSecret.hint' : 'common.keepSecret.hintUnavailable')}
        </span>
      </span>
    </label>
  );
}
