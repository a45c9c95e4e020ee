/**
 * Health rules: what needs care across every login's tokens, each problem a message
 * (`insights.warning.*`, `insights.problem.*`) with the actions that fix it.
 *
 * Per token (a disabled token can do nothing, so it has no problems until it is enabled again):
 * - From the insights (insights.ts), with the user's thresholds: expired, expiring (within the
 *   "warn N days before expiry" setting), never used, unused (for the "unused for N days"
 *   setting), no expiry, not yet valid, and the reach problems: broad write, can create tokens,
 *   no IP filter.
 * - Rotation due: N days (setting; 0 turns it off) after the last roll Keyflare's history knows
 *   of, or else after the token's `modified_on` (or `issued_on`), which a roll also moves.
 * - Older format: a secret Keyflare keeps without the cfut_/cfat_/cfk_ prefix Cloudflare puts on
 *   secrets since 2025; rolling it gives a prefixed one, which Cloudflare's leaked-token scanning
 *   recognises.
 * Per login and account: the quota (50 user tokens per login, 500 tokens per account), from 90 %.
 *
 * Pure: the core feeds it the cache, the renderer's demo backend its fixtures.
 */
import type { Profile, TokenDetail, TokenRow, TokenWarning } from '../domain';
import { msg, type Message } from '../i18n/message';
import { tokenWarnings, type WarningThresholds } from '../insights';
import type {
  HealthAction,
  HealthDismissal,
  HealthProblem,
  HealthProblemKind,
  HealthSeverity,
  HealthToken,
  TokenQuota,
} from './health-schemas';
import { HealthProblemKind as KINDS } from './health-schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cloudflare's quotas: 50 user tokens per user, 500 account-owned tokens per account. */
export const USER_TOKEN_LIMIT = 50;
export const ACCOUNT_TOKEN_LIMIT = 500;
/** A quota warns from this share on. */
export const QUOTA_WARN_SHARE = 0.9;

/** The prefixes of secrets Cloudflare issues since 2025: user token, account token, Global API Key. */
export const SECRET_PREFIXES: readonly string[] = ['cfut_', 'cfat_', 'cfk_'];

/** Whether a secret is of the older format (no prefix); says nothing else about it. */
export function isOlderFormatSecret(secret: string): boolean {
  return !SECRET_PREFIXES.some((prefix) => secret.startsWith(prefix));
}

/** The health settings (Settings' health fields). */
export interface HealthThresholds {
  expiryWarningDays: number;
  /** 0 turns "rotation due" off. */
  rotationDueDays: number;
  unusedDays: number;
}

/** What one token's problems are computed from. */
export interface TokenHealthFacts {
  row: TokenRow;
  /** The newest roll in Keyflare's history, or null when it has none. */
  lastRolledAt: string | null;
  /** True when the kept secret lacks a prefix; null when no secret is kept or it could not be read. */
  olderFormat: boolean | null;
  /** What the profile may do with the token (TokenDetail.allowed). */
  allowed: TokenDetail['allowed'];
}

const FROM_WARNING: Partial<Record<TokenWarning['kind'], HealthProblemKind>> = {
  expired: 'expired',
  expires_soon: 'expiring',
  never_used: 'never_used',
  unused_long: 'unused',
  no_expiry: 'no_expiry',
  not_yet_valid: 'not_yet_valid',
  broad_write: 'broad_write',
  can_create_tokens: 'can_create_tokens',
  no_ip_filter: 'no_ip_filter',
};

/** Warnings that depend on the thresholds are computed again; the reach ones come from the row. */
const REACH_WARNINGS: readonly TokenWarning['kind'][] = ['broad_write', 'can_create_tokens', 'no_ip_filter'];

/** The actions that fix each problem, most fitting first. */
const FITTING: Record<Exclude<HealthProblemKind, 'quota_near_full'>, HealthAction[]> = {
  expired: ['edit_expiry', 'delete'],
  expiring: ['edit_expiry'],
  rotation_due: ['roll'],
  never_used: ['disable', 'delete'],
  unused: ['disable', 'delete'],
  no_expiry: ['edit_expiry'],
  no_ip_filter: ['edit'],
  broad_write: ['edit', 'disable'],
  can_create_tokens: ['edit', 'disable'],
  not_yet_valid: ['edit'],
  older_format: ['roll'],
};

const SEVERITY_ORDER: Record<HealthSeverity, number> = { danger: 0, warning: 1, info: 2 };
const KIND_ORDER = new Map(KINDS.options.map((kind, index) => [kind, index]));

