/**
 * Remove a profile, behind a confirmation that says what goes (cache, keychain entries) and what
 * stays (the tokens on Cloudflare).
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { Button } from '../../components/button';
import { ErrorCallout } from '../../components/error-callout';

export function RemoveProfileSection({
  label,
  busy,
  error,
  onRemove,
}: {
  label: string;
  busy: boolean;
  error: AppErrorShape | null;
  onRemove: () => void;
}): React.JSX.Element {
  const [confirmRemove, setConfirmRemove] = useState(false);
  return (
    <section className="settings-section settings-wide settings-danger" aria-labelledby="p-remove">
      <h3 id="p-remove">Remove profile</h3>
      {confirmRemove ? (
        <div className="confirm-box" role="group" aria-label="Confirm removal">
          <p>
            Remove <strong>{label}</strong>? Keyflare deletes its cached data and its keychain entries (the
            credential and any kept token secrets). The tokens themselves stay on Cloudflare.
          </p>
          <div className="button-row">
            <Button onClick={() => setConfirmRemove(false)} disabled={busy}>
              Keep profile
            </Button>
            <Button variant="danger" icon="trash" busy={busy} onClick={onRemove}>
              Remove {label}
            </Button>
          </div>
        </div>
      ) : (
        <div className="secret-row">
          <p className="muted">Forget this login in Keyflare. Nothing changes on Cloudflare.</p>
          <Button variant="danger-ghost" icon="trash" onClick={() => setConfirmRemove(true)}>
            Remove profile…
          </Button>
        </div>
      )}
      {error ? <ErrorCallout error={error} compact /> : null}
    </section>
  );
}
