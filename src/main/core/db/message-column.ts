/**
 * A message (`{ key, params }`, src/shared/i18n/message.ts) in a TEXT column: stored as its JSON,
 * so each face words it in its own language when it reads it back.
 *
 * Rows written before messages were data hold an English sentence instead; reading one gives
 * the caller's fallback, a message that says the same in the user's language.
 */
import type { Message } from '../../../shared/i18n/message';

/** The column text of a message. */
export function messageColumn(message: Message | { key: string; params?: Message['params'] }): string {
  return JSON.stringify(message);
}

/**
 * Whether a column's JSON has a message's shape: a key and plain parameters, nothing else. Checked
 * by hand, not with the contract's MessageSchema: every read of a token row passes here, and zod
 * is a tenth of the command line's start-up CPU (the contract checks replies that leave the core).
 */
function isStoredMessage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { key, params, ...rest } = value as Record<string, unknown>;
  if (typeof key !== 'string' || key === '' || Object.keys(rest).length > 0) return false;
  if (params === undefined) return true;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  return Object.values(params).every((v) => typeof v === 'string' || typeof v === 'number');
}

/** The message a column holds, or `fallback` when it holds an older sentence (or anything else). */
export function messageFromColumn(text: string | null, fallback: () => Message): Message {
  if (text === null || !text.startsWith('{')) return fallback();
  try {
    const parsed: unknown = JSON.parse(text);
    return isStoredMessage(parsed) ? (parsed as Message) : fallback();
  } catch {
    return fallback();
  }
}
