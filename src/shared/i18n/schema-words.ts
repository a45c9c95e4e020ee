/**
 * The words a zod schema says about a bad value ("give the token a name"), as catalogue keys.
 *
 * A schema's check takes its message as a string, and zod keeps only that string on the issue.
 * So a schema names a key of `validation.schema.*` with `schemaWords(key)`, which gives zod the
 * key's English text (the issue's `message`, what logs and `--json` keep), and `schemaWordsKey`
 * finds the key again from an issue, for the faces to say it in the reader's language
 * (`issueMessage` in issue-message.ts). Only this area's JSON is read, never the translator: the
 * schemas load when the command line starts, which must stay cheap (docs/i18n.md, Speed).
 *
 * A schema's words may hold `{minimum, number}` or `{maximum, number}` (or without `, number`),
 * the bound of the check they belong to: "at most {maximum, number} tokens at once". No other
 * placeholder, no plural or select: the issue carries nothing else to fill them with.
 */
import validation from './catalogues/en/validation.json';

const WORDS: Readonly<Record<string, string>> = validation.schema;
const PREFIX = 'validation.schema.';

export type SchemaWordsKey = `validation.schema.${keyof typeof validation.schema}`;

/** The bounds a schema's words may name, as zod's too_small / too_big issues carry them. */
export interface SchemaBounds {
  minimum?: number;
  maximum?: number;
}

const BOUND = /\{(minimum|maximum)(?:, number)?\}/gu;

/** The English words of `key` with its bound written as ICU's `number` writes it in English. */
export function schemaWords(key: SchemaWordsKey, bounds: SchemaBounds = {}): string {
  const text = WORDS[key.slice(PREFIX.length)] ?? key;
  return text.replace(BOUND, (_, name: keyof SchemaBounds) => {
    const value = bounds[name];
    return value === undefined ? '' : value.toLocaleString('en-US');
  });
}

/** The key whose English words, with these bounds, are `text`; undefined for words of zod's own. */
export function schemaWordsKey(text: string, bounds: SchemaBounds = {}): SchemaWordsKey | undefined {
  for (const name of Object.keys(WORDS)) {
    const key = `${PREFIX}${name}` as SchemaWordsKey;
    if (schemaWords(key, bounds) === text) return key;
  }
  return undefined;
}
