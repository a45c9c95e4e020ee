/**
 * A user-facing message as data: a catalogue key and its parameters.
 *
 * The core never hands the window or the command line a finished sentence it means a person to
 * read: it returns `{ key, params }` and each face formats it in the user's language. Where a
 * sentence is also needed for a log (AppError.message), it is the English text of the same key.
 */
import type { en } from './catalogues/en';

/** Every leaf path of a catalogue: "settings.theme.label". */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

export type MessageKey = Leaves<typeof en>;

/** Parameters are plain values; dates travel as ISO text and are formatted by the face. */
export type MessageParams = Readonly<Record<string, string | number>>;

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** A message value, checked by the compiler against the English catalogue. */
export function msg(key: MessageKey, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

/** Marks a parameter that holds a nested message's key (`$cause`) or one of its params (`$cause.label`). */
const NESTED = '$';

/**
 * Parameters carrying a whole message, placed at `{name}` of the outer one: an error's cause inside
 * the sentence that says what failed ("Nothing was created. {cause}"), a request's name inside a
 * reply's problem. The parameters stay plain strings and numbers (`$cause` is the key,
 * `$cause.<param>` its parameters), and each face's translator renders the nested message in its
 * own language before the outer one (translator.ts), so no English sentence is glued into a
 * Chinese one. Use it for a sentence or a name that stands on its own, never for a fragment whose
 * grammar depends on the outer sentence.
 */
export function nest(
  name: string,
  message: { key: string; params?: MessageParams | undefined },
): MessageParams {
  const out: Record<string, string | number> = { [`${NESTED}${name}`]: message.key };
  for (const [param, value] of Object.entries(message.params ?? {})) out[`${NESTED}${name}.${param}`] = value;
  return out;
}

/** The nested messages of `params` by name (`cause` → its key and params); the rest as they are. */
export function splitNested<V>(params: Readonly<Record<string, V>>): {
  plain: Record<string, V>;
  nested: Map<string, { key: string; params: Record<string, V> }>;
} {
  const plain: Record<string, V> = {};
  const nested = new Map<string, { key: string; params: Record<string, V> }>();
  const entry = (name: string) => {
    let found = nested.get(name);
    if (!found) nested.set(name, (found = { key: '', params: {} }));
    return found;
  };
  for (const [name, value] of Object.entries(params)) {
    if (!name.startsWith(NESTED)) {
      plain[name] = value;
      continue;
    }
    const dot = name.indexOf('.');
    if (dot === -1) entry(name.slice(1)).key = String(value);
    else entry(name.slice(1, dot)).params[name.slice(dot + 1)] = value;
  }
  for (const [name, found] of nested) if (found.key === '') nested.delete(name);
  return { plain, nested };
}
