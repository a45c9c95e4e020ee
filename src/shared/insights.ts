/**
 * Token insights: least-privilege and expiry warnings, each a message (`insights.warning.*` with
 * its parameters) that the window, the command line and the reminders word in the user's language.
 *
 * Severity says how soon to act:
 * - danger: the token is broken now, or a leak of it hands over more than its own reach:
 *   `expired`, `can_create_tokens` (it can mint further tokens, so revoking it is not enough).
 * - warning: something to fix: `expires_soon` (within 30 days), `broad_write` (Write on all
 *   zones or all accounts), `no_ip_filter` (Write permission usable from any address),
 *   `never_used` (issued more than 7 days ago), `unused_long` (not used for 90 days or more).
 * - info: worth knowing, often deliberate: `no_expiry`, `not_yet_valid`.
 *
 * An expired token gets only `expired` (and `not_yet_valid` never applies to it): it can do
 * nothing, so advice about its reach or use would be noise. Warnings come danger first, then
 * warning, then info.
 *
 * Day counts: "expires in N days" rounds up, so a token with 29.5 days left "expires in 30 days"
 * and warns, and one with 30.5 days left does not; "within 30 days" is 30 × 24 hours or less.
 */
import type { DecodedPolicy, TokenStatus, TokenWarning } from './domain';
import { msg } from './i18n/message';
import { formatDay } from './policy/labels';

