/**
 * Delete: the user types the token's name to confirm; the delete is sent once.
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

export function DeleteDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const matches = typed.trim() === row.name.trim();

  const remove = async (): Promise<void> => {
    if (!matches) return;
    setBusy(true);
    setError(null);
    const reply = await useTokensStore.getState().deleteToken(row);
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    toast('success', `Deleted ${row.name}`);
    onClose();
  };

  return (
    <Dialog
      title={`Delete ${row.name}?`}
      description="Anything that uses this token stops working. This cannot be undone."
      onClose={onClose}
      dismissible={!busy}
      closable={!busy}
      size="sm"
      testId="delete-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          busy={busy}
          primary={{
            label: 'Delete token',
            variant: 'danger',
            icon: 'trash',
            disabledReason: matches ? null : 'Type the token’s name to confirm',
            onClick: () => void remove(),
          }}
        />
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void remove();
        }}
      >
        <Field
          label={
            <>
              Type <strong className="mono">{row.name}</strong> to confirm
            </>
          }
        >
          <input
            className="input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
            data-autofocus
          />
        </Field>
      </form>
      {error ? <ErrorCallout error={error} context={{ action: 'deletion' }} /> : null}
    </Dialog>
  );
}
