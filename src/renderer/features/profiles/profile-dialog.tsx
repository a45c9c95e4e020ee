/**
 * Manage a profile: rename, see what its credential can do, sync, replace the credential,
 * remove it (with confirmation).
 */
import { useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
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
import { RemoveProfileSection } from './remove-profile-section';
import { useProfileTasks } from './use-profile-tasks';
import {
  CredentialFields,
  credentialInput,
  EMPTY_CREDENTIAL,
  issuesByPath,
  type CredentialValues,
} from './credential-fields';

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
  const { busy, run, errorFor } = useProfileTasks();

  if (!profile) return null;

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

        <RemoveProfileSection
          label={profile.label}
          busy={busy === 'remove'}
          error={errorFor('remove')}
          onRemove={() => void remove()}
        />
      </div>
    </Dialog>
  );
}
