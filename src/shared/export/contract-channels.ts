/**
 * The IPC channels of policies as code: export, import, duplicate to, rotate with overlap.
 *
 * Spread into the contract's channel table (contract.ts), so they are validated, fuzzed and
 * exposed on window.api like every other channel. Inputs are bounded: a selection of at most
 * 500 tokens, pasted text of at most 1,000,000 characters.
 */
import { z } from 'zod';
import { CfId, ProfileId, TokenOwner } from '../domain';
import { schemaWords } from '../i18n/schema-words';
import { ExportFormat, ExportResult, ImportResult, Rotation, RotationStart } from './export-schemas';

const TokenRef = z.object({ profileId: ProfileId, tokenId: CfId }).strict();
const ExportInput = z
  .object({
    tokens: z.array(TokenRef).min(1, schemaWords('validation.schema.chooseToken')).max(500),
    format: ExportFormat,
  })
  .strict();
const RotationRef = z.object({ rotationId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict();

export const POLICY_CODE_CHANNELS = {
  /** The text of an export (never a secret), built in main. */
  'export.tokens': { input: ExportInput, output: ExportResult },
  /** The same text written to the clipboard by main. */
  'export.copy': {
    input: ExportInput,
    output: z.object({ copied: z.literal(true), characters: z.number().int() }),
  },
  /** A pasted recipe or API body resolved against a profile: nothing is sent. */
  'import.resolve': {
    input: z
      .object({
        profileId: ProfileId,
        text: z.string().min(1, schemaWords('validation.schema.pasteText')).max(1_000_000),
        owner: TokenOwner.optional(),
        index: z.number().int().min(0).max(499).optional(),
      })
      .strict(),
    output: ImportResult,
  },
  /** A token's policy resolved in another profile or for another owner, mapped by name. */
  'tokens.duplicateTo': {
    input: TokenRef.extend({ targetProfileId: ProfileId, targetOwner: TokenOwner }).strict(),
    output: ImportResult,
  },
  'rotation.start': { input: TokenRef.extend({ keepSecret: z.boolean() }).strict(), output: RotationStart },
  'rotation.list': {
    input: z.object({ profileId: ProfileId.optional(), tokenId: CfId.optional() }).strict(),
    output: z.array(Rotation),
  },
  /** Disables or deletes the old token once the user confirms nothing uses it. */
  'rotation.retire': {
    input: RotationRef.extend({ action: z.enum(['disable', 'delete']), confirmed: z.literal(true) }).strict(),
    output: Rotation,
  },
  /** Checks an interrupted step with Cloudflare (reads only) and says where the rotation stands. */
  'rotation.resume': { input: RotationRef, output: Rotation },
  'rotation.cancel': { input: RotationRef, output: Rotation },
} as const;
