/**
 * Small status words with colour: token status, kind, verify result, secret kept.
 *
 * Colour is never the only signal: every badge has its word, and icons are decorative.
 */
import type { TokenKind, TokenStatus, VerifyResult } from '../../shared/domain';
import { formatRelative } from '../lib/format';
import { Icon } from './icons';

const STATUS_TONE: Record<TokenStatus, string> = { active: 'ok', disabled: 'neutral', expired: 'danger' };
const STATUS_WORD: Record<TokenStatus, string> = {
  active: 'Active',
  disabled: 'Disabled',
  expired: 'Expired',
};

export function StatusBadge({ status }: { status: TokenStatus }): React.JSX.Element {
  return (
    <span className={`badge badge-${STATUS_TONE[status]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {STATUS_WORD[status]}
    </span>
  );
}

export function KindBadge({ kind }: { kind: TokenKind }): React.JSX.Element {
  return <span className="kind-label">{kind === 'user' ? 'User' : 'Account'}</span>;
}

const VERIFY_TONE: Record<VerifyResult['outcome'], string> = {
  active: 'ok',
  disabled: 'neutral',
  expired: 'danger',
  not_yet_valid: 'info',
  invalid: 'danger',
  network_error: 'warn',
};

export const VERIFY_WORD: Record<VerifyResult['outcome'], string> = {
  active: 'Active',
  disabled: 'Disabled',
  expired: 'Expired',
  not_yet_valid: 'Not yet valid',
  invalid: 'Invalid',
  network_error: 'Unreachable',
};

export function VerifyBadge({ result, now }: { result: VerifyResult | null; now?: Date }): React.JSX.Element {
  if (result === null) return <span className="muted">Not verified</span>;
  const when = formatRelative(result.checkedAt, now);
  return (
    <span
      className={`verify verify-${VERIFY_TONE[result.outcome]}`}
      title={`${result.message}${when ? ` (${when})` : ''}`}
    >
      <Icon
        name={result.outcome === 'active' ? 'check' : result.outcome === 'network_error' ? 'cloud-off' : 'x'}
        size={14}
      />
      {VERIFY_WORD[result.outcome]}
    </span>
  );
}

export function SecretKept({ kept }: { kept: boolean }): React.JSX.Element {
  return kept ? (
    <span className="secret-kept" title="The secret is kept in the keychain">
      <Icon name="key" size={14} />
      <span className="visually-hidden">Secret in keychain</span>
    </span>
  ) : (
    <span className="secret-missing" title="The secret is not in the keychain">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">No secret in keychain</span>
    </span>
  );
}
