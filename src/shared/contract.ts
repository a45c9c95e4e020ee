/**
 * The IPC contract: every channel with its input and output schema, every event with its
 * payload schema. Declared once; main registers one handler per entry, the preload builds
 * window.api from the same names, the renderer types its calls from it.
 *
 * Every object in every channel schema is strict (deepStrict): an undeclared key in an input is
 * a VALIDATION error, in a reply an INTERNAL one. Inputs bound what a renderer may send: ids
 * have the charset and length of their kind (a secret never fits where an id goes), text has a
 * length limit and no control or bidirectional-override characters, secrets are printable ASCII.
 */
import { z } from 'zod';
import type { ChannelName, EventName } from './channels';
import { deepStrict } from './strict-schema';
import { schemaWords } from './i18n/schema-words';
import { POLICY_CODE_CHANNELS } from './export/contract-channels';
import { ACCESS_HEALTH_CHANNELS, ACCESS_HEALTH_EVENTS } from './health/contract-channels';
import { SANDBOX_CHANNELS } from './sandbox/contract-channels';
import {
  Account,
  AppInfo,
  BaseUrl,
  CfId,
  CopyFormat,
  CredentialInput,
  HistoryEntry,
  KeychainEntry,
  PermissionGroup,
  Profile,
  ProfileId,
  ResolvedTemplate,
  Settings,
  ShowOnceSecret,
  SyncProgress,
  SyncRun,
  SyncStatus,
  TokenDetail,
  TokenDraft,
  TokenOwner,
  TokenPreview,
  TokenRow,
  VerifyResult,
  Zone,
} from './domain';

export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * Characters that have no place in a name a person types: controls (NUL, escape, …) and the
 * invisible marks that reorder text (U+202E and friends), which could make one profile or token
 * name display as another.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function visibleText(schema: z.ZodString): z.ZodString {
  return schema.refine((text) => !HIDDEN_CHARACTERS.test(text), schemaWords('validation.schema.visibleText'));
}

const Empty = z.object({}).strict();
const TokenRef = z.object({ profileId: ProfileId, tokenId: CfId }).strict();
const SecretInput = z
  .string()
  .trim()
  .min(20, schemaWords('validation.schema.secretShort'))
  .max(200)
  .regex(/^[\x21-\x7e]+$/u, schemaWords('validation.schema.secretText'));
const ProfileLabel = visibleText(
  z.string().trim().min(1, schemaWords('validation.schema.profileName')).max(80),
);

/**
 * One entry of a token's IP filter, bounded here; validateDraft then checks it is an address or
 * CIDR range and names the entry (`requestIp.in.2`) the way the wizard shows it.
 */
const IpRange = z
  .string()
  .max(64, schemaWords('validation.schema.ipRange'))
  .regex(/^[\x21-\x7e]*$/u, schemaWords('validation.schema.ipRange'));

/** A draft as the renderer sends it: the domain's draft with bounded, visible text. */
const DraftInput = TokenDraft.extend({
  name: visibleText(TokenDraft.shape.name),
  requestIp: z.object({ in: z.array(IpRange), notIn: z.array(IpRange) }),
});

const TokenWrite = z
  .object({
    profileId: ProfileId,
    owner: TokenOwner,
    draft: DraftInput,
  })
  .strict();

