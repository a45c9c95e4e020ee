/**
 * The English sentence of a message, without i18next: what logs, the `message` field of an
 * AppError, the command line's English runs and its `--json` fields (with locale-free dates) say.
 *
 * A message is formatted by intl-messageformat (the same parser and formatter i18next-icu runs)
 * straight from the English catalogue, one compiled format per key: no i18next instance, no
 * Chinese catalogue, no ICU number data (a whole number is written with English digit grouping,
 * the one thing its sentences need from Intl: `englishFormatters`). i18next stays the window's
 * translator and every other language's; `englishText` words each message as it would: a nested
 * message in its place, a key the catalogue lacks as the key itself, a sentence whose format fails
 * (a select given a value it has no choice for) as the catalogue's raw text.
 * test/shared/i18n/english-message.test.ts holds the two to the same words for every key of the
 * catalogue, with numbers, every choice of a select, markup-like text and nested messages.
 * (Parameter names i18next would read as options of the call, `lng`, `ns`, `context` and the
 * like, name no parameter of the catalogues; here they would be plain values.)
 */
import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import { en } from './catalogues/en';
import { formatMessage, type MessageFormats } from './format-message';
import { splitNested, type MessageParams } from './message';

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

/**
 * Sentences already made, by key and parameters: `keyflare tokens --json` words every token's
 * warnings and last verify, thousands of messages that are mostly the same few ("This token never
 * expires"), and even the fast path costs more per call than a lookup.
 */
const made = new Map<string, string>();
const MADE_AT_MOST = 10_000;

/**
 * The English text of `key` with `params` as i18next with ICU words it (see the header): nested
 * messages first, each in its place.
 */
export function englishText(key: string, params?: MessageParams): string {
  const { plain, nested } = splitNested(params ?? {});
  for (const [name, inner] of nested) plain[name] = englishText(inner.key, inner.params);
  try {
    const text = compiledFormat(key)?.format(plain);
    if (typeof text === 'string') return text;
  } catch {
    // A format that fails shows the catalogue's raw text, as i18next-icu does.
  }
  return catalogueText(key) ?? key;
}

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
