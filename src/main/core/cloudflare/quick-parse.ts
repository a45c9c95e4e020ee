/**
 * The checks of a sync's bulk replies — tokens, zones, permission groups — written out by hand.
 *
 * wire.ts describes every reply with zod, and zod stays the description: these functions accept
 * exactly what its schemas accept (or less) and give back exactly what its parse gives back, key
 * order included (a loose object's declared keys first, in declaration order, then the others as
 * sent), since a token's stored JSON text is compared with the next sync's to find what changed.
 * What they do not accept, they answer `NOT_QUICK` for, and wire.ts asks zod, which then either
 * names what is wrong or — where these are stricter than needed — parses the value itself.
 *
 * Why not zod alone: its parse copies every object it checks through generic machinery, which
 * for the 3,050 tokens, 1,000 zones and permission groups of a large sync was about 40 ms of CPU
 * and much of the garbage a sync made, in the one thread that also sends the next requests.
 * `test/core/cloudflare/quick-parse.test.ts` checks these against zod's parse on every shape the
 * simulator sends and on many broken ones.
 */

/** The answer for a value these checks leave to zod. */
export const NOT_QUICK: unique symbol = Symbol('not quick');
export type Quick<T> = T | typeof NOT_QUICK;

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function nullishString(value: unknown): value is string | null | undefined {
  return value === undefined || value === null || typeof value === 'string';
}

/**
 * A loose object's output: `declared` keys first (those present, each as `value` makes it), then
 * the undeclared ones as sent. NOT_QUICK if a declared value is refused, or for a key that would
 * not be copied as an ordinary property (`__proto__`).
 */
function looseCopy(
  input: Loose,
  declared: readonly string[],
  value: (key: string, given: unknown) => unknown,
): Quick<Loose> {
  const out: Loose = {};
  for (const key of declared) {
    const made = value(key, input[key]);
    if (made === NOT_QUICK) return NOT_QUICK;
    if (made !== undefined) out[key] = made;
  }
  for (const key of Object.keys(input)) {
    if (declared.includes(key)) continue;
    if (key === '__proto__') return NOT_QUICK;
    out[key] = input[key];
  }
  return out;
}

function stringRecord(value: unknown): Quick<Record<string, string>> {
  if (!isObject(value)) return NOT_QUICK;
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (typeof item !== 'string' || key === '__proto__') return NOT_QUICK;
    out[key] = item;
  }
  return out;
}

function resources(value: unknown): Quick<Loose> {
  if (!isObject(value)) return NOT_QUICK;
  const out: Loose = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NOT_QUICK;
    const item = value[key];
    const made = typeof item === 'string' ? item : stringRecord(item);
    if (made === NOT_QUICK) return NOT_QUICK;
    out[key] = made;
  }
  return out;
}

const GROUP_META_KEYS = ['key', 'value'] as const;
const GROUP_REF_KEYS = ['id', 'name', 'meta'] as const;

function groupRef(value: unknown): Quick<Loose> {
  if (!isObject(value)) return NOT_QUICK;
  return looseCopy(value, GROUP_REF_KEYS, (key, given) => {
    if (key === 'id') return typeof given === 'string' ? given : NOT_QUICK;
    if (key === 'name') return optionalString(given) ? given : NOT_QUICK;
    if (given === undefined) return undefined;
    if (!isObject(given)) return NOT_QUICK;
    return looseCopy(given, GROUP_META_KEYS, (_key, item) => (optionalString(item) ? item : NOT_QUICK));
  });
}

function list<T>(value: unknown, item: (value: unknown) => Quick<T>): Quick<T[]> {
  if (!Array.isArray(value)) return NOT_QUICK;
  const out: T[] = [];
  for (const entry of value) {
    const made = item(entry);
    if (made === NOT_QUICK) return NOT_QUICK;
    out.push(made);
  }
  return out;
}

const POLICY_KEYS = ['id', 'effect', 'permission_groups', 'resources'] as const;

