/**
 * Domain schemas shared by main and renderer: profiles, accounts, zones, permission groups,
 * tokens, policies, history, verify results, sync state, settings and templates.
 *
 * Every shape that crosses IPC is declared here once as a zod schema; the TypeScript types are
 * inferred from it. Names follow the user's words (profile, account, zone, token, policy,
 * permission group, template, verify, roll).
 */
import { z } from 'zod';
import { LanguageChoice, MessageSchema } from './i18n/schemas';
import { schemaWords } from './i18n/schema-words';

/** ISO-8601 date-time string with an offset or Z, as Cloudflare sends them. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * A Cloudflare identifier: Cloudflare's are 32 hex characters (OpenAPI: at most 32); letters
 * and digits up to 32 also admit the simulator's readable ids. A token secret (37 characters
 * and more, often with `_` or `-`) never fits, so one pasted where an id goes is refused.
 */
export const CfId = z.string().regex(/^[A-Za-z0-9]{1,32}$/u, schemaWords('validation.schema.cfId'));

/** A Keyflare profile id: the lowercase UUID Keyflare gave the profile when it was added. */
export const ProfileId = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u,
    schemaWords('validation.schema.profileId'),
  );

export const TokenKind = z.enum(['user', 'account']);
export type TokenKind = z.infer<typeof TokenKind>;

export const TokenStatus = z.enum(['active', 'disabled', 'expired']);
export type TokenStatus = z.infer<typeof TokenStatus>;

export const DEFAULT_BASE_URL = 'https://api.cloudflare.com/client/v4';

/** An API base URL: https anywhere, plain http only on loopback (the simulator). */
export const BaseUrl = z
  .string()
  .trim()
  .max(2048, schemaWords('validation.schema.baseUrl'))
  // Printable ASCII only: the URL parser would quietly drop a trailing NUL the transform keeps.
  .regex(/^[\x21-\x7e]+$/u, schemaWords('validation.schema.baseUrl'))
  .url(schemaWords('validation.schema.baseUrl'))
  .refine((value) => {
    // zod runs this refinement even after .url() failed; an unparsable value must not throw here.
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  }, schemaWords('validation.schema.baseUrlHttps'))
  .transform((value) => value.replace(/\/+$/u, ''));

// ---------------------------------------------------------------------------------------------
// Credentials and profiles

/** A secret as pasted: printable ASCII with no spaces, since it travels in an HTTP header. */
const SECRET_TEXT = /^[\x21-\x7e]+$/u;

/** A credential as the user types it. It travels renderer -> main only and is never echoed. */
export const CredentialInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('api_token'),
    token: z
      .string()
      .trim()
      .min(20, schemaWords('validation.schema.apiTokenShort'))
      .max(200)
      .regex(SECRET_TEXT, schemaWords('validation.schema.apiTokenText')),
    /** Only for account-owned tokens: the account that owns it (found automatically if absent). */
    accountId: CfId.optional(),
  }),
  z.object({
    kind: z.literal('global_key'),
    email: z.email(schemaWords('validation.schema.loginEmail')).max(254),
    key: z
      .string()
      .trim()
      .min(20, schemaWords('validation.schema.globalKeyShort'))
      .max(200)
      .regex(SECRET_TEXT, schemaWords('validation.schema.globalKeyText')),
  }),
]);
export type CredentialInput = z.infer<typeof CredentialInput>;

export const CredentialKind = z.enum(['user_token', 'account_token', 'global_key']);
export type CredentialKind = z.infer<typeof CredentialKind>;

/** Per account: what the profile's credential may do with account-owned tokens. */
export const AccountCapability = z.object({
  accountId: CfId,
  accountName: z.string(),
  listTokens: z.boolean(),
  createTokens: z.boolean(),
});

