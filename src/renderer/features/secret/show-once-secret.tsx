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
import { useT } from '../../lib/i18n';
import { copyToken } from '../token-detail/token-commands';

export interface ShowOnceSecretProps {
  result: ShowOnceSecretValue;
  /** "created" or "rolled", for the headline. */
  action: 'created' | 'rolled';
}

export function ShowOnceSecret({ result, action }: ShowOnceSecretProps): React.JSX.Element {
  const t = useT();
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
            {t(action === 'created' ? 'secret.ready' : 'secret.rolled', { name: token.name })}
          </p>
          <p className="muted">
            {action === 'rolled'
              ? t('secret.previousStopped')
              : token.kind === 'user'
                ? t('secret.userTokenIn', { profile: token.profileLabel })
                : token.accountName
                  ? t('secret.accountTokenIn', { account: token.accountName, profile: token.profileLabel })
                  : t('secret.accountTokenInUnnamed', { profile: token.profileLabel })}
          </p>
        </div>
      </div>

      <div className="callout callout-warn callout-compact" role="note">
        <Icon name="alert" className="callout-icon" />
        <div className="callout-body">
          <p className="callout-title">{t('secret.copyNow')}</p>
          <p className="callout-text">{t('secret.onlyOnce')}</p>
        </div>
      </div>

      <label htmlFor={secretId} className="field-label">
        {t('secret.label')}
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
          {t('secret.copy')}
        </Button>
      </div>
      {copyFailed ? <p className="field-hint">{t('secret.copyYourself')}</p> : null}
      <div className="secret-actions">
        <Button size="sm" icon="terminal" onClick={() => void copy('curl_secret')}>
          {t('secret.copyCurl')}
        </Button>
        <Button size="sm" icon="terminal" onClick={() => void copy('curl_env')}>
          {t('secret.copyCurlEnv')}
        </Button>
      </div>

      <p
        className={`keychain-note${result.keptInKeychain ? ' keychain-note-ok' : ''}`}
        data-testid="keychain-note"
      >
        <Icon name={result.keptInKeychain ? 'lock' : 'info'} size={14} />
        {result.keptInKeychain
          ? t('secret.kept')
          : result.keychainError
            ? t('secret.notKeptError', { reason: result.keychainError })
            : t('secret.notKept')}
      </p>
    </div>
  );
}