function time(iso: string | null): number | null {
  if (iso === null) return null;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? null : value;
}

export function healthToken(row: TokenRow): HealthToken {
  return {
    key: row.key,
    profileId: row.profileId,
    profileLabel: row.profileLabel,
    tokenId: row.id,
    name: row.name,
    kind: row.kind,
    accountName: row.accountName,
    status: row.status,
    isCredential: row.isCredential,
  };
}

/** The fitting actions this profile may take, and why one it may not is missing. */
function actionsFor(
  kind: Exclude<HealthProblemKind, 'quota_near_full'>,
  facts: TokenHealthFacts,
): { actions: HealthAction[]; note: TokenDetail['allowed']['reason'] } {
  const { allowed, row } = facts;
  const may = (action: HealthAction): boolean => {
    switch (action) {
      case 'edit':
      case 'edit_expiry':
        return allowed.edit;
      case 'roll':
        return allowed.roll;
      case 'delete':
        return allowed.delete;
      case 'disable':
        // Disabling the profile's own credential would lock Keyflare out, as rolling it would.
        return allowed.edit && !row.isCredential;
    }
  };
  const fitting = FITTING[kind];
  const actions = fitting.filter(may);
  const note = actions.length < fitting.length ? allowed.reason : null;
  return { actions, note };
}

function problem(
  kind: Exclude<HealthProblemKind, 'quota_near_full'>,
  severity: HealthSeverity,
  message: Message | TokenWarning['message'],
  facts: TokenHealthFacts,
): HealthProblem {
  const { actions, note } = actionsFor(kind, facts);
  return {
    id: `${kind}:${facts.row.key}`,
    kind,
    severity,
    message,
    token: healthToken(facts.row),
    quota: null,
    actions,
    actionsNote: note,
  };
}

function rotationProblem(
  facts: TokenHealthFacts,
  thresholds: HealthThresholds,
  now: number,
): HealthProblem | null {
  if (thresholds.rotationDueDays <= 0) return null;
  const { row } = facts;
  const rolled = time(facts.lastRolledAt);
  const changed = time(row.modifiedOn) ?? time(row.issuedOn);
  const since = rolled ?? changed;
  if (since === null) return null;
  const age = Math.floor((now - since) / DAY_MS);
  if (age < thresholds.rotationDueDays) return null;
  const params = { days: age, every: thresholds.rotationDueDays };
  const message =
    rolled !== null
      ? msg('insights.problem.rotationDueRolled', params)
      : msg('insights.problem.rotationDueUnchanged', params);
  return problem('rotation_due', 'warning', message, facts);
}

/** One token's problems at `now`. */
export function tokenProblems(
  facts: TokenHealthFacts,
  thresholds: HealthThresholds,
  now: Date,
): HealthProblem[] {
  const { row } = facts;
  if (row.status === 'disabled') return [];
  const warningThresholds: WarningThresholds = {
    expiresSoonDays: thresholds.expiryWarningDays,
    unusedDays: thresholds.unusedDays,
  };
  // Only the dates matter to these; the reach warnings come from the row, computed from its policies.
  const timed = tokenWarnings(
    {
      status: row.status,
      expiresOn: row.expiresOn,
      notBefore: row.notBefore,
      lastUsedOn: row.lastUsedOn,
      issuedOn: row.issuedOn,
      policies: [],
      requestIp: { in: [], notIn: [] },
    },
    now,
    warningThresholds,
  );
  const expired = timed.some((w) => w.kind === 'expired');
  const reach = expired ? [] : row.warnings.filter((w) => REACH_WARNINGS.includes(w.kind));
  const problems: HealthProblem[] = [];
  for (const warning of [...timed, ...reach]) {
    const kind = FROM_WARNING[warning.kind];
    if (kind === undefined || kind === 'quota_near_full') continue;
    problems.push(problem(kind, warning.severity, warning.message, facts));
  }
  if (!expired) {
    const rotation = rotationProblem(facts, thresholds, now.getTime());
    if (rotation) problems.push(rotation);
  }
  if (facts.olderFormat === true) {
    problems.push(problem('older_format', 'info', msg('insights.problem.olderFormat'), facts));
  }
  return problems;
}

/** The profiles that are one login: the same user id, or the profile alone when it has none. */
function loginKey(profile: Profile): string {
  return profile.userId === null ? `profile:${profile.id}` : `user:${profile.userId}`;
}