/** What the credential can do, recorded when the profile is added and at each sync. */
export const Capabilities = z.object({
  readUser: z.boolean(),
  listUserTokens: z.boolean(),
  createUserTokens: z.boolean(),
  accounts: z.array(AccountCapability),
  checkedAt: IsoDateTime,
  /** What is not allowed and why, as messages (`capabilities.note.*`) each face words. */
  notes: z.array(MessageSchema),
});
export type Capabilities = z.infer<typeof Capabilities>;

export const SyncOutcome = z.enum(['running', 'ok', 'failed', 'cancelled']);
export type SyncOutcome = z.infer<typeof SyncOutcome>;

export const Profile = z.object({
  id: ProfileId,
  label: z.string(),
  credentialKind: CredentialKind,
  /** Email of the login: the Global API Key's email, or the one /user reported. */
  email: z.string().nullable(),
  userId: z.string().nullable(),
  /** For an account-owned credential: the account that owns it. */
  ownerAccountId: z.string().nullable(),
  /** The id of the credential itself when it is an API token (so the UI can mark it). */
  credentialTokenId: z.string().nullable(),
  baseUrl: z.string(),
  capabilities: Capabilities,
  createdAt: IsoDateTime,
  /** Time of the last sync that succeeded: the cached data is from then. */
  lastSyncAt: IsoDateTime.nullable(),
  lastSyncOutcome: SyncOutcome.nullable(),
});
export type Profile = z.infer<typeof Profile>;

// ---------------------------------------------------------------------------------------------
// Accounts, zones, permission groups

export const AccountTokensAccess = z.enum(['write', 'read', 'none', 'unknown']);

export const Account = z.object({
  profileId: ProfileId,
  id: CfId,
  name: z.string(),
  type: z.string().nullable(),
  /** Whether this profile can read/write the account's account-owned tokens. */
  tokensAccess: AccountTokensAccess,
});
export type Account = z.infer<typeof Account>;

export const Zone = z.object({
  profileId: ProfileId,
  id: CfId,
  name: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  status: z.string().nullable(),
});
export type Zone = z.infer<typeof Zone>;

// Lives with Cloudflare's other wire facts, which load no zod (the command's `can` reads it).
export { PERMISSION_SCOPES } from './cloudflare-types';

export const PermissionGroup = z.object({
  id: CfId,
  name: z.string(),
  /** The resource scope the group applies to, e.g. com.cloudflare.api.account.zone. */
  scope: z.string(),
  /** Which list it came from: groups usable in user tokens, or in one account's tokens. */
  source: z.enum(['user', 'account']),
  accountId: z.string().nullable(),
});
export type PermissionGroup = z.infer<typeof PermissionGroup>;

// ---------------------------------------------------------------------------------------------
// Policies, decoded for display

export const ResourceKind = z.enum([
  'zone',
  'account_zones',
  'all_zones',
  'account',
  'all_accounts',
  'user',
  'r2_bucket',
  'other',
]);
export type ResourceKind = z.infer<typeof ResourceKind>;

export const DecodedResource = z.object({
  /** The flattened resource key as Cloudflare names it (nested forms are flattened). */
  key: z.string(),
  kind: ResourceKind,
  /** Plain words: "zone example.com", "all zones in account Acme", "all accounts". */
  label: z.string(),
  accountId: z.string().nullable(),
  zoneId: z.string().nullable(),
});
export type DecodedResource = z.infer<typeof DecodedResource>;

export const DecodedPermissionGroup = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.string().nullable(),
});

export const DecodedPolicy = z.object({
  id: z.string(),
  effect: z.enum(['allow', 'deny']),
  permissionGroups: z.array(DecodedPermissionGroup),
  resources: z.array(DecodedResource),
  /** One line in English: "DNS Write on zone example.com" (search, logs, `--json`). */
  summary: z.string(),
  /** The same line as a message each face words (`outcomes.policy.summary`). */
  summaryMessage: MessageSchema,
});
export type DecodedPolicy = z.infer<typeof DecodedPolicy>;

