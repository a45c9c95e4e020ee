/**
 * The catalogues stay whole and lean: every key in both languages, every message valid ICU with
 * the same placeholders in both, and no key nothing uses.
 *
 * A key used in code but missing from the catalogues is a compile error (`MessageKey` is built
 * from the English catalogue); this test covers what the compiler cannot see: zh-CN, ICU syntax, dead keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, DYNAMIC_KEYS, LOCALES } from '../../../src/shared/i18n';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Every leaf of a catalogue as "a.b.c" → message. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') out.set(key, value);
    else for (const [k, v] of leaves(value as object, key)) out.set(k, v);
  }
  return out;
}

/** The argument names an ICU message uses, including those inside plural and select branches. */
function placeholders(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (node.type !== 0 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

/** Every source file of the app (src/), the text the usage scan reads. */
function sourceTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) texts.push(...sourceTexts(full));
    else if (/\.(ts|tsx|mts)$/u.test(entry.name)) texts.push(fs.readFileSync(full, 'utf8'));
  }
  return texts;
}

/** Whether `key` matches a dynamic pattern ("errors.code.{code}.title"). */
function matchesDynamic(key: string, pattern: string): boolean {
  const source = pattern
    .split(/\{[^}]+\}/u)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/gu, '\\$&'))
    .join('[^.]+');
  return new RegExp(`^${source}$`, 'u').test(key);
}

const english = leaves(CATALOGUES.en);

describe('the catalogues', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const keys = [...leaves(CATALOGUES[locale]).keys()].sort();
    const missing = [...english.keys()].filter((k) => !keys.includes(k));
    const extra = keys.filter((k) => !english.has(k));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(LOCALES)('every %s message is valid ICU with the English placeholders', (locale) => {
    const problems: string[] = [];
    for (const [key, message] of leaves(CATALOGUES[locale])) {
      try {
        const mine = placeholders(message, locale);
        const theirs = placeholders(english.get(key) ?? '', 'en');
        if (mine.join() !== theirs.join())
          problems.push(`${key}: {${mine.join()}} vs English {${theirs.join()}}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no key that nothing uses (written in src/ or listed in dynamic-keys.ts)', () => {
    const text = sourceTexts(path.join(root, 'src')).join('\n');
    const written = new Set(
      [...text.matchAll(/['"`]([a-zA-Z][\w-]*(?:\.[\w-]+)+)['"`]/gu)].map((match) => match[1]),
    );
    const unused = [...english.keys()].filter(
      (key) => !written.has(key) && !DYNAMIC_KEYS.some((pattern) => matchesDynamic(key, pattern)),
    );
    expect(unused).toEqual([]);
  });

  it('lists only dynamic patterns that match a key', () => {
    const dead = DYNAMIC_KEYS.filter(
      (pattern) => ![...english.keys()].some((k) => matchesDynamic(k, pattern)),
    );
    expect(dead).toEqual([]);
  });
});