function policy(value: unknown): Quick<Loose> {
  if (!isObject(value)) return NOT_QUICK;
  return looseCopy(value, POLICY_KEYS, (key, given) => {
    if (key === 'id') return optionalString(given) ? given : NOT_QUICK;
    if (key === 'effect') return given === 'allow' || given === 'deny' ? given : NOT_QUICK;
    if (key === 'permission_groups') return list(given, groupRef);
    return resources(given);
  });
}

function stringList(value: unknown): Quick<string[]> {
  return list(value, (item) => (typeof item === 'string' ? item : NOT_QUICK));
}

const REQUEST_IP_KEYS = ['in', 'not_in'] as const;
const CONDITION_KEYS = ['request_ip'] as const;

function condition(value: unknown): Quick<Loose | null | undefined> {
  if (value === undefined || value === null) return value;
  if (!isObject(value)) return NOT_QUICK;
  return looseCopy(value, CONDITION_KEYS, (_key, ip) => {
    if (ip === undefined || ip === null) return ip;
    if (!isObject(ip)) return NOT_QUICK;
    return looseCopy(ip, REQUEST_IP_KEYS, (_k, given) =>
      given === undefined ? undefined : stringList(given),
    );
  });
}

/** wire.ts's Token schema, in its declaration order. */
const TOKEN_KEYS = [
  'id',
  'name',
  'status',
  'issued_on',
  'modified_on',
  'last_used_on',
  'not_before',
  'expires_on',
  'policies',
  'condition',
] as const;

/** A token as zod's parse of wire.ts's Token gives it back, or NOT_QUICK. */
export function quickToken(value: unknown): Quick<Loose> {
  if (!isObject(value)) return NOT_QUICK;
  return looseCopy(value, TOKEN_KEYS, (key, given) => {
    switch (key) {
      case 'id':
        return typeof given === 'string' && given.length > 0 ? given : NOT_QUICK;
      case 'name':
        return typeof given === 'string' ? given : NOT_QUICK;
      case 'status':
        return given === 'active' || given === 'disabled' || given === 'expired' ? given : NOT_QUICK;
      case 'policies':
        return given === undefined ? [] : list(given, policy);
      case 'condition':
        return condition(given);
      default:
        return nullishString(given) ? given : NOT_QUICK;
    }
  });
}

/** A zone's facts as wire.ts's parseZones maps them, or NOT_QUICK. */
export function quickZone(value: unknown): Quick<{
  id: string;
  name: string;
  status: string | null;
  accountId: string | null;
  accountName: string | null;
}> {
  if (!isObject(value)) return NOT_QUICK;
  const { id, name, status, account } = value;
  if (typeof id !== 'string' || id.length === 0 || typeof name !== 'string' || !nullishString(status))
    return NOT_QUICK;
  if (account === undefined || account === null)
    return { id, name, status: status ?? null, accountId: null, accountName: null };
  if (!isObject(account)) return NOT_QUICK;
  const { id: accountId, name: accountName } = account;
  if (!nullishString(accountId) || !nullishString(accountName)) return NOT_QUICK;
  return { id, name, status: status ?? null, accountId: accountId ?? null, accountName: accountName ?? null };
}

/** A permission group as wire.ts's parsePermissionGroups maps it, or NOT_QUICK. */
export function quickPermissionGroup(value: unknown): Quick<{ id: string; name: string; scopes: string[] }> {
  if (!isObject(value)) return NOT_QUICK;
  const { id, name, scopes } = value;
  if (typeof id !== 'string' || id.length === 0 || typeof name !== 'string') return NOT_QUICK;
  if (scopes === undefined) return { id, name, scopes: [] };
  const list = stringList(scopes);
  return list === NOT_QUICK ? NOT_QUICK : { id, name, scopes: list };
}

/** Every item of a list through `item`, or NOT_QUICK if one is left to zod. */
export function quickList<T>(value: unknown, item: (value: unknown) => Quick<T>): Quick<T[]> {
  return list(value, item);
}
