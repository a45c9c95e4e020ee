/**
 * The English sentence of a core message with locale-free dates: what logs and the command
 * line's `--json` fields that always held an English sentence carry, the same on every machine.
 */
import { formatMessage, type MessageFormats } from './format-message';
import type { MessageParams } from './message';
import { englishText } from './translator';

/** A message as the contract carries it: its key checked against the catalogue by the faces. */
export interface MessageData {
  key: string;
  params?: MessageParams | undefined;
}

function isoTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time);
}

/** Days as `2026-12-03`, moments as `2026-12-03 14:02 UTC`. */
const ISO_FORMATS: MessageFormats = {
  day: (iso) => isoTime(iso)?.toISOString().slice(0, 10) ?? null,
  dateTime: (iso) => {
    const time = isoTime(iso);
    return time ? `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC` : null;
  },
};

/**
 * Sentences already made, by key and parameters: `keyflare tokens --json` words every token's
 * warnings and last verify, thousands of messages that are mostly the same few ("This token never
 * expires"), and i18next costs far more per call than a lookup.
 */
const made = new Map<string, string>();
const MADE_AT_MOST = 10_000;

/** The English sentence of `message`, its dates in ISO form. */
export function englishMessage(message: MessageData): string {
  const id = message.params ? `${message.key}\u0000${JSON.stringify(message.params)}` : message.key;
  const known = made.get(id);
  if (known !== undefined) return known;
  const text = formatMessage(englishText, message, ISO_FORMATS);
  if (made.size >= MADE_AT_MOST) made.clear();
  made.set(id, text);
  return text;
}

/** A message for `--json`: its English sentence, with the key and parameters beside it. */
export function messageJson(message: MessageData): { message: string; key: string; params: MessageParams } {
  return { message: englishMessage(message), key: message.key, params: message.params ?? {} };
}
