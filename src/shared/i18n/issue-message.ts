/**
 * A zod issue as a message each face words in its reader's language (docs/i18n.md, Validation).
 *
 * zod writes an English sentence into every issue. zod 4 ships other languages
 * (`z.locales.zhCN`), but only through `z.config`, which is global: the core serves the window and
 * the command line, each in its own language, and one parse must not change the words of another.
 * So this renders each issue per call from its code and parameters (`too_big` with its `origin`
 * and `maximum`, `invalid_format` with its `format` …) as a `validation.issue.*` message, and a
 * schema's own words (`schemaWords`) as their `validation.schema.*` key. A refinement's message
 * that is neither rides as a parameter (`{said}`), since it is not ours to translate.
 */
import type { z } from 'zod';
import type { ValidationIssue } from '../errors';
import { englishMessage } from './english-message';
import { msg, type Message, type MessageParams } from './message';
import { schemaWordsKey, type SchemaBounds } from './schema-words';

type Issue = z.core.$ZodIssue;

/** How many names an "unknown fields" line quotes, and how much of each. */
const KEYS_SHOWN = 5;
const KEY_CHARACTERS = 40;

function bounds(issue: Issue): SchemaBounds {
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum) };
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum) };
  return {};
}

function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value) ?? value);
  return `"${text.length > KEY_CHARACTERS ? `${text.slice(0, KEY_CHARACTERS)}…` : text}"`;
}

/** The issue's problem, without the field it is about (the faces put the path before it). */
export function issueMessage(issue: Issue): Message {
  const bound = bounds(issue);
  const words = schemaWordsKey(issue.message, bound);
  if (words) return msg(words, bound as MessageParams);
  switch (issue.code) {
    case 'invalid_type':
      // zod's own English is the only trace of a missing value: the issue does not keep the input.
      return /received undefined$/u.test(issue.message)
        ? msg('validation.issue.missing')
        : msg('validation.issue.invalidType', { expected: issue.expected });
    case 'too_small':
      return msg('validation.issue.tooSmall', {
        origin: issue.origin,
        minimum: Number(issue.minimum),
        inclusive: issue.inclusive === false ? 'no' : 'yes',
      });
    case 'too_big':
      return msg('validation.issue.tooBig', {
        origin: issue.origin,
        maximum: Number(issue.maximum),
        inclusive: issue.inclusive === false ? 'no' : 'yes',
      });
    case 'invalid_format':
      return msg('validation.issue.format', { format: issue.format });
    case 'not_multiple_of':
      return msg('validation.issue.notMultipleOf', { divisor: Number(issue.divisor) });
    case 'unrecognized_keys':
      return msg('validation.issue.unrecognizedKeys', {
        count: issue.keys.length,
        keys: issue.keys.slice(0, KEYS_SHOWN).map(quoted).join(', '),
      });
    case 'invalid_union':
      return msg('validation.issue.invalidUnion');
    case 'invalid_key':
      return msg('validation.issue.invalidKey');
    case 'invalid_element':
      return msg('validation.issue.invalidElement');
    case 'invalid_value':
      return msg('validation.issue.invalidValue', {
        count: issue.values.length,
        values: issue.values.map(quoted).join(', '),
      });
    case 'custom':
      return msg('validation.issue.said', { said: issue.message });
    default:
      // A code a later zod adds: say only that the value is not valid.
      return msg('validation.issue.invalid');
  }
}

/** A field's problem as `details.issues` carries it: the English for logs, the message beside it. */
export function issueDetail(path: string, message: Message): ValidationIssue {
  return {
    path,
    message: englishMessage(message),
    key: message.key,
    ...(message.params === undefined ? {} : { params: message.params }),
  };
}

/** The path of a zod issue as the faces show it (`policies.0.resources`), or `whole` at the top. */
export function issuePath(issue: Issue, whole: string): string {
  return issue.path.map(String).join('.') || whole;
}

/** Every issue of a zod error as `details.issues`, at most `limit` of them. */
export function zodIssueDetails(error: z.ZodError, whole: string, limit = Infinity): ValidationIssue[] {
  return error.issues
    .slice(0, limit)
    .map((issue) => issueDetail(issuePath(issue, whole), issueMessage(issue)));
}

/** The message of a field's issue as it crossed a boundary: its key, or its English words as said. */
export function issueText(issue: ValidationIssue): Message {
  return issue.key === undefined
    ? msg('validation.issue.said', { said: issue.message })
    : msg(issue.key, issue.params);
}
