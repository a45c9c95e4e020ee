/**
 * English has two translators: `englishText` (src/shared/i18n/english-message.ts:
 * intl-messageformat straight from the catalogue, whole numbers grouped by hand, no i18next),
 * which logs, errors, the command line's English runs and `--json` use, and i18next with ICU,
 * which the window and every other language use. They must say exactly the same, for every key
 * of the English catalogue, with numbers (0, 1, plurals, thousands, negatives, fractions), every
 * choice of a select, text that looks like markup, nested messages, unknown keys and missing
 * parameters; otherwise a sentence would read differently in the window and in a terminal.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/shared/i18n/catalogues/en';
import { englishMessage, englishText, messageJson } from '../../../src/shared/i18n/english-message';
import { nest, type MessageKey, type MessageParams } from '../../../src/shared/i18n/message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';

/** The window's English: i18next with ICU. */
const i18nextEnglish = translatorFor(createI18n('en'), 'en');

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
  it('words every key of the catalogue exactly as i18next does', () => {
    expect(KEYS.length).toBeGreaterThan(500);
    let compared = 0;
    for (const [key, text] of KEYS) {
      for (const params of paramSets(text)) {
        const ours = englishText(key, params);
        expect({ key, params, text: ours }).toEqual({
          key,
          params,
          text: i18nextEnglish(key as MessageKey, params),
        });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(KEYS.length);
    expect(englishText('insights.warning.neverUsed', { days: 1_067 })).toBe(
      'issued 1,067 days ago and never used',
    );
  });

  it('words nested messages, unknown keys and missing parameters as i18next does', () => {
    const messages: { key: string; params?: MessageParams }[] = [
      {
        key: 'validation.draft.outsideOwner',
        params: {
          ...nest('resource', { key: 'policy.resource.zone', params: { zone: 'example.com' } }),
          ...nest('owner', { key: 'insights.warning.neverUsed', params: { days: 2_500 } }),
        },
      },
      { key: 'errors.input.invalid', params: { path: 'name', ...nest('problem', { key: 'nope.nothing' }) } },
      { key: 'insights.warning.noSuchKey' },
      { key: 'insights.warning.neverUsed', params: {} },
    ];
    for (const message of messages) {
      const said = i18nextEnglish(message.key as MessageKey, message.params);
      expect(englishText(message.key, message.params)).toBe(said);
      expect(englishMessage(message)).toBe(said);
    }
    expect(englishText(messages[0]?.key ?? '', messages[0]?.params)).toContain('2,500 days');
    expect(englishText('insights.warning.noSuchKey')).toBe('insights.warning.noSuchKey');
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
