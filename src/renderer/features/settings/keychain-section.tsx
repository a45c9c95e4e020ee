/**
 * Settings → Keychain: Keyflare's keychain entries that no profile or cached token refers to.
 *
 * After the profile list was damaged, or a kept secret's token vanished, the keychain still holds
 * credentials and secrets no other screen shows. Each is listed by what it is (never its value):
 * a profile credential can be re-attached as a profile (name and API address, verified with
 * Cloudflare before it is used) or forgotten; a kept token secret can be forgotten. Nothing is
 * deleted unless the user says so here.
 */
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_BASE_URL, type KeychainEntry } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { Button } from '../../components/button';
import { ErrorCallout } from '../../components/error-callout';
import { Field } from '../../components/field';
import { useKeychainStore } from '../../stores/keychain-store';
import type { Translate } from '../../../shared/i18n';
import { useT } from '../../lib/i18n';

function describe(entry: KeychainEntry, t: Translate): { title: string; detail: string } {
  const shortId = entry.profileId.slice(0, 8);
  if (entry.kind === 'profile') {
    return {
      title: t('settings.keychain.profileTitle', {
        kind: t(`settings.keychain.kind.${entry.credentialKind ?? 'unreadable'}`),
      }),
      detail: t('settings.keychain.profileDetail', { shortId }),
    };
  }
  return {
    title: t('settings.keychain.tokenTitle', { tokenId: entry.tokenId ?? '' }),
    detail:
      entry.reason === 'unknown_profile'
        ? t('settings.keychain.tokenUnknownProfile', { shortId })
        : t('settings.keychain.tokenUnknownToken'),
  };
}

function ReattachForm({ entry, onDone }: { entry: KeychainEntry; onDone: () => void }): React.JSX.Element {
  const reattach = useKeychainStore((s) => s.reattach);
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState(DEFAULT_BASE_URL);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const t = useT();
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    void reattach({ profileId: entry.profileId, label: label.trim(), baseUrl: baseUrl.trim() }).then(
      (result) => {
        setBusy(false);
        if (result.ok) onDone();
        else setError(result.error);
      },
    );
  };
  return (
    <form
      className="form-stack keychain-reattach"
      onSubmit={submit}
      aria-label={t('settings.keychain.reattachForm')}
    >
      <Field label={t('settings.keychain.profileName')}>
        <input
          className="input"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          maxLength={80}
        />
      </Field>
      <Field label={t('settings.keychain.baseUrl')} hint={t('settings.keychain.baseUrlHint')}>
        <input className="input mono" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required />
      </Field>
      {error ? <ErrorCallout error={error} compact /> : null}
      <div className="keychain-actions">
        <Button
          type="submit"
          variant="primary"
          size="sm"
          busy={busy}
          disabledReason={label.trim() ? null : t('settings.keychain.nameNeeded')}
        >
          {t('settings.keychain.verifyReattach')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          {t('settings.keychain.cancel')}
        </Button>
      </div>
    </form>
  );
}

function EntryRow({ entry }: { entry: KeychainEntry }): React.JSX.Element {
  const forget = useKeychainStore((s) => s.forget);
  const [mode, setMode] = useState<'idle' | 'reattach' | 'confirm'>('idle');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const t = useT();
  const words = describe(entry, t);
  return (
    <li className="keychain-entry" data-testid="keychain-entry">
      <div className="keychain-entry-text">
        <p className="keychain-entry-title">{words.title}</p>
        <p className="muted">{words.detail}</p>
      </div>
      {mode === 'reattach' ? (
        <ReattachForm entry={entry} onDone={() => setMode('idle')} />
      ) : mode === 'confirm' ? (
        <div className="keychain-actions" role="group" aria-label={t('settings.keychain.confirmGroup')}>
          <span>{t('settings.keychain.confirmText')}</span>
          <Button
            size="sm"
            variant="danger"
            onClick={() =>
              void forget(entry).then((result) => {
                if (!result.ok) setError(result.error);
                setMode('idle');
              })
            }
          >
            {t('settings.keychain.forget')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode('idle')}>
            {t('settings.keychain.keep')}
          </Button>
        </div>
      ) : (
        <div className="keychain-actions">
          {entry.kind === 'profile' ? (
            <Button size="sm" icon="plus" onClick={() => setMode('reattach')}>
              {t('settings.keychain.reattach')}
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" icon="trash" onClick={() => setMode('confirm')}>
            {t('settings.keychain.forgetMenu')}
          </Button>
        </div>
      )}
      {error ? <ErrorCallout error={error} compact /> : null}
    </li>
  );
}

export function KeychainSection({ focus }: { focus: boolean }): React.JSX.Element {
  const entries = useKeychainStore((s) => s.entries);
  const loadError = useKeychainStore((s) => s.loadError);
  const load = useKeychainStore((s) => s.load);
  const heading = useRef<HTMLHeadingElement>(null);
  const t = useT();
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section className="about" aria-labelledby="keychain-heading" data-testid="keychain-section">
      <h3 id="keychain-heading" className="wizard-subheading" tabIndex={-1} ref={heading}>
        {t('settings.keychain.heading')}
      </h3>
      {loadError ? (
        <ErrorCallout error={loadError} compact />
      ) : entries === null ? (
        <p className="muted">{t('settings.keychain.reading')}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('settings.keychain.none')}</p>
      ) : (
        <ul className="keychain-list">
          {entries.map((entry) => (
            <EntryRow key={`${entry.profileId}:${entry.tokenId ?? ''}`} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
