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

/** The English sentence of `message`, its dates in ISO form. */
export function englishMessage(message: MessageData): string {
  return formatMessage(englishText, message, ISO_FORMATS);
}

/** A message for `--json`: its English sentence, with the key and parameters beside it. */
export function messageJson(message: MessageData): { message: string; key: string; params: MessageParams } {
  return { message: englishMessage(message), key: message.key, params: message.params ?? {} };
}
