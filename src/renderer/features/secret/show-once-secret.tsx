/**
 * The show-once secret: the only screen that ever holds a token secret.
 *
 * The secret lives in the parent's component state for as long as this panel is open and is
 * dropped when it closes; it never enters a store, storage or a log. Copies go through main
 * (clipboard.copy), which writes the clipboard itself and clears it after the configured time.
 */
import { useId, useRef, useState } from 'react';
import type { ShowOnceSecret as ShowOnceSecretValue } from '../../../shared/domain';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { copyToken } from '../token-detail/token-commands';

export interface ShowOnceSecretProps {
  result: ShowOnceSecretValue;
  /** "created" or "rolled", for the headline. */
  action: 'created' | 'rolled';
}

export function ShowOnceSecret({ result, action }: ShowOnceSecretProps): React.JSX.Element {
  const secretId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copyFailed, setCopyFailed] = useState(false);
  const { token } = result;

  const copy = async (format: 'secret' | 'curl_secret' | 'curl_env'): Promise<void> => {
    const ok = await copyToken(token, format);
    if (!ok && format !== 'curl_env') {
      setCopyFailed(true);
      field.current?.select();
    }
  };

  return (
    <div className="secret-panel" data-testid="show-once-secret">
      <div className="secret-headline">
        <span className="secret-headline-icon" aria-hidden="true">
          <Icon name="check" size={18} />
        </span>
        <div>
          <p className="secret-title">
            {action === 'created' ? `${token.name} is ready` : `${token.name} has a new secret`}
          </p>
          <p className="muted">
            {action === 'created'
              ? `${token.kind === 'user' ? 'User token' : `Account-owned token of ${token.accountName ?? 'the account'}`} in ${token.profileLabel}.`
              : 'The previous secret has stopped working.'}
          </p>
        </div>
      </div>

      <div className="callout callout-warn callout-compact" role="note">
        <Icon name="alert" className="callout-icon" />
        <div className="callout-body">
          <p className="callout-title">Copy the secret now: it will not be shown again</p>
          <p className="callout-text">
            Cloudflare returns a token’s secret only once. Keyflare does not keep a copy on screen or on disk.
          </p>
        </div>
      </div>

      <label htmlFor={secretId} className="field-label">
        Token secret
      </label>
      <div className="secret-box">
        <input
          ref={field}
          id={secretId}
          className="input mono secret-input"
          readOnly
          value={result.secret}
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
          data-testid="secret-value"
        />
        <Button variant="primary" icon="copy" onClick={() => void copy('secret')}>
          Copy secret
        </Button>
      </div>
      {copyFailed ? (
        <p className="field-hint">The secret is selected: press Ctrl+C (⌘C on macOS) to copy it yourself.</p>
      ) : null}
      <div className="secret-actions">
        <Button size="sm" icon="terminal" onClick={() => void copy('curl_secret')}>
          Copy curl with secret
        </Button>
        <Button size="sm" icon="terminal" onClick={() => void copy('curl_env')}>
          Copy curl with $CLOUDFLARE_API_TOKEN
        </Button>
      </div>

      <p
        className={`keychain-note${result.keptInKeychain ? ' keychain-note-ok' : ''}`}
        data-testid="keychain-note"
      >
        <Icon name={result.keptInKeychain ? 'lock' : 'info'} size={14} />
        {result.keptInKeychain
          ? 'Kept in the keychain: you can copy or verify it later from the token’s panel.'
          : result.keychainError
            ? `Not kept in the keychain: ${result.keychainError}`
            : 'Not kept in the keychain, as you chose.'}
      </p>
    </div>
  );
}
