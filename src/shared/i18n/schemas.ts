/**
 * The contract's schemas of the i18n shapes: a message as data and Settings → Language.
 *
 * Apart from message.ts and locales.ts on purpose: those are loaded by every start of the command
 * line (`msg`, locale resolution), and zod is a tenth of a command's start-up CPU. Only what
 * checks a message or a setting — the contract, the cache's message columns — loads this module.
 * The i18n barrel re-exports its types only, so importing the barrel never loads zod.
 */
import { z } from 'zod';
import { LOCALES } from './locales';

/** The contract's shape of a message (strict: a stray field is refused). */
export const MessageSchema = z
  .object({
    key: z.string().min(1).max(200),
    params: z.record(z.string().max(64), z.union([z.string().max(4000), z.number()])).optional(),
  })
  .strict();

/** Settings → Language: follow the OS, or one of the locales. */
export const LanguageChoice = z.enum(['system', ...LOCALES]);
export type LanguageChoice = z.infer<typeof LanguageChoice>;
