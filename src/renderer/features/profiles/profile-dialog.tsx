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
import type { MessageKey } from '../../../shared/i18n';
import { formatDateTime } from '../../lib/format';
import { useT } from '../../lib/i18n';
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
  user_token: 'profiles.credential.apiToken',
  account_token: 'profiles.credential.accountToken',
  global_key: 'profiles.credential.globalKey',
} as const satisfies Record<string, MessageKey>;

export function ProfileDialog({ profileId }: { profileId: string }): React.JSX.Element | null {
  const t = useT();
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
      toast('success', t('profiles.toast.renamed', { label: label.trim() }));
      void useTokensStore.getState().load();
    }
  };

  const replace = async (): Promise<void> => {
    const input = { profileId, credential: credentialInput(credential) };
    setCredential((current) => ({ ...current, secret: '' }));
    if ((await run('replace', () => store().replaceCredential(input))) !== null) {
      setCredential(EMPTY_CREDENTIAL);
      toast('success', t('profiles.toast.replaced', { label: profile.label }));
    }
  };

  const remove = async (): Promise<void> => {
    const name = profile.label;
    if ((await run('remove', () => store().remove(profileId))) !== null) {
      setView({ kind: 'all' });
      closeDialog();
      void useTokensStore.getState().load();
      toast('success', t('profiles.toast.removed', { label: name }));
    }
  };

  const verifyAll = async (): Promise<void> => {
    const results = await run('verify', () => useTokensStore.getState().verifyAll(profileId));
    if (results === null) return;
    const active = results.filter((r) => r.result.outcome === 'active').length;
    const problems = results.length - active;
    toast(
      problems > 0 ? 'warning' : 'success',
      t('profiles.toast.verified', { count: results.length, active, problems }),
    );
  };

  const replaceErrors = issuesByPath(
    errorFor('replace')?.code === 'VALIDATION' ? errorFor('replace')?.details?.issues : undefined,
  );

  return (
    <Dialog
      title={profile.label}
      description={[profile.email, t(CREDENTIAL_WORDS[profile.credentialKind]), profile.baseUrl]
        .filter(Boolean)
        .join(' · ')}
      onClose={closeDialog}
      dismissible={busy === null}
      closable={busy === null}
      size="lg"
      testId="profile-dialog"
    >
      <div className="settings-grid">
        <section className="settings-section" aria-label={t('profiles.dialog.nameSection')}>
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void rename();
            }}
          >
            <Field
              label={t('profiles.name')}
              error={errorFor('rename')?.details?.issues?.[0]?.message ?? null}
            >
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
                label.trim() === profile.label || !label.trim() ? t('profiles.dialog.typeName') : null
              }
            >
              {t('profiles.dialog.rename')}
            </Button>
          </form>
          {errorFor('rename') && errorFor('rename')?.code !== 'VALIDATION' ? (
            <ErrorCallout error={errorFor('rename') as AppErrorShape} compact />
          ) : null}
        </section>

        <section className="settings-section" aria-labelledby="p-sync">
          <h3 id="p-sync">{t('profiles.dialog.sync')}</h3>
          <p className="muted">
            {status.running
              ? t('profiles.dialog.syncingNow')
              : (status.lastSuccessAt ?? profile.lastSyncAt)
                ? t('profiles.dialog.lastSynced', {
                    when: formatDateTime(status.lastSuccessAt ?? profile.lastSyncAt) ?? '',
                  })
                : t('profiles.dialog.notSynced')}
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
              {status.running ? t('profiles.dialog.syncing') : t('profiles.dialog.syncNow')}
            </Button>
            <Button
              icon="check"
              busy={busy === 'verify'}
              title={t('profiles.dialog.verifyHint')}
              onClick={() => void verifyAll()}
            >
              {t('profiles.dialog.verify')}
            </Button>
          </div>
          {errorFor('verify') ? <ErrorCallout error={errorFor('verify') as AppErrorShape} compact /> : null}
        </section>

        <section className="settings-section settings-wide" aria-labelledby="p-can">
          <h3 id="p-can">{t('profiles.capabilities.heading')}</h3>
          <CapabilitiesView capabilities={profile.capabilities} />
        </section>

        <section className="settings-section settings-wide" aria-labelledby="p-cred">
          <h3 id="p-cred">{t('profiles.dialog.replace')}</h3>
          <p className="muted">{t('profiles.dialog.replaceText')}</p>
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
                disabledReason={credential.secret.trim() ? null : t('profiles.dialog.pasteFirst')}
              >
                {t('profiles.dialog.replace')}
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
