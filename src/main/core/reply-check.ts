/**
 * The check every reply passes before it leaves the core: its shape against the channel's output
 * schema, without copying it.
 *
 * Why not zod's own parse: a reply is built by the core's typed code, so what can go wrong is not
 * a string where a number belongs but a field nobody declared — a credential a handler picked up
 * by spreading a wider object (SECURITY.md 26). zod's strict parse catches that, but it also
 * copies every object it checks and runs every refinement: for the 3,050-row token list that was
 * about 12 ms of a 45 ms cold read, and a third of the garbage the read made. This walker reads
 * the same zod schemas (no second description of the contract to drift from it) and checks, at
 * every depth: objects hold only declared keys (and every required one), arrays, unions, records,
 * literals and enums by value, strings, numbers and booleans by type, null and undefined where
 * the schema allows them. It does not run a string's format or length checks or a custom
 * refinement — the core's own values, typed by TypeScript, are what a reply holds — except that a
 * kind it has no cheap rule for (a date, a custom check) is handed to zod for that value.
 *
 * It answers yes or no only; when the answer is no (a bug, and rare), zod's own parse of the reply
 * says where it went wrong, for the log. It is one path in every build: tests and the packaged
 * app check replies alike. A schema kind
 * that would change a value on its way out (default, transform, pipe, catch) has no place in an
 * output schema, since the reply is sent as the handler made it; the walker refuses to compile
 * one, and `test/contract/reply-check.test.ts` compiles every channel's output, so a new kind
 * fails there before it ships. No library does this check without copying, which is why this is
 * written by hand.
 */
import type { z } from 'zod';

/** Whether a value has the shape of the schema it was compiled from. */
export type ReplyCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
}

/** Kinds that would change a value while parsing it: a reply is sent as made, so none belongs. */
const REWRITING_KINDS = new Set(['default', 'prefault', 'pipe', 'transform', 'catch', 'success', 'promise']);

const compiled = new WeakMap<z.ZodType, ReplyCheck>();

/**
 * The check of one schema, compiled once and kept for the schema's life. It answers yes or no
 * only, which keeps it cheap; where a reply failed is asked of zod then (the rare, logged case).
 */
export function replyCheck(schema: z.ZodType): ReplyCheck {
  const known = compiled.get(schema);
  if (known) return known;
  // A schema that refers to itself does so through a lazy getter, compiled when first reached.
  const built = build(schema);
  compiled.set(schema, built);
  return built;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function build(schema: z.ZodType): ReplyCheck {
  const def = schema._zod.def as unknown as Def;
  if (REWRITING_KINDS.has(def.type))
    throw new Error(`a reply schema may not hold a "${def.type}": the reply is sent as the handler made it`);
  switch (def.type) {
    case 'object':
      return objectCheck(def);
    case 'array': {
      const element = replyCheck(def.element as z.ZodType);
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i += 1) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'optional': {
      const inner = replyCheck(def.innerType as z.ZodType);
      return (value) => value === undefined || inner(value);
    }
    case 'nullable': {
      const inner = replyCheck(def.innerType as z.ZodType);
      return (value) => value === null || inner(value);
    }
    case 'readonly':
      return replyCheck(def.innerType as z.ZodType);
    case 'nonoptional': {
      const inner = replyCheck(def.innerType as z.ZodType);
      return (value) => value !== undefined && inner(value);
    }
    case 'lazy': {
      const getter = def.getter as () => z.ZodType;
      return (value) => replyCheck(getter())(value);
    }
    case 'union': {
      const options = (def.options ?? []).map(replyCheck);
      // Loops, not some()/every(): no closure per value checked (a reply checks ~100,000 values).
      return (value) => {
        for (const option of options) if (option(value)) return true;
        return false;
      };
    }
    case 'record': {
      const key = replyCheck(def.keyType as z.ZodType);
      const item = replyCheck(def.valueType as z.ZodType);
      return (value) => {
        if (!isPlainObject(value)) return false;
        for (const k of Object.keys(value)) if (!key(k) || !item(value[k])) return false;
        return true;
      };
    }
    case 'enum': {
      const allowed = new Set(Object.values(def.entries ?? {}));
      return (value) => allowed.has(value as string);
    }
    case 'literal': {
      const allowed = new Set(def.values ?? []);
      return (value) => allowed.has(value);
    }
    case 'string':
      return (value) => typeof value === 'string';
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'null':
      return (value) => value === null;
    case 'undefined':
      return (value) => value === undefined;
    case 'unknown':
    case 'any':
      return () => true;
    case 'never':
      return () => false;
    default:
      // No cheap rule for this kind (a date, a custom check…): zod checks the value itself.
      return (value) => schema.safeParse(value).success;
  }
}

/** An object: every declared key checked, any other key refused unless the schema is loose. */
function objectCheck(def: Def): ReplyCheck {
  const shape = Object.entries(def.shape ?? {});
  const keys = shape.map(([key]) => key);
  const checks = shape.map(([, schema]) => replyCheck(schema));
  const declared = new Set(keys);
  const catchallKind = def.catchall ? (def.catchall._zod.def as unknown as Def).type : 'never';
  // A plain zod object would strip an undeclared key; sent as made, it would go out: refuse it.
  const rest = catchallKind === 'never' ? null : replyCheck(def.catchall as z.ZodType);
  return (value) => {
    if (!isPlainObject(value)) return false;
    for (let i = 0; i < keys.length; i += 1) {
      if (!(checks[i] as ReplyCheck)(value[keys[i] as string])) return false;
    }
    for (const key of Object.keys(value)) {
      if (!declared.has(key) && !(rest !== null && rest(value[key]))) return false;
    }
    return true;
  };
}
