/**
 * Which token actions are available right now, and in plain words why not.
 *
 * One pure function so the detail panel, the table's shortcuts and the tests agree. Reasons are
 * ordered by what the user can fix first: the keychain, the secret, the network, then what the
 * profile's credential may do.
 */
import type { TokenDetail, TokenRow } from '../../shared/domain';
import { formatClock, toTime } from './format';
import { t } from './i18n';
import { messageSentence } from './message-sentence';

export interface ActionContext {
  /** What the profile's credential may do with this token (TokenDetail.allowed); null while unknown. */
  allowed: TokenDetail['allowed'] | null;
  /** Why Edit would lose parts of this token (`uneditableReason`); null when it would not, or while unknown. */
  uneditable: string | null;
  /** The last sync could not reach Cloudflare. */
  offline: boolean;
  rateLimitedUntil: string | null;
  keychainAvailable: boolean;
  now: Date;
}

export interface ActionAvailability {
  verify: string | null;
  copyCurlSecret: string | null;
  copyCurlEnv: string | null;
  copySecret: string | null;
  roll: string | null;
  edit: string | null;
  toggleStatus: string | null;
  delete: string | null;
  adopt: string | null;
  forget: string | null;
}

/** Reasons are worded when asked, so they follow the window's language. */
export const noSecretReason = (): string => t('tokenDetail.reasons.noSecret');
export const keychainReason = (): string => t('tokenDetail.reasons.keychain');
export const offlineReason = (): string => t('tokenDetail.reasons.offline');

function networkReason(ctx: ActionContext): string | null {
  const until = toTime(ctx.rateLimitedUntil);
  if (until !== null && until > ctx.now.getTime()) {
    return t('tokenDetail.reasons.rateLimited', { until: formatClock(ctx.rateLimitedUntil, ctx.now) ?? '' });
  }
  return ctx.offline ? offlineReason() : null;
}

function permissionReason(
  allowed: boolean | undefined,
  general: string | null,
  fallback: string,
): string | null {
  if (allowed === undefined || allowed) return null;
  return general ?? fallback;
}

/**
 * Why Keyflare must not edit a token, in one line; null when its draft holds all of it.
 *
 * The detail's `edit.unrepresentable` lists every part in full; this line names what kind of
 * part it is from the decoded resources, so the Edit button's reason stays short.
 */
export function uneditableReason(detail: Pick<TokenDetail, 'edit' | 'policies'>): string | null {
  if (detail.edit.unrepresentable.length === 0) return null;
  const kinds = new Set(detail.policies.flatMap((policy) => policy.resources.map((r) => r.kind)));
  if (kinds.has('r2_bucket')) return t('tokenDetail.reasons.uneditableR2');
  if (kinds.has('other')) return t('tokenDetail.reasons.uneditableUnknown');
  return t('tokenDetail.reasons.uneditable');
}

export function tokenActionAvailability(token: TokenRow, ctx: ActionContext): ActionAvailability {
  const keychain = ctx.keychainAvailable ? null : keychainReason();
  const secret = keychain ?? (token.secretKept ? null : noSecretReason());
  const network = networkReason(ctx);
  const allowed = ctx.allowed;
  const credential = token.isCredential ? t('tokenDetail.reasons.credential') : null;
  const allowedReason = allowed?.reason ? messageSentence(allowed.reason) : null;

  const change =
    network ?? permissionReason(allowed?.edit, allowedReason, t('tokenDetail.reasons.cannotEdit'));
  // Enable/disable sends the token back as Cloudflare holds it, not a draft: parts a draft
  // cannot hold do not stop it.
  let toggleStatus = change;
  if (toggleStatus === null && token.status === 'expired') {
    toggleStatus = t('tokenDetail.reasons.expired');
  }
  if (toggleStatus === null && token.status === 'active' && credential) toggleStatus = credential;

  return {
    verify: secret ?? network,
    copyCurlSecret: secret,
    copyCurlEnv: null,
    copySecret: secret,
    roll:
      network ??
      keychain ??
      permissionReason(allowed?.roll, allowedReason, t('tokenDetail.reasons.cannotRoll')) ??
      credential,
    edit: change ?? ctx.uneditable,
    toggleStatus,
    delete:
      network ??
      permissionReason(allowed?.delete, allowedReason, t('tokenDetail.reasons.cannotDelete')) ??
      credential,
    adopt: keychain ?? network,
    forget: keychain ?? (token.secretKept ? null : t('tokenDetail.reasons.noSecretKept')),
  };
}
