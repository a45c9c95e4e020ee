/**
 * Bulk action shapes: disable, enable, verify or delete many tokens, first as a plan (exactly what
 * will be sent, per profile and account, and what is left out and why), then as a run (each
 * token's outcome).
 *
 * Declared as zod schemas because they cross IPC (bulk.plan, bulk.run, the bulk.progress event).
 */
import { z } from 'zod';
import { ProfileId } from '../domain';
import { MessageSchema } from '../i18n/schemas';

export const BulkAction = z.enum(['disable', 'enable', 'verify', 'delete']);
export type BulkAction = z.infer<typeof BulkAction>;

/** A token as a bulk plan or run names it. */
export const BulkToken = z.object({
  key: z.string(),
  profileId: ProfileId,
  tokenId: z.string(),
  name: z.string(),
});
export type BulkToken = z.infer<typeof BulkToken>;

/** A token left out, and why (`outcomes.bulk.skip.*`, or the profile's `outcomes.allowed.*`). */
export const BulkSkip = z.object({ token: BulkToken, reason: MessageSchema });
export type BulkSkip = z.infer<typeof BulkSkip>;

/** The tokens of one profile and owner (its user tokens, or one account's tokens). */
export const BulkPlanGroup = z.object({
  profileId: ProfileId,
  profileLabel: z.string(),
  /** null for the login's user tokens. */
  accountId: z.string().nullable(),
  /**
   * The account's name as Cloudflare sends it, or null for the user tokens or an account the
   * cache cannot name: data, not words — each face says "account Acme" / "账户 Acme" itself.
   */
  accountName: z.string().nullable(),
  send: z.array(BulkToken),
  skip: z.array(BulkSkip),
});
export type BulkPlanGroup = z.infer<typeof BulkPlanGroup>;

export const BulkPlan = z.object({
  action: BulkAction,
  groups: z.array(BulkPlanGroup),
  /** Requests the run will send: one per token to send. */
  sendCount: z.number().int(),
  skipCount: z.number().int(),
  /** One sentence as a message: "Disable 12 tokens in 2 profiles: …; 3 tokens are left out." */
  summary: MessageSchema,
});
export type BulkPlan = z.infer<typeof BulkPlan>;

/**
 * done: Cloudflare confirmed. failed: Cloudflare refused, nothing happened. uncertain: the request
 * may have taken effect (no reply). not_sent: stopped before sending (the profile was rate limited
 * or could not sign in). skipped: left out by the plan.
 */
export const BulkOutcome = z.enum(['done', 'failed', 'uncertain', 'not_sent', 'skipped']);
export type BulkOutcome = z.infer<typeof BulkOutcome>;

export const BulkResult = z.object({
  token: BulkToken,
  outcome: BulkOutcome,
  /** The error's message, or for verify the verify result's; null for a plain success. */
  message: MessageSchema.nullable(),
  code: z.string().nullable(),
});
export type BulkResult = z.infer<typeof BulkResult>;

export const BulkRun = z.object({
  action: BulkAction,
  results: z.array(BulkResult),
  counts: z.object({
    done: z.number().int(),
    failed: z.number().int(),
    uncertain: z.number().int(),
    notSent: z.number().int(),
    skipped: z.number().int(),
  }),
  /** Which succeeded, which failed and which may have happened: a paragraph, one message a sentence. */
  summary: z.array(MessageSchema),
});
export type BulkRun = z.infer<typeof BulkRun>;

export const BulkProgress = z.object({
  action: BulkAction,
  done: z.number().int(),
  total: z.number().int(),
  last: BulkResult.nullable(),
});
export type BulkProgress = z.infer<typeof BulkProgress>;
