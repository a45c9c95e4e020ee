/**
 * Access explorer shapes: who can do what on a zone, an account, every zone or the user, and
 * what one token reaches.
 *
 * Declared as zod schemas (the explorer's answer crosses IPC as access.explore; a token's reach is
 * computed in the window from its detail); both come from access-index.ts, with the evaluation
 * `keyflare can` uses (evaluate.ts).
 */
import { z } from 'zod';
import { MessageSchema } from '../i18n/schemas';
import { CfId, ProfileId, TokenKind, TokenStatus } from '../domain';

/** What the explorer is asked about: one zone or account (any login's), every zone, or the user. */
export const ExploreTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('zone'), zoneId: CfId }),
  z.object({ kind: z.literal('account'), accountId: CfId }),
  z.object({ kind: z.literal('all_zones') }),
  z.object({ kind: z.literal('user') }),
]);
export type ExploreTarget = z.infer<typeof ExploreTarget>;

/** The policy that grants a permission, as people count policies (from 1). */
export const GrantingPolicy = z.object({
  number: z.number().int(),
  /** Its line in English, and as a message each face words (`outcomes.policy.summary`). */
  summary: z.string(),
  summaryMessage: MessageSchema,
});

/** One token's access through one permission group. */
export const AccessGrant = z.object({
  tokenKey: z.string(),
  profileId: ProfileId,
  profileLabel: z.string(),
  tokenId: z.string(),
  tokenName: z.string(),
  kind: TokenKind,
  accountName: z.string().nullable(),
  status: TokenStatus,
  /** Why Cloudflare refuses the token right now (disabled, expired, not yet valid), else null. */
  unusable: z.string().nullable(),
  policy: GrantingPolicy,
});
export type AccessGrant = z.infer<typeof AccessGrant>;

/** Every token granted one permission group on the target. */
export const AccessGroupGrants = z.object({
  groupId: z.string(),
  groupName: z.string(),
  /** A Write group (or one that changes things): listed first. */
  write: z.boolean(),
  grants: z.array(AccessGrant),
});
export type AccessGroupGrants = z.infer<typeof AccessGroupGrants>;

export const AccessExplore = z.object({
  target: z.object({
    kind: z.enum(['zone', 'account', 'all_zones', 'user']),
    id: z.string().nullable(),
    /** "zone example.com", "account Acme Corp", "every zone", "the user of each login". */
    label: z.string(),
    /** The account of a zone, when known. */
    accountName: z.string().nullable(),
  }),
  groups: z.array(AccessGroupGrants),
  /** Distinct tokens with any access there (usable or not). */
  tokenCount: z.number().int(),
  /** Of those, how many Cloudflare would accept right now. */
  usableCount: z.number().int(),
});
export type AccessExplore = z.infer<typeof AccessExplore>;

/** One zone a token reaches, with the permission groups it has there. */
export const ReachedZone = z.object({
  zoneId: z.string(),
  zoneName: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  groups: z.array(z.string()),
});

/** An account a token has account-level permissions on. */
export const ReachedAccount = z.object({
  accountId: z.string(),
  accountName: z.string(),
  groups: z.array(z.string()),
});

/** The reverse question: what one token reaches, from the cached zones and accounts of its login. */
export const TokenReach = z.object({
  zones: z.array(ReachedZone),
  /** Accounts with account-level access, and the accounts of the zones reached. */
  accounts: z.array(ReachedAccount),
  /** Distinct accounts among the zones and account-level grants. */
  accountCount: z.number().int(),
  /** User-level groups (e.g. API Tokens Write on the login itself). */
  userGroups: z.array(z.string()),
  /** One message a sentence: "Reaches 37 zones in 2 accounts." (`access.reach.*`), each face words it. */
  summary: z.array(MessageSchema),
});
export type TokenReach = z.infer<typeof TokenReach>;
