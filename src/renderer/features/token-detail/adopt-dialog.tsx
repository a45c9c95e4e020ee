/**
 * Adopt: the user pastes a secret they already have; main checks it belongs to this token and
 * keeps it in the keychain. The field is a password field, cleared after every submit.
 */
import { useState } from 'react';
import type { TokenRow } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useT } from '../../lib/i18n';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';

export function AdoptDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
  const t = useT();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const adopt = async (): Promise<void> => {
    const value = secret;
    setSecret('');
    if (value.trim().length === 0) return;
    setBusy(true);
    setError(null);
    const reply = await useTokensStore.getState().adopt(row, value);
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    toast('success', t('tokenDetail.adopt.done', { name: row.name }));
    onClose();
  };

  return (
    <Dialog
      title={t('tokenDetail.adopt.title', { name: row.name })}
      description={t('tokenDetail.adopt.description')}
      onClose={onClose}
      dismissible={!busy}
      closable={!busy}
      size="sm"
      testId="adopt-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          busy={busy}
          primary={{ label: t('tokenDetail.adopt.submit'), icon: 'key', form: 'adopt-form' }}
        />
      }
    >
      <form
        id="adopt-form"
        onSubmit={(event) => {
          event.preventDefault();
          void adopt();
        }}
      >
        <Field label={t('tokenDetail.adopt.label')} hint={t('tokenDetail.adopt.hint')}>
          <input
            className="input mono"
            type="password"
            value={secret}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setSecret(event.target.value)}
            data-autofocus
          />
        </Field>
      </form>
      {error ? <ErrorCallout error={error} /> : null}
    </Dialog>
  );
}