const declared = {
  'app.info': { input: Empty, output: AppInfo },

  'settings.get': { input: Empty, output: Settings },
  'settings.update': { input: Settings.partial().strict(), output: Settings },

  'profiles.list': { input: Empty, output: z.array(Profile) },
  'profiles.add': {
    input: z
      .object({
        label: ProfileLabel,
        credential: CredentialInput,
        baseUrl: BaseUrl.optional(),
      })
      .strict(),
    output: Profile,
  },
  'profiles.rename': {
    input: z.object({ profileId: ProfileId, label: ProfileLabel }).strict(),
    output: Profile,
  },
  'profiles.replaceCredential': {
    input: z.object({ profileId: ProfileId, credential: CredentialInput }).strict(),
    output: Profile,
  },
  'profiles.remove': {
    input: z.object({ profileId: ProfileId }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },

  /** Keychain entries of Keyflare's that no profile or cached token refers to (never a secret). */
  'keychain.entries': {
    input: Empty,
    output: z.array(KeychainEntry),
  },

  'keychain.reattach': {
    input: z.object({ profileId: ProfileId, label: ProfileLabel, baseUrl: BaseUrl.optional() }).strict(),
    output: Profile,
  },

  /** Deletes one orphaned entry: a profile credential (no tokenId) or a kept token secret. */
  'keychain.forget': {
    input: z.object({ profileId: ProfileId, tokenId: CfId.optional() }).strict(),
    output: z.object({ forgotten: z.boolean() }),
  },

  'accounts.list': {
    input: z.object({ profileId: ProfileId.optional() }).strict(),
    output: z.array(Account),
  },
  'zones.list': {
    input: z.object({ profileId: ProfileId.optional(), accountId: CfId.optional() }).strict(),
    output: z.array(Zone),
  },
  'permissionGroups.list': {
    input: z.object({ profileId: ProfileId, owner: TokenOwner }).strict(),
    output: z.array(PermissionGroup),
  },

  'sync.start': {
    input: z.object({ profileId: ProfileId.optional() }).strict(),
    output: z.array(SyncRun),
  },
  'sync.cancel': {
    input: z.object({ profileId: ProfileId }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  'sync.status': { input: Empty, output: z.array(SyncStatus) },

  'tokens.list': {
    input: z.object({ profileId: ProfileId.optional() }).strict(),
    output: z.array(TokenRow),
  },
  'tokens.get': { input: TokenRef, output: TokenDetail },
  'tokens.history': {
    input: z
      .object({
        profileId: ProfileId.optional(),
        tokenId: CfId.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    output: z.array(HistoryEntry),
  },

  'templates.list': {
    input: z.object({ profileId: ProfileId, owner: TokenOwner }).strict(),
    output: z.array(ResolvedTemplate),
  },
  /** With a tokenId, the preview of an edit of that token (its endpoint is the update's). */
  'tokens.preview': { input: TokenWrite.extend({ tokenId: CfId.optional() }).strict(), output: TokenPreview },
  'tokens.create': {
    input: TokenWrite.extend({ keepSecret: z.boolean() }).strict(),
    output: ShowOnceSecret,
  },
  'tokens.update': {
    input: z.object({ profileId: ProfileId, tokenId: CfId, draft: DraftInput }).strict(),
    output: TokenRow,
  },
  'tokens.setStatus': {
    input: TokenRef.extend({ status: z.enum(['active', 'disabled']) }).strict(),
    output: TokenRow,
  },
  'tokens.delete': { input: TokenRef, output: z.object({ deleted: z.literal(true) }) },
  'tokens.roll': {
    input: TokenRef.extend({ keepSecret: z.boolean() }).strict(),
    output: ShowOnceSecret,
  },
  'tokens.verify': { input: TokenRef, output: VerifyResult },
  'tokens.verifyAll': {
    input: z.object({ profileId: ProfileId }).strict(),
    output: z.array(z.object({ tokenId: z.string(), result: VerifyResult })),
  },
  'tokens.verifySecret': {
    input: z.object({ profileId: ProfileId, secret: SecretInput, owner: TokenOwner.optional() }).strict(),
    output: z.object({
      result: VerifyResult,
      tokenId: z.string().nullable(),
      /** The cached token the secret belongs to, when Keyflare knows it. */
      token: TokenRow.nullable(),
    }),
  },
  'tokens.adopt': {
    input: TokenRef.extend({ secret: SecretInput }).strict(),
    output: TokenRow,
  },
  'tokens.forgetSecret': { input: TokenRef, output: TokenRow },

  'clipboard.copy': {
    input: TokenRef.extend({ format: CopyFormat }).strict(),
    output: z.object({
      clearsInSeconds: z.number().int(),
      /** The copied text when it holds no secret (the $CLOUDFLARE_API_TOKEN variant); else null. */
      text: z.string().nullable(),
    }),
  },
  ...POLICY_CODE_CHANNELS,
  ...ACCESS_HEALTH_CHANNELS,
  ...SANDBOX_CHANNELS,
} satisfies { [K in ChannelName]: ChannelSpec };

/** Every channel of `declared`, with every object in its input and output schemas strict. */
function strictChannels<T extends Record<ChannelName, ChannelSpec>>(channels: T): T {
  const entries = Object.entries(channels).map(([name, spec]) => [
    name,
    { input: deepStrict(spec.input), output: deepStrict(spec.output) },
  ]);
  return Object.fromEntries(entries) as T;
}

export const contract = strictChannels(declared);

export type Contract = typeof contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const events = {
  'sync.progress': SyncProgress,
  'sync.finished': z.object({ profileId: ProfileId, run: SyncRun }),
  'clipboard.cleared': z.object({ clearedAt: z.string() }),
  ...ACCESS_HEALTH_EVENTS,
} satisfies { [K in EventName]: z.ZodType };

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
