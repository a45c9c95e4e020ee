/**
 * The hand-written checks of a sync's bulk replies accept nothing zod's schemas refuse, and give
 * back exactly what zod's parse gives (key order included: a token's stored text is compared with
 * the next sync's). Checked on every token, zone and permission group the simulator's small
 * scenario serves, and on each of them broken in many ways, one field at a time.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  NOT_QUICK,
  quickPermissionGroup,
  quickToken,
  quickZone,
  type Quick,
} from '../../../src/main/core/cloudflare/quick-parse';
import { QUICK_PARSE_SCHEMAS, parseToken } from '../../../src/main/core/cloudflare/wire';
import { msg } from '../../../src/shared/i18n/message';
import { createInProcessSimulator } from '../../../src/sandbox';
import { generateSmallScenario } from '../../../src/sandbox/small-scenario';

const sim = createInProcessSimulator({ scenario: generateSmallScenario() });
afterAll(() => sim.close());

async function get(path: string): Promise<unknown[]> {
  const reply = await sim.fetch(`${sim.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${sim.credential('small-manager').secret}` },
  });
  const body = (await reply.json()) as { result: unknown[] };
  return body.result;
}

/** Every token, zone and permission group the scenario's manager sees, as Cloudflare sends them. */
async function served(): Promise<{ tokens: unknown[]; zones: unknown[]; groups: unknown[] }> {
  const accounts = (await get('/accounts?per_page=50')) as { id: string }[];
  const tokens = await get('/user/tokens?per_page=50');
  const zones: unknown[] = [];
  const groups = await get('/user/tokens/permission_groups');
  for (const { id } of accounts) {
    tokens.push(...(await get(`/accounts/${id}/tokens?per_page=50`)));
    zones.push(...(await get(`/zones?account.id=${id}&per_page=50`)));
    groups.push(...(await get(`/accounts/${id}/tokens/permission_groups`)));
  }
  return { tokens, zones, groups };
}

const ODD_VALUES: unknown[] = [null, 0, 1.5, '', 'x', true, [], ['x'], {}, { extra: 1 }];

/** The value with one place in it replaced (or removed, for undefined). */
function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (by === undefined) delete at[last];
  else at[last] = by;
  return copy;
}

/** Every path into the value (objects and arrays), the value itself excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [
    [...prefix, key],
    ...paths((value as Record<string | number, unknown>)[key], [...prefix, key]),
  ]);
}

/** The value, broken one place at a time in every way listed, plus an undeclared key at each depth. */
function broken(value: unknown): unknown[] {
  const out: unknown[] = [];
  for (const path of paths(value)) {
    for (const by of [undefined, ...ODD_VALUES]) out.push(replaced(value, path, by));
    const inner = path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner))
      out.push(replaced(value, path, { zz_added: [1], ...inner, aa_added: 'first?' }));
  }
  out.push(JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(value).slice(1)}`));
  return out;
}

/** The quick answer agrees with zod: refused by both or made the same, key order included. */
function agrees<T>(quick: Quick<T>, zod: { success: boolean; data?: unknown }, mapped: (data: never) => T) {
  if (quick === NOT_QUICK) return zod.success ? 'left to zod' : 'refused by both';
  expect(zod.success).toBe(true);
  expect(JSON.stringify(quick)).toBe(JSON.stringify(mapped(zod.data as never)));
  expect(quick).toEqual(mapped(zod.data as never));
  return 'same';
}

const data = await served();

describe('quick checks of bulk replies', () => {
  it('take every token, zone and group the simulator serves, as zod parses them', () => {
    expect(data.tokens.length).toBeGreaterThan(100);
    expect(data.zones.length).toBeGreaterThan(100);
    for (const token of data.tokens)
      expect(agrees(quickToken(token), QUICK_PARSE_SCHEMAS.Token.safeParse(token), (t) => t)).toBe('same');
    for (const zone of data.zones)
      expect(
        agrees(quickZone(zone), QUICK_PARSE_SCHEMAS.Zone.safeParse(zone), (z: ZoneOut) => zoneFacts(z)),
      ).toBe('same');
    for (const group of data.groups)
      expect(
        agrees(
          quickPermissionGroup(group),
          QUICK_PARSE_SCHEMAS.PermissionGroup.safeParse(group),
          (g: { id: string; name: string; scopes: string[] }) => ({
            id: g.id,
            name: g.name,
            scopes: g.scopes,
          }),
        ),
      ).toBe('same');
  });

  it('never take a broken token zod refuses, and make what zod makes of the rest', () => {
    const outcomes = new Map<string, number>();
    // Tokens of every shape served: with and without conditions, dates, several policies.
    const samples = [
      ...new Map(data.tokens.map((t) => [JSON.stringify(Object.keys(t as object)), t])).values(),
    ];
    for (const token of samples.slice(0, 6)) {
      for (const value of broken(token)) {
        const outcome = agrees(quickToken(value), QUICK_PARSE_SCHEMAS.Token.safeParse(value), (t) => t);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }
    }
    // Both kinds of answer were met, so the comparison could have failed either way.
    expect(outcomes.get('same')).toBeGreaterThan(50);
    expect(outcomes.get('refused by both')).toBeGreaterThan(50);
  });

  it('never take a broken zone or group zod refuses', () => {
    for (const value of broken(data.zones[0]))
      agrees(quickZone(value), QUICK_PARSE_SCHEMAS.Zone.safeParse(value), (z: ZoneOut) => zoneFacts(z));
    for (const value of broken(data.groups[0]))
      agrees(
        quickPermissionGroup(value),
        QUICK_PARSE_SCHEMAS.PermissionGroup.safeParse(value),
        (g: { id: string; name: string; scopes: string[] }) => ({ id: g.id, name: g.name, scopes: g.scopes }),
      );
  });

  it('still name what is wrong with a broken token, in zod’s words', () => {
    const token = replaced(data.tokens[0], ['policies', 0, 'effect'], 'maybe');
    expect(() => parseToken(token, msg('errors.request.listUserTokens'))).toThrow(/policies\.0\.effect/u);
  });
});

interface ZoneOut {
  id: string;
  name: string;
  status?: string | null;
  account?: { id?: string | null; name?: string | null } | null;
}

function zoneFacts(z: ZoneOut) {
  return {
    id: z.id,
    name: z.name,
    status: z.status ?? null,
    accountId: z.account?.id ?? null,
    accountName: z.account?.name ?? null,
  };
}
