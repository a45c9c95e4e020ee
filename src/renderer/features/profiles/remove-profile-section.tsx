/**
 * Remove a profile, behind a confirmation that says what goes (cache, keychain entries) and what
 * stays (the tokens on Cloudflare).
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { Button } from '../../components/button';
import { ErrorCallout } from '../../components/error-callout';
import { useT } from '../../lib/i18n';

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
  const t = useT();
  return (
    <section className="settings-section settings-wide settings-danger" aria-labelledby="p-remove">
      <h3 id="p-remove">{t('profiles.remove.heading')}</h3>
      {confirmRemove ? (
        <div className="confirm-box" role="group" aria-label={t('profiles.remove.confirmGroup')}>
          <p>{t('profiles.remove.confirm', { label })}</p>
          <div className="button-row">
            <Button onClick={() => setConfirmRemove(false)} disabled={busy}>
              {t('profiles.remove.keep')}
            </Button>
            <Button variant="danger" icon="trash" busy={busy} onClick={onRemove}>
              {t('profiles.remove.removeNamed', { label })}
            </Button>
          </div>
        </div>
      ) : (
        <div className="secret-row">
          <p className="muted">{t('profiles.remove.text')}</p>
          <Button variant="danger-ghost" icon="trash" onClick={() => setConfirmRemove(true)}>
            {t('profiles.remove.start')}
          </Button>
        </div>
      )}
      {error ? <ErrorCallout error={error} compact /> : null}
    </section>
  );
}