/**
 * The token quotas: user tokens per login (only logins whose profiles can list them) and
 * account-owned tokens per account, each token counted once however many profiles see it.
 */
export function tokenQuotas(rows: readonly TokenRow[], profiles: readonly Profile[]): TokenQuota[] {
  const logins = new Map<string, { label: string; profileIds: string[]; tokens: Set<string> }>();
  const profileLogin = new Map<string, string>();
  for (const profile of profiles) {
    if (!profile.capabilities.listUserTokens) continue;
    const key = loginKey(profile);
    profileLogin.set(profile.id, key);
    const login = logins.get(key);
    if (login) login.profileIds.push(profile.id);
    else
      logins.set(key, {
        label: profile.email ?? profile.label,
        profileIds: [profile.id],
        tokens: new Set(),
      });
  }
  const accounts = new Map<string, { label: string; profileIds: Set<string>; tokens: Set<string> }>();
  for (const row of rows) {
    if (row.kind === 'user') {
      const key = profileLogin.get(row.profileId);
      if (key !== undefined) logins.get(key)?.tokens.add(row.id);
    } else if (row.accountId !== null) {
      let account = accounts.get(row.accountId);
      if (!account) {
        account = { label: row.accountName ?? row.accountId, profileIds: new Set(), tokens: new Set() };
        accounts.set(row.accountId, account);
      }
      account.profileIds.add(row.profileId);
      account.tokens.add(row.id);
    }
  }
  return [
    ...[...logins.values()].map((login): TokenQuota => ({
      scope: 'user',
      label: login.label,
      profileIds: login.profileIds,
      accountId: null,
      used: login.tokens.size,
      limit: USER_TOKEN_LIMIT,
    })),
    ...[...accounts.entries()].map(([accountId, account]): TokenQuota => ({
      scope: 'account',
      label: account.label,
      profileIds: [...account.profileIds],
      accountId,
      used: account.tokens.size,
      limit: ACCOUNT_TOKEN_LIMIT,
    })),
  ];
}

/** A quota problem from 90 % on; danger once full (Cloudflare refuses the next create). */
export function quotaProblem(quota: TokenQuota): HealthProblem | null {
  if (quota.used < Math.ceil(quota.limit * QUOTA_WARN_SHARE)) return null;
  const full = quota.used >= quota.limit;
  const params = { used: quota.used, limit: quota.limit, scope: quota.scope, label: quota.label };
  return {
    id: `quota_near_full:${quota.scope}:${quota.accountId ?? quota.profileIds.join(',')}`,
    kind: 'quota_near_full',
    severity: full ? 'danger' : 'warning',
    message: full ? msg('insights.problem.quotaFull', params) : msg('insights.problem.quotaNearFull', params),
    token: null,
    quota,
    actions: [],
    actionsNote: null,
  };
}

/** Danger first, then warning, then info; within a severity by kind, then token name. */
export function sortProblems(problems: HealthProblem[]): HealthProblem[] {
  return problems.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
      (a.token?.name ?? a.quota?.label ?? '').localeCompare(b.token?.name ?? b.quota?.label ?? ''),
  );
}

/** Whether a dismissal hides problems at `now`: an ignore always, a snooze until its end. */
export function dismissalActive(dismissal: Pick<HealthDismissal, 'until'>, now: Date): boolean {
  return dismissal.until === null || Date.parse(dismissal.until) > now.getTime();
}

/** Splits problems into those shown and those a snooze or an ignore hides. */
export function applyDismissals(
  problems: readonly HealthProblem[],
  dismissals: readonly HealthDismissal[],
  now: Date,
): { shown: HealthProblem[]; dismissed: (HealthDismissal & { message: HealthProblem['message'] })[] } {
  const active = new Map<string, HealthDismissal>();
  for (const d of dismissals)
    if (dismissalActive(d, now)) active.set(`${d.kind}:${d.profileId}:${d.tokenId}`, d);
  const shown: HealthProblem[] = [];
  const dismissed: (HealthDismissal & { message: HealthProblem['message'] })[] = [];
  for (const p of problems) {
    const d = p.token ? active.get(`${p.kind}:${p.token.profileId}:${p.token.tokenId}`) : undefined;
    if (d) dismissed.push({ ...d, tokenName: p.token?.name ?? d.tokenName, message: p.message });
    else shown.push(p);
  }
  return { shown, dismissed };
}

export function countBySeverity(problems: readonly HealthProblem[]): Record<HealthSeverity, number> {
  const counts: Record<HealthSeverity, number> = { danger: 0, warning: 0, info: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return counts;
}
