/**
 * The English sentence of a message has two paths (src/shared/i18n/english-message.ts): the fast
 * one (intl-messageformat straight from the catalogue, whole numbers grouped by hand) and i18next
 * with ICU, which the window and every other language use. Whatever the fast path words, it must
 * word exactly as i18next does, for every key of the English catalogue, with numbers (0, 1,
 * plurals, thousands, negatives, fractions), every choice of a select and text that looks like
 * markup; otherwise `keyflare tokens --json` would change its bytes.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/shared/i18n/catalogues/en';
import { englishMessage, messageJson, plainEnglish } from '../../../src/shared/i18n/english-message';
import type { MessageKey, MessageParams } from '../../../src/shared/i18n/message';
import { englishText } from '../../../src/shared/i18n/translator';

/** Every key of a catalogue with its text. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([name, child]) =>
    leaves(child, prefix ? `${prefix}.${name}` : name),
  );
}

/** intl-messageformat's AST, read loosely: an element's type, argument name and choices. */
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;

const NUMBERS = [0, 1, 2, 1_067, 1_234_567, -12_345, 1.5, 21];
const TEXTS = ['Acme <b> & "quotes"', 'zone example.com', '1', '', 'it’s {odd}'];

/** The values each argument of `text` is tried with. */
function candidates(text: string): Map<string, (string | number)[]> {
  const args = new Map<string, (string | number)[]>();
  const add = (name: string, values: (string | number)[]) =>
    args.set(name, [...(args.get(name) ?? []), ...values]);
  const walk = (elements: Element[]) => {
    for (const element of elements) {
      const name = typeof element.value === 'string' ? element.value : null;
      if (name !== null && (element.type === NUMBER || element.type === PLURAL)) add(name, NUMBERS);
      else if (name !== null && element.type === SELECT)
        add(name, [...Object.keys(element.options ?? {}), 'not-a-choice']);
      else if (name !== null && element.type === ARGUMENT) add(name, [...TEXTS, 1_067]);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true }).getAst());
  return args;
}

/** Parameter sets for `text`: the n-th set gives each argument its n-th value (wrapping). */
function paramSets(text: string): MessageParams[] {
  const args = candidates(text);
  const rounds = Math.max(1, ...[...args.values()].map((values) => values.length));
  return Array.from({ length: rounds }, (_, round) =>
    Object.fromEntries([...args].map(([name, values]) => [name, values[round % values.length] ?? ''])),
  );
}

const KEYS = leaves(en);

describe('the English sentence of a message', () => {
  it('words every key of the catalogue through the fast path exactly as i18next does', () => {
    expect(KEYS.length).toBeGreaterThan(500);
    let compared = 0;
    for (const [key, text] of KEYS) {
      for (const params of paramSets(text)) {
        const fast = plainEnglish(key, params);
        const full = englishText(key as MessageKey, params);
        // A select given a value it has no choice for fails in ICU; i18next then shows the raw
        // text, and the fast path leaves such a message to i18next.
        if (fast === null) expect(full).toBe(text);
        else {
          expect({ key, params, text: fast }).toEqual({ key, params, text: full });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(KEYS.length);
  });

  it('takes the fast path for every warning and verify outcome `keyflare tokens --json` words', () => {
    const rowKeys = KEYS.filter(([key]) =>
      /^(insights\.warning|verify\.outcome|verify\.networkError)\b/u.test(key),
    );
    expect(rowKeys.length).toBeGreaterThan(10);
    for (const [key, text] of rowKeys)
      for (const params of paramSets(text).filter((p) => !Object.values(p).includes('not-a-choice')))
        expect(plainEnglish(key, params), key).not.toBeNull();
    expect(plainEnglish('insights.warning.neverUsed', { days: 1_067 })).toBe(
      'issued 1,067 days ago and never used',
    );
  });

  it('leaves nested messages, unknown keys and missing parameters to i18next, with the same words', () => {
    const nested = { key: 'errors.create.failedBefore', params: { $cause: 'errors.network.offline' } };
    expect(plainEnglish(nested.key, nested.params)).toBeNull();
    expect(plainEnglish('insights.warning.noSuchKey', {})).toBeNull();
    expect(plainEnglish('insights.warning.neverUsed', {})).toBeNull();
    for (const message of [
      nested,
      { key: 'insights.warning.noSuchKey' },
      { key: 'insights.warning.neverUsed', params: {} },
    ])
      expect(englishMessage(message)).toBe(englishText(message.key as MessageKey, message.params));
  });

  it('writes dates in ISO form and keeps the key and parameters beside the sentence', () => {
    expect(messageJson({ key: 'insights.warning.expiredOn', params: { expiresDay: '2024-12-31' } })).toEqual({
      message: 'expired on 2024-12-31',
      key: 'insights.warning.expiredOn',
      params: { expiresDay: '2024-12-31' },
    });
    expect(messageJson({ key: 'insights.warning.noExpiry' })).toEqual({
      message: 'never expires',
      key: 'insights.warning.noExpiry',
      params: {},
    });
  });
});