export const RequestIpCondition = z.object({
  in: z.array(z.string()),
  notIn: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// Verify results, warnings, history

export const VerifyOutcome = z.enum([
  'active',
  'disabled',
  'expired',
  'not_yet_valid',
  'invalid',
  'network_error',
]);
export type VerifyOutcome = z.infer<typeof VerifyOutcome>;

export const VerifyResult = z.object({
  outcome: VerifyOutcome,
  checkedAt: IsoDateTime,
  expiresOn: z.string().nullable(),
  notBefore: z.string().nullable(),
  /** What it means, as a message each face words: `verify.outcome.disabled`, `verify.refused.invalid`… */
  message: MessageSchema,
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const WarningKind = z.enum([
  'expired',
  'expires_soon',
  'no_expiry',
  'no_ip_filter',
  'never_used',
  'unused_long',
  'broad_write',
  'can_create_tokens',
  'not_yet_valid',
]);
export type WarningKind = z.infer<typeof WarningKind>;

export const TokenWarning = z.object({
  kind: WarningKind,
  severity: z.enum(['info', 'warning', 'danger']),
  /** `insights.warning.*` with its parameters: "expires in {days} days" as data, each face words it. */
  message: MessageSchema,
});
export type TokenWarning = z.infer<typeof TokenWarning>;

export const HistoryKind = z.enum([
  'created',
  'modified',
  'status_changed',
  'rolled',
  'policies_changed',
  'deleted',
  /** A kept secret was removed from the keychain because its token is gone from Cloudflare. */
  'secret_removed',
  /** A rotation with overlap: the new token replacing this one, or this one replacing an old one. */
  'rotation',
]);
export type HistoryKind = z.infer<typeof HistoryKind>;

export const HistoryEntry = z.object({
  id: z.number().int(),
  profileId: ProfileId,
  tokenId: z.string(),
  tokenName: z.string(),
  kind: HistoryKind,
  at: IsoDateTime,
  /** 'sync' when seen between two syncs, 'keyflare' when Keyflare itself made the change. */
  source: z.enum(['sync', 'keyflare']),
  /** What changed, as a message each face words: `history.statusChanged` {from, to}, `history.rolled`… */
  message: MessageSchema,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

// ---------------------------------------------------------------------------------------------
// Tokens

/** One row of the token inventory (list view), answered from the cache alone. */
export const TokenRow = z.object({
  /** Unique across profiles: `<profileId>:<id>`, built and split only by token-key.ts. */
  key: z.string(),
  profileId: ProfileId,
  profileLabel: z.string(),
  id: z.string(),
  name: z.string(),
  kind: TokenKind,
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  status: TokenStatus,
  issuedOn: z.string().nullable(),
  modifiedOn: z.string().nullable(),
  lastUsedOn: z.string().nullable(),
  notBefore: z.string().nullable(),
  expiresOn: z.string().nullable(),
  /** "DNS Write, Zone Read" (a deny policy with no allow twin is prefixed with "deny"). */
  permissionsSummary: z.string(),
  /** "zone example.com; all zones in account Acme except zone x.com". */
  resourcesSummary: z.string(),
  /** "only from 203.0.113.0/24", or null when there is no IP filter. */
  ipFilterSummary: z.string().nullable(),
  permissionNames: z.array(z.string()),
  resourceNames: z.array(z.string()),
  /** Whether Keyflare keeps this token's secret in the keychain. */
  secretKept: z.boolean(),
  /** Whether this token is the profile's own credential. */
  isCredential: z.boolean(),
  lastVerify: VerifyResult.nullable(),
  warnings: z.array(TokenWarning),
});
export type TokenRow = z.infer<typeof TokenRow>;

// ---------------------------------------------------------------------------------------------
// Drafts: what the policy builder and the create wizard produce

/** A resource selection in the user's words; `include: false` means exclude. */
export const ResourceSelector = z.discriminatedUnion('type', [
  z.object({ type: z.literal('zone'), zoneId: CfId, include: z.boolean() }),
  z.object({ type: z.literal('account_zones'), accountId: CfId, include: z.boolean() }),
  z.object({ type: z.literal('all_zones'), include: z.boolean() }),
  z.object({ type: z.literal('account'), accountId: CfId, include: z.boolean() }),
  z.object({ type: z.literal('all_accounts'), include: z.boolean() }),
  z.object({ type: z.literal('user'), userId: CfId, include: z.boolean() }),
]);
export type ResourceSelector = z.infer<typeof ResourceSelector>;

export const PolicyDraft = z.object({
  effect: z.enum(['allow', 'deny']),
  permissionGroupIds: z.array(CfId).min(1, schemaWords('validation.schema.choosePermission')),
  resources: z.array(ResourceSelector).min(1, schemaWords('validation.schema.chooseResource')),
});
export type PolicyDraft = z.infer<typeof PolicyDraft>;

export const TokenDraft = z.object({
  name: z.string().trim().min(1, schemaWords('validation.schema.tokenName')).max(120),
  policies: z.array(PolicyDraft).min(1, schemaWords('validation.schema.addPolicy')),
  requestIp: z.object({ in: z.array(z.string()), notIn: z.array(z.string()) }),
  notBefore: IsoDateTime.nullable(),
  expiresOn: IsoDateTime.nullable(),
});
export type TokenDraft = z.infer<typeof TokenDraft>;

/**
 * A draft still being filled in: policies may lack resources (a template whose zone rows the
 * dashboard leaves blank, so the wizard asks). validateDraft reports the blanks by field.
 */
export const PolicyDraftInProgress = PolicyDraft.extend({ resources: z.array(ResourceSelector) });
export const TokenDraftInProgress = TokenDraft.extend({ policies: z.array(PolicyDraftInProgress).min(1) });
export type TokenDraftInProgress = z.infer<typeof TokenDraftInProgress>;

/**
 * Edit's starting point: the token read back into a draft from the cached token exactly as
 * Cloudflare sent it (nested resources, exclusions, IP filter and dates included).
 */
export const TokenEdit = z.object({
  /** The draft the Edit wizard opens with; null whenever `unrepresentable` is not empty. */
  draft: TokenDraft.nullable(),
  /**
   * One message per part of the token a draft cannot hold (`validation.edit.*`: R2 buckets,
   * unknown resources, values other than "*", other conditions). Saving a draft would remove
   * those parts, so Edit is refused while any remain.
   */
  unrepresentable: z.array(MessageSchema),
});
export type TokenEdit = z.infer<typeof TokenEdit>;

/** One token as the detail panel shows it; declared after the drafts, because Edit's draft is in it. */
export const TokenDetail = TokenRow.extend({
  policies: z.array(DecodedPolicy),
  requestIp: RequestIpCondition,
  history: z.array(HistoryEntry),
  /** What the profile may do with this token, each false with a reason. */
  allowed: z.object({
    edit: z.boolean(),
    roll: z.boolean(),
    delete: z.boolean(),
    /** Why not, as a message (`outcomes.allowed.*`); null when everything is allowed. */
    reason: MessageSchema.nullable(),
  }),
  edit: TokenEdit,
});
export type TokenDetail = z.infer<typeof TokenDetail>;

/** Where a token lives: the profile, and for account-owned tokens the owning account. */
export const TokenOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user') }),
  z.object({ kind: z.literal('account'), accountId: CfId }),
]);
export type TokenOwner = z.infer<typeof TokenOwner>;

export const TokenPreview = z.object({
  /** The human summary in English, one clause per policy, then IP filter and dates. */
  summary: z.string(),
  /** The same clauses as messages (`outcomes.policy.summary`, `outcomes.preview.*`) each face words. */
  summaryMessages: z.array(MessageSchema),
  /** The exact JSON body Cloudflare will receive. */
  body: z.unknown(),
  /** e.g. "POST /user/tokens", "POST /accounts/<id>/tokens", or for an edit "PUT /user/tokens/<id>". */
  endpoint: z.string(),
  warnings: z.array(TokenWarning),
});
export type TokenPreview = z.infer<typeof TokenPreview>;

/** The one reply that carries a secret: the show-once display after create or roll. */
export const ShowOnceSecret = z.object({
  token: TokenRow,
  secret: z.string(),
  keptInKeychain: z.boolean(),
  /** Why the secret was not kept, when keeping was asked for and failed. */
  keychainError: z.string().nullable(),
});
export type ShowOnceSecret = z.infer<typeof ShowOnceSecret>;

// ---------------------------------------------------------------------------------------------
// Templates

export const ResolvedTemplatePermission = z.object({
  /** The label as the dashboard shows it, e.g. "User Memberships Read". */
  label: z.string(),
  /** The resource kind the permission applies to. */
  resourceKind: z.enum(['zone', 'account', 'user']),
  /** Resolved groups (one for a plain permission, many for "(All read permissions)"). */
  groups: z.array(PermissionGroup),
  missing: z.boolean(),
});

export const ResolvedTemplate = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.array(ResolvedTemplatePermission),
  resourceKinds: z.array(z.enum(['zone', 'account', 'user'])),
  /** The default resource rows the dashboard pre-fills. */
  defaultResources: z.array(ResourceSelector),
  /** Labels the profile cannot see in its permission groups. */
  missing: z.array(z.string()),
  available: z.boolean(),
  /** A draft for the wizard: name, one policy per resource kind, the dashboard's default resources. */
  draft: TokenDraftInProgress.nullable(),
});
export type ResolvedTemplate = z.infer<typeof ResolvedTemplate>;

// ---------------------------------------------------------------------------------------------
// Sync, settings, app

export const SyncRun = z.object({
  id: z.number().int(),
  profileId: ProfileId,
  startedAt: IsoDateTime,
  endedAt: IsoDateTime.nullable(),
  outcome: SyncOutcome,
  requestCount: z.number().int(),
  /**
   * Why it failed: the code, the English sentence (logs) and, once the error is a catalogue
   * message, its key and params, which the faces word as they word the error itself.
   */
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      key: MessageSchema.shape.key.optional(),
      params: MessageSchema.shape.params,
      retryAt: z.string().optional(),
    })
    .nullable(),
});
export type SyncRun = z.infer<typeof SyncRun>;

