/**
 * A user-facing message as data: a catalogue key and its parameters.
 *
 * The core never hands the window or the command line a finished sentence it means a person to
 * read: it returns `{ key, params }` and each face formats it in the user's language. Where a
 * sentence is also needed for a log (AppError.message), it is the English text of the same key.
 */
import { z } from 'zod';
import type en from './catalogues/en';

/** Every leaf path of a catalogue: "settings.theme.label". */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;

/** Parameters are plain values; dates travel as ISO text and are formatted by the face. */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** The contract's shape of a message (strict: a stray field is refused). */
export const MessageSchema = z
  .object({
    key: z.string().min(1).max(200),
    params: z.record(z.string().max(64), z.union([z.string().max(4000), z.number()])).optional(),
  })
  .strict();

/** A message value, checked by the compiler against the English catalogue. */
export function msg(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}
