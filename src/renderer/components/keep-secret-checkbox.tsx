/**
 * "Keep the new secret in the keychain": the one question the create wizard and the roll dialog
 * both ask before Cloudflare issues a secret.
 *
 * One wording for both, because the answer means the same in both: a kept secret can be copied
 * and verified later, a secret not kept is shown once. Without a keychain it cannot be ticked and
 * says why. The hint is the checkbox's description, so its name stays the plain question.
 */
import { useId } from 'react';

const QUESTION = 'Keep the new secret in the keychain';

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
  const hintId = useId();
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={keep}
        disabled={!keychainAvailable}
        aria-label={QUESTION}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {QUESTION}
        <span id={hintId} className="field-hint">
          {keychainAvailable
            ? ' So you can copy it and verify the token later. Otherwise you see it once and only you keep it.'
            : ' The system keychain is unavailable: the secret will be shown once only.'}
        </span>
      </span>
    </label>
  );
}
