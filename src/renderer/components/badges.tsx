/**
 * Small status words with colour: token status, kind, verify result, secret kept.
 *
 * Colour is never the only signal: every badge has its word, and icons are decorative.
 */
import type { TokenKind, TokenStatus, VerifyResult } from '../../shared/domain';
import type { MessageKey } from '../../shared/i18n';
import { formatRelative } from '../lib/format';
import { useT } from '../lib/i18n';
import { messageSentence } from '../lib/message-sentence';
import { Icon } from './icons';

const STATUS_TONE: Record<TokenStatus, string> = { active: 'ok', disabled: 'neutral', expired: 'danger' };
/** A token's status in words: the table, the panel and the filter's options say it alike. */
export const STATUS_WORD: Record<TokenStatus, MessageKey> = {
  active: 'common.status.active',
  disabled: 'common.status.disabled',
  expired: 'common.status.expired',
};

export function StatusBadge({ status }: { status: TokenStatus }): React.JSX.Element {
  const t = useT();
  return (
    <span className={`badge badge-${STATUS_TONE[status]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(STATUS_WORD[status])}
    </span>
  );
}

export function KindBadge({ kind }: { kind: TokenKind }): React.JSX.Element {
  const t = useT();
  return (
    <span className="kind-label">{t(kind === 'user' ? 'common.kind.user' : 'common.kind.account')}</span>
  );
}

const VERIFY_TONE: Record<VerifyResult['outcome'], string> = {
  active: 'ok',
  disabled: 'neutral',
  expired: 'danger',
  not_yet_valid: 'info',
  invalid: 'danger',
  network_error: 'warn',
};

export const VERIFY_WORD: Record<VerifyResult['outcome'], MessageKey> = {
  active: 'common.verify.active',
  disabled: 'common.verify.disabled',
  expired: 'common.verify.expired',
  not_yet_valid: 'common.verify.notYetValid',
  invalid: 'common.verify.invalid',
  network_error: 'common.verify.networkError',
};

export function VerifyBadge({ result, now }: { result: VerifyResult | null; now?: Date }): React.JSX.Element {
  const t = useT();
  if (result === null) return <span className="muted">{t('common.verify.notVerified')}</span>;
  const when = formatRelative(result.checkedAt, now);
  const message = messageSentence(result.message);
  return (
    <span
      className={`verify verify-${VERIFY_TONE[result.outcome]}`}
      title={when ? t('common.verify.title', { message, when }) : message}
    >
      <Icon
        name={result.outcome === 'active' ? 'check' : result.outcome === 'network_error' ? 'cloud-off' : 'x'}
        size={14}
      />
      <span className="verify-word">{t(VERIFY_WORD[result.outcome])}</span>
    </span>
  );
}

export function SecretKept({ kept }: { kept: boolean }): React.JSX.Element {
  const t = useT();
  return kept ? (
    <span className="secret-kept" title={t('common.secret.keptTitle')}>
      <Icon name="key" size={14} />
      <span className="visually-hidden">{t('common.secret.kept')}</span>
    </span>
  ) : (
    <span className="secret-missing" title={t('common.secret.missingTitle')}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('common.secret.missing')}</span>
    </span>
  );
}
