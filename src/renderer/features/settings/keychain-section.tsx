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

const KIND_WORDS: Record<NonNullable<KeychainEntry['credentialKind']>, string> = {
  user_token: 'user API token',
  account_token: 'account API token',
  global_key: 'Global API Key',
};

function describe(entry: KeychainEntry): { title: string; detail: string } {
  const shortId = entry.profileId.slice(0, 8);
  if (entry.kind === 'profile') {
    return {
      title: `Login credential (${entry.credentialKind ? KIND_WORDS[entry.credentialKind] : 'unreadable'})`,
      detail: `Kept for profile ${shortId}…, which Keyflare no longer lists.`,
    };
  }
  return {
    title: `Kept secret of token ${entry.tokenId ?? ''}`,
    detail:
      entry.reason === 'unknown_profile'
        ? `Belongs to profile ${shortId}…, which Keyflare no longer lists. Re-attach that login to use it again.`
        : 'Its token is not in the last sync of its profile.',
  };
}

function ReattachForm({ entry, onDone }: { entry: KeychainEntry; onDone: () => void }): React.JSX.Element {
  const reattach = useKeychainStore((s) => s.reattach);
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState(DEFAULT_BASE_URL);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
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
    <form className="form-stack keychain-reattach" onSubmit={submit} aria-label="Re-attach as a profile">
      <Field label="Profile name">
        <input
          className="input"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          maxLength={80}
        />
      </Field>
      <Field label="API base URL" hint="Keyflare verifies the credential here before it adds the profile.">
        <input className="input mono" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required />
      </Field>
      {error ? <ErrorCallout error={error} compact /> : null}
      <div className="keychain-actions">
        <Button
          type="submit"
          variant="primary"
          size="sm"
          busy={busy}
          disabledReason={label.trim() ? null : 'Give the profile a name'}
        >
          Verify and re-attach
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function EntryRow({ entry }: { entry: KeychainEntry }): React.JSX.Element {
  const forget = useKeychainStore((s) => s.forget);
  const [mode, setMode] = useState<'idle' | 'reattach' | 'confirm'>('idle');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const words = describe(entry);
  return (
    <li className="keychain-entry" data-testid="keychain-entry">
      <div className="keychain-entry-text">
        <p className="keychain-entry-title">{words.title}</p>
        <p className="muted">{words.detail}</p>
      </div>
      {mode === 'reattach' ? (
        <ReattachForm entry={entry} onDone={() => setMode('idle')} />
      ) : mode === 'confirm' ? (
        <div className="keychain-actions" role="group" aria-label="Confirm forgetting">
          <span>Delete it from the keychain? This cannot be undone.</span>
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
            Forget
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode('idle')}>
            Keep
          </Button>
        </div>
      ) : (
        <div className="keychain-actions">
          {entry.kind === 'profile' ? (
            <Button size="sm" icon="plus" onClick={() => setMode('reattach')}>
              Re-attach
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" icon="trash" onClick={() => setMode('confirm')}>
            Forget…
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
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <section className="about" aria-labelledby="keychain-heading" data-testid="keychain-section">
      <h3 id="keychain-heading" className="wizard-subheading" tabIndex={-1} ref={heading}>
        Keychain entries without a profile
      </h3>
      {loadError ? (
        <ErrorCallout error={loadError} compact />
      ) : entries === null ? (
        <p className="muted">Reading the keychain…</p>
      ) : entries.length === 0 ? (
        <p className="muted">
          Every credential and secret Keyflare keeps belongs to a profile or a cached token.
        </p>
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
