/**
 * The shapes policies-as-code sends over IPC: exports, import results, rotations.
 *
 * Declared once here with zod (the contract uses them, the types are inferred); no shape carries
 * a secret except a rotation's show-once reply, which is the create's own ShowOnceSecret.
 */
import { z } from 'zod';
import { MessageSchema } from '../i18n/schemas';
import {
  CfId,
  IsoDateTime,
  PolicyDraft,
  ProfileId,
  ResourceSelector,
  ShowOnceSecret,
  TokenDraft,
  TokenOwner,
} from '../domain';

/** What to export: the API body, Terraform, a recipe, or (one token) the dashboard template URL. */
export const ExportFormat = z.enum(['body', 'terraform', 'recipe', 'share']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** One exported file: its text, a file name to save it under, and what the user should know. */
export const ExportResult = z.object({
  format: ExportFormat,
  text: z.string(),
  fileName: z.string(),
  tokenCount: z.number().int(),
  /** Terraform: one `terraform import …` command per resource. */
  importCommands: z.array(z.string()),
  /**
   * What the user should know, as messages each face words (`outcomes.export.*`, a share link's
   * `outcomes.share.*`): tokens left out and why, parts written from Cloudflare's copy.
   */
  notes: z.array(MessageSchema),
});
export type ExportResult = z.infer<typeof ExportResult>;

/** A draft as an import resolved it: a policy may have lost groups or resources that did not resolve. */
export const ImportDraft = TokenDraft.extend({
  policies: z.array(
    PolicyDraft.extend({ permissionGroupIds: z.array(CfId), resources: z.array(ResourceSelector) }),
  ),
});
export type ImportDraft = z.infer<typeof ImportDraft>;

export const ImportItemKind = z.enum(['owner', 'permission group', 'account', 'zone', 'user', 'part']);

/** A name from the recipe or body and what it became in the chosen profile. */
export const ResolvedItem = z.object({ what: ImportItemKind, from: z.string(), to: z.string() });
export type ResolvedItem = z.infer<typeof ResolvedItem>;

/** A name that did not resolve: why, and the nearest names the profile does have. */
export const UnresolvedItem = z.object({
  what: ImportItemKind,
  name: z.string(),
  /** Why it did not resolve, as a message (`outcomes.import.*`) each face words. */
  reason: MessageSchema,
  closest: z.array(z.string()),
});
export type UnresolvedItem = z.infer<typeof UnresolvedItem>;

export const ImportResult = z.object({
  source: z.enum(['recipe', 'body', 'token']),
  /** How many tokens the pasted text holds, and which one this is. */
  tokenCount: z.number().int(),
  index: z.number().int(),
  profileId: ProfileId,
  owner: TokenOwner,
  draft: ImportDraft,
  resolved: z.array(ResolvedItem),
  unresolved: z.array(UnresolvedItem),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const RotationState = z.enum([
  /** The create is on its way, or was when Keyflare stopped: whether it happened is unknown. */
  'creating',
  /** The new token exists; the old one is untouched until the user confirms it is unused. */
  'awaiting_confirmation',
  /** The disable or delete of the old token is on its way, or was when Keyflare stopped. */
  'retiring',
  'done',
  'cancelled',
]);
export type RotationState = z.infer<typeof RotationState>;

export const Rotation = z.object({
  id: z.number().int(),
  profileId: ProfileId,
  oldTokenId: z.string(),
  oldTokenName: z.string(),
  newTokenId: z.string().nullable(),
  state: RotationState,
  /** What the old token gets once the user confirms: disabled or deleted. */
  retireAction: z.enum(['disable', 'delete']).nullable(),
  /** A write in this state may or may not have happened: resume checks with Cloudflare first. */
  uncertain: z.boolean(),
  /** The new token exists but its secret never reached Keyflare: roll it to get one. */
  secretLost: z.boolean(),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  /** Where the rotation stands and what to do next, as a message (`outcomes.rotation.*`). */
  message: MessageSchema,
});
export type Rotation = z.infer<typeof Rotation>;

export const RotationStart = z.object({ rotation: Rotation, created: ShowOnceSecret });
export type RotationStart = z.infer<typeof RotationStart>;
