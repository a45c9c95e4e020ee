/**
 * Rotate with overlap: create a duplicate, show its secret once, let the user update whatever uses
 * the old token (which keeps working), then disable or delete the old one on their confirmation.
 *
 * Main keeps the rotation's step, so closing this dialog at any point loses nothing: opening it
 * again picks the open rotation up, and a step whose reply never arrived is checked with
 * Cloudflare (reads only) before anything else is offered. The secret lives in component state
 * only while its panel is open.
 */
import { useEffect, useState } from 'react';
import type { ShowOnceSecret as ShowOnceSecretValue, TokenRow } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import type { Rotation } from '../../../shared/export/export-schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorCallout } from '../../components/error-callout';
import { KeepSecretCheckbox } from '../../components/keep-secret-checkbox';
import { formatRelative } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
import { useAppStore } from '../../stores/app-store';
import { ShowOnceSecret } from '../secret/show-once-secret';
import { policyCode } from './policy-code-api';

const OPEN: Rotation['state'][] = ['creating', 'awaiting_confirmation', 'retiring'];
const RETIRE_CHOICES = ['disable', 'delete'] as const;

export function RotateDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
  const t = useT();
  const keepDefault = useAppStore((s) => s.settings?.keepSecretsByDefault ?? true);
  const keychainAvailable = useAppStore((s) => s.info?.keychain.available ?? true);
  const [keep, setKeep] = useState(keepDefault && keychainAvailable);
  const [rotation, setRotation] = useState<Rotation | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [created, setCreated] = useState<ShowOnceSecretValue | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [action, setAction] = useState<'disable' | 'delete'>('disable');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void policyCode.rotations(row.id).then((reply) => {
      if (!live) return;
      if (reply.ok)
        setRotation(reply.value.find((r) => r.oldTokenId === row.id && OPEN.includes(r.state)) ?? null);
      else setError(reply.error);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [row.id]);

  const run = async <T,>(
    request: () => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>,
    then: (value: T) => void,
  ): Promise<void> => {
    setBusy(true);
    setError(null);
    const reply = await request();
    setBusy(false);
    if (reply.ok) then(reply.value);
    else {
      setError(reply.error);
      // The step may now be uncertain: show what main recorded.
      const listed = await policyCode.rotations(row.id);
      if (listed.ok)
        setRotation(listed.value.find((r) => r.oldTokenId === row.id && OPEN.includes(r.state)) ?? null);
    }
  };

  const start = (): Promise<void> =>
    run(
      () => policyCode.startRotation({ profileId: row.profileId, tokenId: row.id, keepSecret: keep }),
      (value) => {
        setRotation(value.rotation);
        setCreated(value.created);
      },
    );

  let body: React.JSX.Element;
  let footer: React.JSX.Element;
  const close = (
    <Button onClick={onClose}>
      {rotation?.state === 'done' ? t('policyCode.rotate.done') : t('common.actions.close')}
    </Button>
  );

  if (!loaded) {
    body = (
      <p className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> {t('policyCode.rotate.looking')}
      </p>
    );
    footer = close;
  } else if (created) {
    body = (
      <>
        <ShowOnceSecret result={created} action="created" />
        <p className="rotate-next">{t('policyCode.rotate.next', { name: row.name })}</p>
      </>
    );
    footer = (
      <Button variant="primary" iconAfter="chevron-right" onClick={() => setCreated(null)}>
        {t('policyCode.rotate.haveSecret')}
      </Button>
    );
  } else if (rotation && rotation.uncertain) {
    body = (
      <p className="callout callout-warn" role="status">
        {messageSentence(rotation.message)}
      </p>
    );
    footer = (
      <>
        {close}
        <Button
          variant="primary"
          icon="sync"
          busy={busy}
          onClick={() => void run(() => policyCode.resume(rotation.id), setRotation)}
        >
          {t('policyCode.rotate.check')}
        </Button>
      </>
    );
  } else if (rotation && rotation.state === 'awaiting_confirmation') {
    body = (
      <>
        <p role="status">{messageSentence(rotation.message)}</p>
        <p className="muted">
          {row.lastUsedOn
            ? t('policyCode.rotate.lastUsed', { name: row.name, when: formatRelative(row.lastUsedOn) ?? '' })
            : t('policyCode.rotate.neverUsed', { name: row.name })}
        </p>
        <fieldset className="rotate-retire">
          <legend className="field-label">{t('policyCode.rotate.then')}</legend>
          {RETIRE_CHOICES.map((choice) => (
            <label key={choice} className="checkbox">
              <input
                type="radio"
                name="retire"
                checked={action === choice}
                onChange={() => setAction(choice)}
              />
              {choice === 'disable' ? t('policyCode.rotate.thenDisable') : t('policyCode.rotate.thenDelete')}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          {t('policyCode.rotate.confirm', { name: row.name })}
        </label>
      </>
    );
    footer = (
      <>
        <Button busy={busy} onClick={() => void run(() => policyCode.cancel(rotation.id), setRotation)}>
          {t('policyCode.rotate.cancel')}
        </Button>
        <Button
          variant={action === 'delete' ? 'danger' : 'primary'}
          icon={action === 'delete' ? 'trash' : 'power'}
          busy={busy}
          disabledReason={confirmed ? null : t('policyCode.rotate.confirmFirst')}
          onClick={() => void run(() => policyCode.retire(rotation.id, action), setRotation)}
        >
          {action === 'delete' ? t('policyCode.rotate.deleteOld') : t('policyCode.rotate.disableOld')}
        </Button>
      </>
    );
  } else if (rotation && (rotation.state === 'done' || rotation.state === 'cancelled')) {
    body = <p role="status">{messageSentence(rotation.message)}</p>;
    footer = close;
  } else {
    body = (
      <>
        <ol className="rotate-steps">
          <li>{t('policyCode.rotate.step1')}</li>
          <li>{t('policyCode.rotate.step2', { name: row.name })}</li>
          <li>{t('policyCode.rotate.step3')}</li>
        </ol>
        <KeepSecretCheckbox keep={keep} onChange={setKeep} keychainAvailable={keychainAvailable} />
      </>
    );
    footer = (
      <>
        {close}
        <Button variant="primary" icon="roll" busy={busy} onClick={() => void start()}>
          {t('policyCode.rotate.create')}
        </Button>
      </>
    );
  }

  return (
    <Dialog
      title={t('policyCode.rotate.title', { name: row.name })}
      description={t('policyCode.rotate.description')}
      onClose={onClose}
      dismissible={!busy && !created}
      closable={!busy}
      size="md"
      testId="rotate-dialog"
      footer={footer}
    >
      {body}
      {error ? <ErrorCallout error={error} compact /> : null}
    </Dialog>
  );
}
