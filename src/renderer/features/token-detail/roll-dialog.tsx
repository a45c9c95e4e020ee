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
import { useT } from '../../lib/i18n';
import { useAppStore } from '../../stores/app-store';
import { useTokensStore } from '../../stores/tokens-store';
import { ShowOnceSecret } from '../secret/show-once-secret';
import { verifyToken } from './token-commands';

export function RollDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
  const t = useT();
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
        title={t('tokenDetail.roll.newSecret', { name: row.name })}
        onClose={onClose}
        size="md"
        testId="roll-dialog"
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('common.actions.done')}
          </Button>
        }
      >
        <ShowOnceSecret result={result} action="rolled" />
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('tokenDetail.roll.title', { name: row.name })}
      description={t('tokenDetail.roll.description')}
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
            ? { cancelLabel: t('common.actions.close'), primary: null }
            : {
                primary: {
                  label: t('tokenDetail.roll.submit'),
                  variant: 'danger',
                  icon: 'roll',
                  onClick: () => void roll(),
                },
              })}
        />
      }
    >
      <p>{t('tokenDetail.roll.body')}</p>
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
                disabledReason={row.secretKept ? null : t('tokenDetail.roll.oldSecretMissing')}
              >
                {t('tokenDetail.roll.verifyNow')}
              </Button>
            ) : null
          }
        />
      ) : null}
    </Dialog>
  );
}
