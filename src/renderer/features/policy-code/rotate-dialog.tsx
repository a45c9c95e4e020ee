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
import { useAppStore } from '../../stores/app-store';
import { ShowOnceSecret } from '../secret/show-once-secret';
import { policyCode } from './policy-code-api';

const OPEN: Rotation['state'][] = ['creating', 'awaiting_confirmation', 'retiring'];

export function RotateDialog({ row, onClose }: { row: TokenRow; onClose: () => void }): React.JSX.Element {
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
  const close = <Button onClick={onClose}>{rotation?.state === 'done' ? 'Done' : 'Close'}</Button>;

  if (!loaded) {
    body = (
      <p className="loading-state" role="status">
        <span className="spinner" aria-hidden="true" /> Looking for a rotation under way…
      </p>
    );
    footer = close;
  } else if (created) {
    body = (
      <>
        <ShowOnceSecret result={created} action="created" />
        <p className="rotate-next">
          Next: put this secret wherever “{row.name}” is used (CI secrets, environment variables, .env files,
          other machines). The old token keeps working meanwhile.
        </p>
      </>
    );
    footer = (
      <Button variant="primary" iconAfter="chevron-right" onClick={() => setCreated(null)}>
        I have the new secret
      </Button>
    );
  } else if (rotation && rotation.uncertain) {
    body = (
      <p className="callout callout-warn" role="status">
        {rotation.message}
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
          Check with Cloudflare
        </Button>
      </>
    );
  } else if (rotation && rotation.state === 'awaiting_confirmation') {
    body = (
      <>
        <p role="status">{rotation.message}</p>
        <p className="muted">
          {row.lastUsedOn
            ? `Cloudflare last saw “${row.name}” used ${formatRelative(row.lastUsedOn) ?? ''}, as of the last sync.`
            : `Cloudflare has never seen “${row.name}” used, as of the last sync.`}
        </p>
        <fieldset className="rotate-retire">
          <legend className="field-label">Then the old token is</legend>
          {(['disable', 'delete'] as const).map((choice) => (
            <label key={choice} className="checkbox">
              <input
                type="radio"
                name="retire"
                checked={action === choice}
                onChange={() => setAction(choice)}
              />
              {choice === 'disable' ? 'disabled (can be enabled again)' : 'deleted (cannot be undone)'}
            </label>
          ))}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
          />
          Nothing uses “{row.name}” any more: every place has the new secret.
        </label>
      </>
    );
    footer = (
      <>
        <Button busy={busy} onClick={() => void run(() => policyCode.cancel(rotation.id), setRotation)}>
          Cancel rotation
        </Button>
        <Button
          variant={action === 'delete' ? 'danger' : 'primary'}
          icon={action === 'delete' ? 'trash' : 'power'}
          busy={busy}
          disabledReason={confirmed ? null : 'Confirm that nothing uses the old token first'}
          onClick={() => void run(() => policyCode.retire(rotation.id, action), setRotation)}
        >
          {action === 'delete' ? 'Delete the old token' : 'Disable the old token'}
        </Button>
      </>
    );
  } else if (rotation && (rotation.state === 'done' || rotation.state === 'cancelled')) {
    body = <p role="status">{rotation.message}</p>;
    footer = close;
  } else {
    body = (
      <>
        <ol className="rotate-steps">
          <li>Keyflare creates a new token with the same permissions, resources, IP filter and dates.</li>
          <li>
            You see its secret once and put it wherever “{row.name}” is used. The old token keeps working.
          </li>
          <li>When nothing uses the old token any more, Keyflare disables or deletes it.</li>
        </ol>
        <KeepSecretCheckbox keep={keep} onChange={setKeep} keychainAvailable={keychainAvailable} />
      </>
    );
    footer = (
      <>
        {close}
        <Button variant="primary" icon="roll" busy={busy} onClick={() => void start()}>
          Create the new token
        </Button>
      </>
    );
  }

  return (
    <Dialog
      title={`Rotate ${row.name} with overlap`}
      description="Replaces the token without breaking what uses it."
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
