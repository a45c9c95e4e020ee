/**
 * Deep strictness for the IPC contract: every object inside a schema refuses undeclared keys.
 *
 * zod's plain objects strip keys they do not declare. At the IPC boundary that is the wrong
 * default both ways: an input with a key the contract does not know is a renderer bug (or an
 * attack) and should be a VALIDATION error, not silently dropped; a reply with an undeclared key
 * (say a credential a handler picked up by mistake) must fail, not be stripped in one build and
 * passed on in another. The domain shapes stay plain objects, because main also parses its own
 * stored JSON and narrows wider shapes with them; the contract applies strictness on top, at
 * every depth, so no nested object can be forgotten.
 *
 * Checks, refinements and transforms are kept (each object is cloned with its definition, only
 * the catchall changes). A schema kind this walker does not know throws when the contract
 * loads, so a new kind can never slip through unchecked.
 */
import { z } from 'zod';

/** Kinds that hold no nested schema: returned as they are. */
const LEAF_KINDS = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'symbol',
  'null',
  'undefined',
  'void',
  'never',
  'any',
  'unknown',
  'date',
  'nan',
  'enum',
  'literal',
  'template_literal',
  'file',
  'custom',
  'transform',
]);

/** The same schema with every object in it, at any depth, refusing undeclared keys. */
export function deepStrict<T extends z.ZodType>(schema: T): T {
  return strictCopy(schema) as T;
}

/** A copy of `schema` with another definition; zod's clone keeps the checks the definition holds. */
function withDef(schema: z.ZodType, def: object): z.ZodType {
  return (schema as unknown as { clone(def: object): z.ZodType }).clone(def);
}

function strictCopy(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string): z.ZodType => strictCopy(def[key] as z.ZodType);
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape).map(([key, value]) => [key, strictCopy(value as z.ZodType)]),
    );
    return withDef(schema, { ...def, shape, catchall: z.never() });
  }
  switch (def.type) {
    case 'array':
      return withDef(schema, { ...def, element: inner('element') });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return withDef(schema, { ...def, innerType: inner('innerType') });
    case 'union':
      return withDef(schema, {
        ...def,
        options: (def['options'] as z.ZodType[]).map((option) => strictCopy(option)),
      });
    case 'pipe':
      return withDef(schema, { ...def, in: inner('in'), out: inner('out') });
    case 'record':
      return withDef(schema, { ...def, keyType: inner('keyType'), valueType: inner('valueType') });
    case 'intersection':
      return withDef(schema, { ...def, left: inner('left'), right: inner('right') });
    default:
      if (LEAF_KINDS.has(def.type)) return schema;
      throw new Error(`deepStrict does not know the zod schema kind "${def.type}"; teach it first`);
  }
}
