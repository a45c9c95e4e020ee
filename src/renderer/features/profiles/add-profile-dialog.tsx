/**
 * Add a profile: a label, a credential (checked by Cloudflare), and optionally another API
 * base URL. Afterwards it shows what the credential can do, and the first sync starts.
 */
import { useEffect, useState } from 'react';
import type { Profile } from '../../../shared/domain';
import { DEFAULT_BASE_URL } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { DialogFooter } from '../../components/dialog-footer';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useT } from '../../lib/i18n';
import type { MessageKey } from '../../../shared/i18n/message';
import { useAppStore } from '../../stores/app-store';
import { useProfilesStore } from '../../stores/profiles-store';
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

export function AddProfileDialog(): React.JSX.Element {
  const t = useT();
  const closeDialog = useUiStore((s) => s.closeDialog);
  const setView = useUiStore((s) => s.setView);
  const add = useProfilesStore((s) => s.add);
  const startSync = useProfilesStore((s) => s.startSync);
  const [label, setLabel] = useState('');
  const [credential, setCredential] = useState<CredentialValues>(EMPTY_CREDENTIAL);
  const [baseUrl, setBaseUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [added, setAdded] = useState<Profile | null>(null);
  const keychain = useAppStore((s) => s.info?.keychain ?? null);
  const keychainDown = keychain !== null && !keychain.available;
  useEffect(() => {
    void useAppStore.getState().refreshInfo();
  }, []);

  const submit = async (): Promise<void> => {
    const input = {
      label: label.trim(),
      credential: credentialInput(credential),
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
    };
    // The secret leaves the form now and is not kept anywhere in the renderer.
    setCredential((current) => ({ ...current, secret: '' }));
    setBusy(true);
    setError(null);
    const result = await add(input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const profile = result.value;
    setAdded(profile);
    setView({ kind: 'profile', profileId: profile.id });
    void startSync(profile.id).then(() => useTokensStore.getState().load());
  };

  if (added) {
    return (
      <Dialog
        title={t('profiles.add.ready', { label: added.label })}
        description={t('profiles.add.readyText')}
        onClose={closeDialog}
        size="md"
        testId="add-profile-dialog"
        footer={
          <Button variant="primary" onClick={closeDialog} data-autofocus>
            {t('profiles.add.done')}
          </Button>
        }
      >
        <h3 className="wizard-subheading">{t('profiles.capabilities.heading')}</h3>
        <CapabilitiesView capabilities={added.capabilities} />
      </Dialog>
    );
  }

  const fieldErrors = issuesByPath(error?.code === 'VALIDATION' ? error.details?.issues : undefined);
  return (
    <Dialog
      title={t('profiles.add.title')}
      description={t('profiles.add.description')}
      onClose={closeDialog}
      dismissible={!busy}
      closable={!busy}
      size="md"
      testId="add-profile-dialog"
      footer={
        <DialogFooter
          onCancel={closeDialog}
          busy={busy}
          primary={{
            label: busy ? t('profiles.add.checking') : t('profiles.add.submit'),
            form: 'add-profile-form',
            disabledReason: keychainDown ? t('profiles.add.keychainDown') : null,
          }}
        />
      }
    >
      {keychainDown ? (
        <ErrorCallout
          error={{
            code: 'KEYCHAIN_UNAVAILABLE',
            message: '',
            ...(keychain?.message
              ? { key: keychain.message.key as MessageKey, params: keychain.message.params ?? {} }
              : {}),
          }}
          compact
        />
      ) : null}
      <form
        id="add-profile-form"
        className="form-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && !keychainDown) void submit();
        }}
      >
        <Field
          label={t('profiles.name')}
          hint={t('profiles.add.nameHint')}
          error={fieldErrors['label'] ?? null}
        >
          <input
            className="input"
            value={label}
            maxLength={80}
            onChange={(event) => setLabel(event.target.value)}
            data-autofocus
          />
        </Field>
        <CredentialFields
          values={credential}
          onChange={setCredential}
          errors={fieldErrors}
          showAccountId={false}
        />
        <details className="advanced">
          <summary>{t('profiles.add.advanced')}</summary>
          <div className="form-stack">
            <Field
              label={t('profiles.add.baseUrl')}
              optional
              hint={t('profiles.add.baseUrlHint', { url: DEFAULT_BASE_URL })}
              error={fieldErrors['baseUrl'] ?? null}
            >
              <input
                className="input mono"
                inputMode="url"
                placeholder={DEFAULT_BASE_URL}
                value={baseUrl}
                onChange={(event) => setBaseUrl(event.target.value)}
              />
            </Field>
            {credential.type === 'api_token' ? (
              <Field
                label={t('profiles.credential.accountId')}
                optional
                hint={t('profiles.credential.accountIdHint')}
                error={fieldErrors['credential.accountId'] ?? null}
              >
                <input
                  className="input mono"
                  autoComplete="off"
                  spellCheck={false}
                  value={credential.accountId}
                  onChange={(event) => setCredential({ ...credential, accountId: event.target.value })}
                />
              </Field>
            ) : null}
          </div>
        </details>
      </form>
      {error ? <ErrorCallout error={error} /> : null}
    </Dialog>
  );
}
