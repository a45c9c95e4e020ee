/**
 * The IPC channels and events of access and health: the access explorer, the Health view (with
 * snooze and ignore), bulk actions and reports. A token's reach needs no channel: the window
 * computes it from the token's detail and the cached zones with the same shared index.
 *
 * Spread into the contract's tables (contract.ts), so they are validated, fuzzed and exposed on
 * window.api like every other channel. Inputs are bounded: a bulk selection of at most 10,000
 * tokens, a report of at most 20,000, a snooze of at most a year, a filter description of 500
 * characters without control or text-direction characters.
 */
import { z } from 'zod';
import { CfId, ProfileId } from '../domain';
import { schemaWords } from '../i18n/schema-words';
import { AccessExplore, ExploreTarget } from '../access/access-schemas';
import { BulkAction, BulkPlan, BulkProgress, BulkRun } from '../bulk/bulk-schemas';
import { ReportFormat, ReportSaved } from '../reports/report-schemas';
import { HealthDismissal, HealthReport, TokenProblemKind } from './health-schemas';

/** The longest snooze: a year. */
export const MAX_SNOOZE_DAYS = 365;
export const MAX_BULK_TOKENS = 10_000;
export const MAX_REPORT_TOKENS = 20_000;

const TokenRef = z.object({ profileId: ProfileId, tokenId: CfId }).strict();
const DismissRef = TokenRef.extend({ kind: TokenProblemKind }).strict();
const BulkInput = z
  .object({
    action: BulkAction,
    tokens: z
      .array(TokenRef)
      .min(1, schemaWords('validation.schema.chooseToken'))
      .max(MAX_BULK_TOKENS, schemaWords('validation.schema.tokensAtOnce', { maximum: MAX_BULK_TOKENS })),
  })
  .strict();

/** What the report says the list was filtered by, as the window words it. */
const FilterWords = z
  .string()
  .max(500)
  .refine(
    (text) => !/[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(text),
    'must not contain control or text-direction characters',
  );

export const ACCESS_HEALTH_CHANNELS = {
  /** Every token of every login with access on a zone, an account, every zone or the user. */
  'access.explore': { input: z.object({ target: ExploreTarget }).strict(), output: AccessExplore },
  /** Every problem across logins, snoozed and ignored ones apart, and the quotas. */
  'health.list': { input: z.object({}).strict(), output: HealthReport },
  /** Snoozes a token's problem for `days`, or ignores it for good when `days` is left out. */
  'health.dismiss': {
    input: DismissRef.extend({ days: z.number().int().min(1).max(MAX_SNOOZE_DAYS).optional() }).strict(),
    output: HealthDismissal,
  },
  /** Shows a snoozed or ignored problem again. */
  'health.restore': { input: DismissRef, output: z.object({ restored: z.boolean() }) },
  /** Exactly what a bulk action would send, per profile and account; sends nothing. */
  'bulk.plan': { input: BulkInput, output: BulkPlan },
  /** Sends each write of the plan once; progress arrives as bulk.progress events. */
  'bulk.run': { input: BulkInput.extend({ confirmed: z.literal(true) }).strict(), output: BulkRun },
  /** The listed tokens and their problems as a report, saved where the user picks (never a secret). */
  'reports.save': {
    input: z
      .object({
        format: ReportFormat,
        tokens: z
          .array(TokenRef)
          .min(1, schemaWords('validation.schema.chooseToken'))
          .max(
            MAX_REPORT_TOKENS,
            schemaWords('validation.schema.tokensAtMost', { maximum: MAX_REPORT_TOKENS }),
          ),
        filters: FilterWords,
      })
      .strict(),
    output: ReportSaved,
  },
} as const;

export const ACCESS_HEALTH_EVENTS = {
  'bulk.progress': BulkProgress,
  /** A reminder was clicked: the window opens the Health view. */
  'health.open': z.object({}),
} as const;