export const SyncProgress = z.object({
  profileId: ProfileId,
  done: z.number().int(),
  planned: z.number().int(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

/** What the sync service knows of a profile's syncs. */
export const SyncState = z.object({
  profileId: ProfileId,
  running: z.boolean(),
  progress: SyncProgress.nullable(),
  lastSuccessAt: IsoDateTime.nullable(),
  lastRun: SyncRun.nullable(),
  /** Set when the last sync could not reach Cloudflare: the UI shows cached data. */
  offline: z.boolean(),
  /** RATE_LIMITED: calls for this profile are blocked until then. */
  rateLimitedUntil: IsoDateTime.nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/** sync.status: the sync state plus when the scheduled sync runs next (null when it is off). */
export const SyncStatus = SyncState.extend({ nextSyncAt: IsoDateTime.nullable() });
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Theme = z.enum(['system', 'light', 'dark']);

/** The longest interval of the scheduled sync: a week. */
export const MAX_SYNC_EVERY_HOURS = 168;

export const Settings = z.object({
  clipboardClearSeconds: z.number().int().min(5).max(600),
  keepSecretsByDefault: z.boolean(),
  theme: Theme,
  /** The window's language: the OS's (`system`) or one Keyflare speaks (docs/i18n.md). */
  language: LanguageChoice,
  /** Closing the window leaves Keyflare running in the tray (only where a tray exists). */
  keepInTray: z.boolean(),
  /** The OS starts Keyflare, hidden in the tray, when the user logs in. */
  launchAtLogin: z.boolean(),
  /** Every profile syncs on its own about this often; 0 turns the scheduled sync off. */
  syncEveryHours: z.number().int().min(0).max(MAX_SYNC_EVERY_HOURS),
  /** Health: a token expiring within this many days needs care (and gets a reminder). */
  expiryWarningDays: z.number().int().min(1).max(365),
  /** Health: a roll is due this many days after the last one; 0 turns it off. */
  rotationDueDays: z.number().int().min(0).max(3650),
  /** Health: a token not used for this many days is "unused". */
  unusedDays: z.number().int().min(1).max(3650),
  /** Desktop notifications when a token crosses a health threshold. */
  reminders: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  clipboardClearSeconds: 30,
  keepSecretsByDefault: true,
  theme: 'system',
  language: 'system',
  keepInTray: true,
  launchAtLogin: false,
  syncEveryHours: 6,
  expiryWarningDays: 14,
  rotationDueDays: 90,
  unusedDays: 90,
  reminders: true,
};

/**
 * What this desktop lets Keyflare do in the background, told by the Electron shell (null from a
 * core without one: tests, the e2e bridge). The reasons are messages the settings dialog words.
 */
export const BackgroundSupport = z.object({
  /** A tray or menu-bar icon is shown, so Keyflare can keep running with its window closed. */
  tray: z.boolean(),
  /** Why there is no tray (`notifications.background.*`), worded by the settings dialog. */
  trayUnavailableReason: MessageSchema.nullable(),
  /** Keyflare can add itself to the programs the OS starts at login. */
  launchAtLogin: z.boolean(),
  launchAtLoginUnavailableReason: MessageSchema.nullable(),
});
export type BackgroundSupport = z.infer<typeof BackgroundSupport>;

/**
 * A keychain entry of Keyflare's that nothing in the profile store or cache refers to: a profile
 * credential without its profile (re-attach or forget), or a kept token secret whose profile or
 * token is unknown (forget). Names the entry, never its secret.
 */
export const KeychainEntry = z.object({
  kind: z.enum(['profile', 'token']),
  profileId: ProfileId,
  tokenId: z.string().nullable(),
  reason: z.enum(['unknown_profile', 'unknown_token']),
  /** For a profile credential: what it is, when the stored form tells (never the secret). */
  credentialKind: CredentialKind.nullable(),
});
export type KeychainEntry = z.infer<typeof KeychainEntry>;

/** The two files of the data folder: the user's profile store and the rebuildable snapshot cache. */
export const DataFileStore = z.enum(['profiles', 'cache']);
export type DataFileStore = z.infer<typeof DataFileStore>;

/** A data file moved aside (unreadable) or refused (written by a newer Keyflare) at start. */
export const DataFileEvent = z.object({
  store: DataFileStore,
  kind: z.enum(['corrupt_moved', 'newer_schema']),
  /** What happened and what is still true, as a message (`outcomes.dataFile.*`, `errors.cache.*`). */
  message: MessageSchema,
  movedTo: z.array(z.string()),
  at: IsoDateTime,
});
export type DataFileEvent = z.infer<typeof DataFileEvent>;

export const AppInfo = z.object({
  name: z.literal('Keyflare'),
  version: z.string(),
  dataDir: z.string(),
  schemaVersions: z.object({ profiles: z.number().int(), cache: z.number().int() }),
  platform: z.string(),
  /** Whether the keychain answers; when not, why, as a message (the keychain error's own). */
  keychain: z.object({ available: z.boolean(), message: MessageSchema.nullable() }),
  /** What happened to the data files at start: moved aside or refused. */
  dataEvents: z.array(DataFileEvent),
  background: BackgroundSupport.nullable(),
  /** The OS's preferred languages, most preferred first (the Electron shell's; empty elsewhere). */
  systemLocales: z.array(z.string().max(64)).max(32),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const CopyFormat = z.enum(['curl_secret', 'curl_env', 'secret']);
export type CopyFormat = z.infer<typeof CopyFormat>;
