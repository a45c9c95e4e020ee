/**
 * A message (`{ key, params }`, src/shared/i18n/message.ts) in a TEXT column: stored as its JSON,
 * so each face words it in its own language when it reads it back.
 *
 * Rows written before messages were data hold an English sentence instead; reading one gives
 * the caller's fallback, a message that says the same in the user's language.
 */
import { MessageSchema, type Message } from '../../../shared/i18n/message';

/** The column text of a message. */
export function messageColumn(message: Message | { key: string; params?: Message['params'] }): string {
  return JSON.stringify(message);
}

/** The message a column holds, or `fallback` when it holds an older sentence (or anything else). */
export function messageFromColumn(text: string | null, fallback: () => Message): Message {
  if (text === null || !text.startsWith('{')) return fallback();
  try {
    const parsed = MessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as Message) : fallback();
  } catch {
    return fallback();
  }
}
