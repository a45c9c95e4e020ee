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
import { useT } from '../../lib/i18n';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';

/** "Type <name> to confirm" as one sentence of the catalogue, the name set in bold. */
function NameInSentence({ name }: { name: string }): React.JSX.Element {
  const t = useT();
  const marker = '\u2063';
  const [before = '', after = ''] = t('tokenDetail.delete.typeToConfirm', { name: marker }).split(marker);
  return (
    <>
      {before}
      <strong className="mono">{name}</strong>
      {after}
    </>
  );
}

export function DeleteDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
  const t = useT();
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
    toast('success', t('tokenDetail.delete.done', { name: row.name }));
    onClose();
  };

  return (
    <Dialog
      title={t('tokenDetail.delete.title', { name: row.name })}
      description={t('tokenDetail.delete.description')}
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
            label: t('tokenDetail.delete.submit'),
            variant: 'danger',
            icon: 'trash',
            disabledReason: matches ? null : t('tokenDetail.delete.typeName'),
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
        <Field label={<NameInSentence name={row.name} />}>
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
