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
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';

export function AdoptDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
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
    toast('success', `The secret of ${row.name} is now kept in the keychain`);
    onClose();
  };

  return (
    <Dialog
      title={`Adopt the secret of ${row.name}`}
      description="Paste the secret you already have. Keyflare checks that it belongs to this token, then keeps it in the system keychain."
      onClose={onClose}
      dismissible={!busy}
      closable={!busy}
      size="sm"
      testId="adopt-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          busy={busy}
          primary={{ label: 'Adopt secret', icon: 'key', form: 'adopt-form' }}
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
        <Field
          label="Token secret"
          hint="It is never shown again and never leaves the keychain except to call Cloudflare or fill your clipboard."
        >
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
