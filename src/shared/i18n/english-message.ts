/**
 * The English sentence of a core message with locale-free dates: what logs and the command
 * line's `--json` fields that always held an English sentence carry, the same on every machine.
 *
 * Fast path: a message is formatted by intl-messageformat (the same parser and formatter
 * i18next-icu runs) straight from the English catalogue, one compiled format per key, without
 * i18next around it. `keyflare tokens --json` words every token's warnings this way without
 * initialising i18next or setting up ICU's number formatting (about 15 ms of a start): a whole
 * number is written with English digit grouping, the one thing its sentences need from Intl
 * (`englishFormatters`). A message this path cannot word exactly as i18next does (a nested
 * message, a key not in the catalogue, a format that fails) goes through `englishText`, and
 * test/shared/i18n/english-message.test.ts checks both paths agree on every key of the catalogue.
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { en } from './catalogues/en';
import { formatMessage, formatParams, type MessageFormats } from './format-message';
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

/** Days as `2026-12-03`, moments as `2026-12-03 14:02 UTC`: the same on every machine and in every language. */
export const ISO_FORMATS: MessageFormats = {
  day: (iso) => isoTime(iso)?.toISOString().slice(0, 10) ?? null,
  dateTime: (iso) => {
    const time = isoTime(iso);
    return time ? `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC` : null;
  },
};

/**
 * English digit grouping of a whole number, as `Intl.NumberFormat('en')` writes it ("1,067",
 * "-12,345"). Written by hand on purpose: the first Intl number format of a process sets up ICU's
 * number data, about 15 ms, for what a regular expression does here. Anything but a safe
 * integer (fractions, -0, NaN) is left to Intl.
 */
function groupedInteger(value: number): string | null {
  if (!Number.isSafeInteger(value) || Object.is(value, -0)) return null;
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
}

let intlNumbers: Intl.NumberFormat | null = null;
let intlPlurals: Intl.PluralRules | null = null;

/**
 * What intl-messageformat asks of Intl for an English sentence. A plain number (`#` in a plural,
 * `{n}` holding a number) and the cardinal plural of a whole number (English: "one" for 1, else
 * "other") are answered here; a styled number, an ordinal or a fraction asks Intl itself.
 */
const englishFormatters: Formatters = {
  getNumberFormat: (locales, options) => {
    if (options !== undefined) return new Intl.NumberFormat(locales, options);
    return {
      format: (value: number | bigint) =>
        (typeof value === 'number' ? groupedInteger(value) : null) ??
        (intlNumbers ??= new Intl.NumberFormat('en')).format(value),
    } as Intl.NumberFormat;
  },
  getPluralRules: (locales, options) => {
    if (options?.type === 'ordinal') return new Intl.PluralRules(locales, options);
    return {
      select: (value: number) =>
        Number.isSafeInteger(value)
          ? value === 1
            ? 'one'
            : 'other'
          : (intlPlurals ??= new Intl.PluralRules('en')).select(value),
    } as Intl.PluralRules;
  },
  getDateTimeFormat: (locales, options) => new Intl.DateTimeFormat(locales, options),
};

/** The English catalogue's text of `key`, or null when the key names no sentence. */
function catalogueText(key: string): string | null {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}

/** Each key's compiled format (null: not a catalogue sentence, or one that does not parse). */
const compiled = new Map<string, IntlMessageFormat | null>();

function compiledFormat(key: string): IntlMessageFormat | null {
  let format = compiled.get(key);
  if (format === undefined) {
    const text = catalogueText(key);
    try {
      // ignoreTag: as i18next-icu parses, so `<` is plain text.
      format =
        text === null
          ? null
          : new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true, formatters: englishFormatters });
    } catch {
      format = null;
    }
    compiled.set(key, format);
  }
  return format;
}

/** Parameter names i18next reads as options of the call rather than values of the sentence. */
const I18NEXT_OPTIONS = new Set(['lng', 'lngs', 'ns', 'context', 'defaultValue', 'ordinal', 'replace']);

/**
 * The fast path's sentence of `key` with `params` (dates already words), or null when only
 * i18next can say it the same way.
 */
export function plainEnglish(key: string, params: MessageParams): string | null {
  for (const name in params) if (name.startsWith('$') || I18NEXT_OPTIONS.has(name)) return null;
  const format = compiledFormat(key);
  if (format === null) return null;
  try {
    const text = format.format(params);
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/**
 * Sentences already made, by key and parameters: `keyflare tokens --json` words every token's
 * warnings and last verify, thousands of messages that are mostly the same few ("This token never
 * expires"), and even the fast path costs more per call than a lookup.
 */
const made = new Map<string, string>();
const MADE_AT_MOST = 10_000;

/** The English sentence of `message`, its dates in ISO form. */
export function englishMessage(message: MessageData): string {
  const id = message.params ? `${message.key}\u0000${JSON.stringify(message.params)}` : message.key;
  const known = made.get(id);
  if (known !== undefined) return known;
  const text =
    plainEnglish(message.key, formatParams(message.params, ISO_FORMATS)) ??
    formatMessage(englishText, message, ISO_FORMATS);
  if (made.size >= MADE_AT_MOST) made.clear();
  made.set(id, text);
  return text;
}

/** A message for `--json`: its English sentence, with the key and parameters beside it. */
export function messageJson(message: MessageData): { message: string; key: string; params: MessageParams } {
  return { message: englishMessage(message), key: message.key, params: message.params ?? {} };
}
