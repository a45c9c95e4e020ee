/**
 * Manage a profile: rename, see what its credential can do, sync, replace the credential,
 * remove it (with confirmation).
 */
import { useState } from 'react';
import type { AppErrorShape, Result } from '../../../shared/errors';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { formatDateTime, plural } from '../../lib/format';
import { syncStatusOf, useProfilesStore } from '../../stores/profiles-store';
import { toast } from '../../stores/toast-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import { CapabilitiesView } from './capabilities-view';
import {
  CredentialFields,
  credentialInput,
  EMPTY_CREDENTIAL,
  issuesByPath,
  type CredentialValues,
} from './credential-fields';

/** The parts of the dialog that call main, each with its own busy state and error. */
type Task = 'rename' | 'replace' | 'remove' | 'verify';

const CREDENTIAL_WORDS = {
  user_token: 'API token',
  account_token: 'Account-owned API token',
  global_key: 'Global API Key',
} as const;

export function ProfileDialog({ profileId }: { profileId: string }): React.JSX.Element | null {
  const closeDialog = useUiStore((s) => s.closeDialog);
  const setView = useUiStore((s) => s.setView);
  const profile = useProfilesStore((s) => s.profiles.find((p) => p.id === profileId) ?? null);
  const sync = useProfilesStore((s) => s.sync);
  const status = syncStatusOf(sync, profileId);
  const store = useProfilesStore.getState;
  const [label, setLabel] = useState(profile?.label ?? '');
  const [credential, setCredential] = useState<CredentialValues>(EMPTY_CREDENTIAL);
  const [busy, setBusy] = useState<Task | null>(null);
  const [error, setError] = useState<{ where: Task; error: AppErrorShape } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  if (!profile) return null;

  /** Runs one task; its failure is shown next to the part of the dialog that asked. */
  const run = async <T,>(where: Task, action: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(where);
    setError(null);
    const result = await action();
    setBusy(null);
    if (result.ok) return result.value;
    setError({ where, error: result.error });
    return null;
  };

  const rename = async (): Promise<void> => {
    if ((await run('rename', () => store().rename(profileId, label.trim()))) !== null) {
      toast('success', `Renamed to ${label.trim()}`);
      void useTokensStore.getState().load();
    }
  };

  const replace = async (): Promise<void> => {
    const input = { profileId, credential: credentialInput(credential) };
    setCredential((current) => ({ ...current, secret: '' }));
    if ((await run('replace', () => store().replaceCredential(input))) !== null) {
      setCredential(EMPTY_CREDENTIAL);
      toast('success', `Replaced the credential of ${profile.label}`);
    }
  };

  const remove = async (): Promise<void> => {
    const name = profile.label;
    if ((await run('remove', () => store().remove(profileId))) !== null) {
      setView({ kind: 'all' });
      closeDialog();
      void useTokensStore.getState().load();
      toast('success', `Removed ${name}`);
    }
  };

  const verifyAll = async (): Promise<void> => {
    const results = await run('verify', () => useTokensStore.getState().verifyAll(profileId));
    if (results === null) return;
    const active = results.filter((r) => r.result.outcome === 'active').length;
    const problems = results.length - active;
    toast(
      problems > 0 ? 'warning' : 'success',
      `Verified ${plural(results.length, 'token')}: ${active} active${problems > 0 ? `, ${problems} with problems` : ''}`,
    );
  };

  const errorFor = (where: Task): AppErrorShape | null => (error?.where === where ? error.error : null);
  const replaceErrors = issuesByPath(
    errorFor('replace')?.code === 'VALIDATION' ? errorFor('replace')?.details?.issues : undefined,
  );

  return (
    <Dialog
      title={profile.label}
      description={[profile.email, CREDENTIAL_WORDS[profile.credentialKind], profile.baseUrl]
        .filter(Boolean)
        .join(' · ')}
      onClose={closeDialog}
      dismissible={busy === null}
      closable={busy === null}
      size="lg"
      testId="profile-dialog"
    >
      <div className="settings-grid">
        <section className="settings-section" aria-label="Name">
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void rename();
            }}
          >
            <Field label="Profile name" error={errorFor('rename')?.details?.issues?.[0]?.message ?? null}>
              <input
                className="input"
                value={label}
                maxLength={80}
                onChange={(event) => setLabel(event.target.value)}
              />
            </Field>
            <Button
              type="submit"
              busy={busy === 'rename'}
              disabledReason={
                label.trim() === profile.label || !label.trim() ? 'Type a new name first' : null
              }
            >
              Rename
            </Button>
          </form>
          {errorFor('rename') && errorFor('rename')?.code !== 'VALIDATION' ? (
            <ErrorCallout error={errorFor('rename') as AppErrorShape} compact />
          ) : null}
        </section>

        <section className="settings-section" aria-labelledby="p-sync">
          <h3 id="p-sync">Sync</h3>
          <p className="muted">
            {status.running
              ? 'Syncing now…'
              : (status.lastSuccessAt ?? profile.lastSyncAt)
                ? `Last synced ${formatDateTime(status.lastSuccessAt ?? profile.lastSyncAt)}.`
                : 'Not synced yet.'}
          </p>
          <div className="button-row button-row-start">
            <Button
              icon="sync"
              busy={status.running}
              onClick={() =>
                void store()
                  .startSync(profileId)
                  .then(() => useTokensStore.getState().load())
              }
            >
              {status.running ? 'Syncing…' : 'Sync now'}
            </Button>
            <Button
              icon="check"
              busy={busy === 'verify'}
              title="Asks Cloudflare about every token whose secret is in the keychain"
              onClick={() => void verifyAll()}
            >
              Verify kept secrets
            </Button>
          </div>
          {errorFor('verify') ? <ErrorCallout error={errorFor('verify') as AppErrorShape} compact /> : null}
        </section>

        <section className="settings-section settings-wide" aria-labelledby="p-can">
          <h3 id="p-can">What this credential can do</h3>
          <CapabilitiesView capabilities={profile.capabilities} />
        </section>

        <section className="settings-section settings-wide" aria-labelledby="p-cred">
          <h3 id="p-cred">Replace credential</h3>
          <p className="muted">
            For when the credential was rolled or revoked. The new one must belong to the same Cloudflare
            login.
          </p>
          <form
            className="form-stack"
            onSubmit={(event) => {
              event.preventDefault();
              void replace();
            }}
          >
            <CredentialFields
              values={credential}
              onChange={setCredential}
              errors={replaceErrors}
              showAccountId
            />
            <div>
              <Button
                type="submit"
                icon="key"
                busy={busy === 'replace'}
                disabledReason={credential.secret.trim() ? null : 'Paste the new credential first'}
              >
                Replace credential
              </Button>
            </div>
          </form>
          {errorFor('replace') ? <ErrorCallout error={errorFor('replace') as AppErrorShape} compact /> : null}
        </section>

        <section className="settings-section settings-wide settings-danger" aria-labelledby="p-remove">
          <h3 id="p-remove">Remove profile</h3>
          {confirmRemove ? (
            <div className="confirm-box" role="group" aria-label="Confirm removal">
              <p>
                Remove <strong>{profile.label}</strong>? Keyflare deletes its cached data and its keychain
                entries (the credential and any kept token secrets). The tokens themselves stay on Cloudflare.
              </p>
              <div className="button-row">
                <Button onClick={() => setConfirmRemove(false)} disabled={busy === 'remove'}>
                  Keep profile
                </Button>
                <Button variant="danger" icon="trash" busy={busy === 'remove'} onClick={() => void remove()}>
                  Remove {profile.label}
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
          {errorFor('remove') ? <ErrorCallout error={errorFor('remove') as AppErrorShape} compact /> : null}
        </section>
      </div>
    </Dialog>
  );
}
