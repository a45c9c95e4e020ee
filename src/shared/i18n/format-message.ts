/**
 * A message as a person reads it: its dates formatted in the face's locale, then translated.
 *
 * The core sends dates as ISO text (docs/i18n.md); this is the one place they become words, so
 * the window, the command line and the main process's notifications say them alike. A
 * parameter's name says what it holds: `…Day` is a calendar day (`2026-03-12`, or a full ISO
 * time read as its UTC day) and `…At` a moment (`2026-03-12T14:02:00Z`). Everything else is
 * passed as it is.
 */
import type { Formats } from './format';
import type { MessageKey, MessageParams } from './message';
import type { Translate } from './translator';

/** The formatters a message needs: a day and a moment. */
export type MessageFormats = Pick<Formats, 'day' | 'dateTime'>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/u;

/** A calendar day in the formats' locale, on that day wherever the reader is (not its UTC instant). */
function dayText(value: string, formats: MessageFormats): string {
  const match = DAY.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const localMidnight = new Date(Number(year), Number(month) - 1, Number(day));
  return formats.day(localMidnight.toISOString()) ?? value;
}

/** The parameters with their dates as words. */
export function formatParams(params: MessageParams | undefined, formats: MessageFormats): MessageParams {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' && name.endsWith('Day')) out[name] = dayText(value, formats);
    else if (typeof value === 'string' && name.endsWith('At')) out[name] = formats.dateTime(value) ?? value;
    else out[name] = value;
  }
  return out;
}

/** The text of `message` through `t`, its dates formatted with `formats`. */
export function formatMessage(
  t: Translate,
  message: { key: string; params?: MessageParams | undefined },
  formats: MessageFormats,
): string {
  return t(message.key as MessageKey, formatParams(message.params, formats));
}