export interface TokenFacts {
  status: TokenStatus;
  expiresOn: string | null;
  notBefore: string | null;
  lastUsedOn: string | null;
  issuedOn: string | null;
  policies: readonly DecodedPolicy[];
  requestIp: { in: readonly string[]; notIn: readonly string[] };
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const EXPIRES_SOON_DAYS = 30;
export const NEVER_USED_GRACE_DAYS = 7;
export const UNUSED_LONG_DAYS = 90;
/** Groups that let a token create tokens, in the user and account scopes. */
export const TOKEN_CREATING_GROUPS: readonly string[] = ['API Tokens Write', 'Account API Tokens Write'];

/**
 * The day counts behind `expires_soon` and `unused_long`. The list uses the defaults; the Health
 * view passes the user's settings (warn N days before expiry, unused for N days).
 */
export interface WarningThresholds {
  expiresSoonDays: number;
  unusedDays: number;
}

export const DEFAULT_THRESHOLDS: WarningThresholds = {
  expiresSoonDays: EXPIRES_SOON_DAYS,
  unusedDays: UNUSED_LONG_DAYS,
};

const SEVERITIES: readonly TokenWarning['severity'][] = ['danger', 'warning', 'info'];

function time(iso: string | null): number | null {
  if (iso === null) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

/** Whether a permission group changes things: its name ends in "Write" (DNS Write, Workers Scripts Write). */
export function isWritePermission(name: string): boolean {
  return /\bWrite$/u.test(name);
}

function allowedGroups(policies: readonly DecodedPolicy[]): string[] {
  return [
    ...new Set(
      policies
        .filter((policy) => policy.effect === 'allow')
        .flatMap((policy) => policy.permissionGroups.map((g) => g.name)),
    ),
  ];
}

/**
 * The Write groups an allow policy grants on all zones and on all accounts (each name once), or
 * null when there are none: the `broad_write` warning's parameters.
 */
function broadWrites(policies: readonly DecodedPolicy[]): TokenWarning['message'] | null {
  const zones = new Set<string>();
  const accounts = new Set<string>();
  for (const policy of policies) {
    if (policy.effect !== 'allow') continue;
    const writes = policy.permissionGroups.map((group) => group.name).filter(isWritePermission);
    for (const resource of policy.resources) {
      const into = resource.kind === 'all_zones' ? zones : resource.kind === 'all_accounts' ? accounts : null;
      for (const name of into ? writes : []) into?.add(name);
    }
  }
  if (zones.size === 0 && accounts.size === 0) return null;
  const where = zones.size === 0 ? 'accounts' : accounts.size === 0 ? 'zones' : 'both';
  return msg('insights.warning.broadWrite', {
    where,
    zoneGroups: [...zones].join(', '),
    accountGroups: [...accounts].join(', '),
  });
}

function expiryWarnings(token: TokenDates, now: number, thresholds: WarningThresholds): TokenWarning[] {
  const expires = time(token.expiresOn);
  if (expires === null)
    return [{ kind: 'no_expiry', severity: 'info', message: msg('insights.warning.noExpiry') }];
  const left = expires - now;
  if (left > thresholds.expiresSoonDays * DAY_MS) return [];
  const count = Math.ceil(left / DAY_MS);
  return [
    {
      kind: 'expires_soon',
      severity: 'warning',
      message: msg('insights.warning.expiresSoon', { days: count }),
    },
  ];
}

function usageWarnings(token: TokenDates, now: number, thresholds: WarningThresholds): TokenWarning[] {
  const lastUsed = time(token.lastUsedOn);
  if (lastUsed === null) {
    const issued = time(token.issuedOn);
    if (issued === null || now - issued <= NEVER_USED_GRACE_DAYS * DAY_MS) return [];
    const age = Math.floor((now - issued) / DAY_MS);
    return [
      { kind: 'never_used', severity: 'warning', message: msg('insights.warning.neverUsed', { days: age }) },
    ];
  }
  const idle = Math.floor((now - lastUsed) / DAY_MS);
  return idle >= thresholds.unusedDays
    ? [
        {
          kind: 'unused_long',
          severity: 'warning',
          message: msg('insights.warning.unusedLong', { days: idle }),
        },
      ]
    : [];
}

/**
 * The warnings about what a token can reach (it can mint tokens, write everywhere, write from any
 * address): they depend on its policies and IP filter only, never on the time, so the cache
 * computes them once when it writes the token (see core/db/decoded-columns.ts).
 */
export function reachWarnings(token: Pick<TokenFacts, 'policies' | 'requestIp'>): TokenWarning[] {
  const warnings: TokenWarning[] = [];
  const groups = allowedGroups(token.policies);
  const minting = groups.filter((name) => TOKEN_CREATING_GROUPS.includes(name));
  if (minting.length > 0) {
    warnings.push({
      kind: 'can_create_tokens',
      severity: 'danger',
      message: msg('insights.warning.canCreateTokens', { groups: minting.join(', ') }),
    });
  }
  const broad = broadWrites(token.policies);
  if (broad !== null) warnings.push({ kind: 'broad_write', severity: 'warning', message: broad });
  const writes = groups.filter(isWritePermission);
  if (writes.length > 0 && token.requestIp.in.length === 0) {
    warnings.push({
      kind: 'no_ip_filter',
      severity: 'warning',
      message: msg('insights.warning.noIpFilter', { groups: writes.join(', ') }),
    });
  }
  return warnings;
}

/** A token's dates and status: what its warnings depend on besides its reach. */
export type TokenDates = Omit<TokenFacts, 'policies' | 'requestIp'>;

/** The warnings for one token at `now`, most serious first. */
export function tokenWarnings(
  token: TokenFacts,
  now: Date,
  thresholds: WarningThresholds = DEFAULT_THRESHOLDS,
): TokenWarning[] {
  return warningsWithReach(token, () => reachWarnings(token), now, thresholds);
}

/**
 * tokenWarnings with the reach warnings given (computed once, when the token was cached), or a
 * function computing them; an expired token never asks for them.
 */
export function warningsWithReach(
  token: TokenDates,
  reach: readonly TokenWarning[] | (() => readonly TokenWarning[]),
  now: Date,
  thresholds: WarningThresholds = DEFAULT_THRESHOLDS,
): TokenWarning[] {
  const at = now.getTime();
  const expires = time(token.expiresOn);
  if (token.status === 'expired' || (expires !== null && expires <= at)) {
    const day = token.expiresOn === null ? null : formatDay(token.expiresOn);
    const message =
      day === null ? msg('insights.warning.expired') : msg('insights.warning.expiredOn', { expiresDay: day });
    return [{ kind: 'expired', severity: 'danger', message }];
  }
  const warnings = expiryWarnings(token, at, thresholds);
  for (const warning of usageWarnings(token, at, thresholds)) warnings.push(warning);
  for (const warning of typeof reach === 'function' ? reach() : reach) warnings.push(warning);
  const notBefore = time(token.notBefore);
  if (notBefore !== null && notBefore > at) {
    warnings.push({
      kind: 'not_yet_valid',
      severity: 'info',
      message: msg('insights.warning.notYetValid', { startDay: formatDay(token.notBefore ?? '') ?? '' }),
    });
  }
  // Most serious first, in their order otherwise (a stable sort by severity, for a few items).
  const ordered: TokenWarning[] = [];
  for (const severity of SEVERITIES)
    for (const warning of warnings) if (warning.severity === severity) ordered.push(warning);
  return ordered;
}
