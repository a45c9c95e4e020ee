/**
 * Roll: confirm, roll once (never retried), then show the new secret once.
 */
import { useState } from 'react';
import type { ShowOnceSecret as ShowOnceSecretValue, TokenRow } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { KeepSecretCheckbox } from '../../components/keep-secret-checkbox';
import { useAppStore } from '../../stores/app-store';
import { useTokensStore } from '../../stores/tokens-store';
import { ShowOnceSecret } from '../secret/show-once-secret';
import { verifyToken } from './token-commands';

export function RollDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
  const keepDefault = useAppStore((s) => s.settings?.keepSecretsByDefault ?? true);
  const keychainAvailable = useAppStore((s) => s.info?.keychain.available ?? true);
  const [keep, setKeep] = useState(keepDefault && keychainAvailable);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<ShowOnceSecretValue | null>(null);

  const roll = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    const reply = await useTokensStore.getState().roll(row, keep);
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    setResult(reply.value);
  };

  const uncertain = error?.code === 'UNCERTAIN';

  if (result) {
    return (
      <Dialog
        title={`New secret for ${row.name}`}
        onClose={onClose}
        size="md"
        testId="roll-dialog"
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <ShowOnceSecret result={result} action="rolled" />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={`Roll ${row.name}?`}
      description="Cloudflare issues a new secret and the current one stops working at once."
      onClose={onClose}
      dismissible={!busy}
      closable={!busy}
      size="sm"
      testId="roll-dialog"
      footer={
        <DialogFooter
          onCancel={onClose}
          busy={busy}
          // After an uncertain roll, rolling again could throw away a secret that now works.
          {...(uncertain
            ? { cancelLabel: 'Close', primary: null }
            : {
                primary: { label: 'Roll token', variant: 'danger', icon: 'roll', onClick: () => void roll() },
              })}
        />
      }
    >
      <p>Anything that uses the current secret fails until you give it the new one.</p>
      <KeepSecretCheckbox keep={keep} onChange={setKeep} keychainAvailable={keychainAvailable} />
      {error ? (
        <ErrorCallout
          error={error}
          context={{ action: 'roll' }}
          action={
            uncertain ? (
              <Button
                size="sm"
                icon="check"
                onClick={() => void verifyToken(row)}
                disabledReason={
                  row.secretKept ? null : 'The old secret is not in the keychain: sync the profile to check'
                }
              >
                Verify now
              </Button>
            ) : null
          }
        />
      ) : null}
    </Dialog>
  );
}
