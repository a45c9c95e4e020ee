/**
 * Health shapes: every problem of every login's tokens, with what can be done about it, the
 * quotas, and what the user snoozed or ignored.
 *
 * Declared as zod schemas because they cross IPC (health.list, health.dismiss, health.restore).
 */
import { z } from 'zod';
import { IsoDateTime, ProfileId, TokenKind, TokenStatus } from '../domain';
import { MessageSchema } from '../i18n/schemas';

export const HealthProblemKind = z.enum([
  'expired',
  'expiring',
  'rotation_due',
  'never_used',
  'unused',
  'no_expiry',
  'no_ip_filter',
  'broad_write',
  'can_create_tokens',
  'not_yet_valid',
  'quota_near_full',
  'older_format',
]);
export type HealthProblemKind = z.infer<typeof HealthProblemKind>;

/** The problems that belong to one token (all but the quota), which a user may snooze or ignore. */
export const TokenProblemKind = HealthProblemKind.exclude(['quota_near_full']);
export type TokenProblemKind = z.infer<typeof TokenProblemKind>;

export const HealthSeverity = z.enum(['danger', 'warning', 'info']);
export type HealthSeverity = z.infer<typeof HealthSeverity>;

/** What the Health view offers on a row; snooze and ignore are offered on every token problem. */
export const HealthAction = z.enum(['roll', 'edit_expiry', 'edit', 'disable', 'delete']);
export type HealthAction = z.infer<typeof HealthAction>;

/** The token a problem is about. */
export const HealthToken = z.object({
  key: z.string(),
  profileId: ProfileId,
  profileLabel: z.string(),
  tokenId: z.string(),
  name: z.string(),
  kind: TokenKind,
  accountName: z.string().nullable(),
  status: TokenStatus,
  isCredential: z.boolean(),
});
export type HealthToken = z.infer<typeof HealthToken>;

/** Cloudflare's token quota of one login (user tokens) or one account (account-owned tokens). */
export const TokenQuota = z.object({
  scope: z.enum(['user', 'account']),
  /** The login's email or profile label, or the account's name. */
  label: z.string(),
  /** The profiles the count comes from (a login may be several profiles). */
  profileIds: z.array(ProfileId),
  accountId: z.string().nullable(),
  used: z.number().int(),
  limit: z.number().int(),
});
export type TokenQuota = z.infer<typeof TokenQuota>;

export const HealthProblem = z.object({
  /** Stable across reads: kind and token (or quota), for keys and for dismissing. */
  id: z.string(),
  kind: HealthProblemKind,
  severity: HealthSeverity,
  /** `insights.warning.*` or `insights.problem.*` with its parameters; a clause: "expires in 3 days". */
  message: MessageSchema,
  token: HealthToken.nullable(),
  quota: TokenQuota.nullable(),
  /** The actions this profile may take on this token for this problem, most fitting first. */
  actions: z.array(HealthAction),
  /** Why a fitting action is not offered (no permission, the profile's own credential), or null. */
  actionsNote: MessageSchema.nullable(),
});
export type HealthProblem = z.infer<typeof HealthProblem>;

/** A problem the user snoozed (until a date) or ignored (for good) on one token. */
export const HealthDismissal = z.object({
  profileId: ProfileId,
  tokenId: z.string(),
  tokenName: z.string().nullable(),
  kind: TokenProblemKind,
  /** The end of a snooze; null when ignored. */
  until: IsoDateTime.nullable(),
});
export type HealthDismissal = z.infer<typeof HealthDismissal>;

export const HealthReport = z.object({
  checkedAt: IsoDateTime,
  /** Danger first, then warning, then info; within a severity by kind, then token name. */
  problems: z.array(HealthProblem),
  counts: z.object({ danger: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  quotas: z.array(TokenQuota),
  /** Problems hidden by a snooze or an ignore, with what hides them. */
  dismissed: z.array(HealthDismissal.extend({ message: MessageSchema })),
  /** Set when kept secrets could not be read to check their format (keychain unavailable). */
  secretFormatNote: MessageSchema.nullable(),
});
export type HealthReport = z.infer<typeof HealthReport>;
