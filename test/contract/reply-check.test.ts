/**
 * The dispatcher's reply check (core/reply-check.ts): it compiles for every channel's output, it
 * agrees with zod's strict parse on real replies, and it refuses what SECURITY.md 26 is about — a
 * key nobody declared, at any depth — as well as a reply of the wrong shape. The dispatcher's use
 * of it, canary and log included, is tested in reply-validation.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { replyCheck } from '../../src/main/core/reply-check';
import { CHANNEL_NAMES } from '../../src/shared/channels';
import { contract } from '../../src/shared/contract';
import { closeAllCores, makeCore } from '../core/support/core-harness';
import { addProfile, call } from '../core/support/sim-profiles';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator({ scenario: 'demo' });
const h = makeCore();
const profile = await addProfile(h.core, sim, 'alice-manager');
await call(h.core, 'sync.start', { profileId: profile.id });
/** The demo's token list as the core answers it, warnings first (the tests reach into them). */
const TOKEN_ROWS = h.core.services.inventory.tokens().sort((a, b) => b.warnings.length - a.warnings.length);
afterAll(() => closeAllCores());

const tokenList = contract['tokens.list'].output;
const check = replyCheck(tokenList);

/** A deep copy of the real rows, for one test to change. */
const rows = (): Record<string, unknown>[] => structuredClone(TOKEN_ROWS);

describe('the reply check', () => {
  it("compiles for every channel's output schema", () => {
    for (const channel of CHANNEL_NAMES) expect(() => replyCheck(contract[channel].output)).not.toThrow();
  });

  it('passes the rows zod passes, without copying them', () => {
    const reply = rows();
    expect(tokenList.safeParse(reply).success).toBe(true);
    expect(check(reply)).toBe(true);
    expect(reply).toEqual(TOKEN_ROWS);
  });

  it('refuses an undeclared key at any depth, as zod does', () => {
    const top = rows();
    Object.assign(top[0] ?? {}, { credential: 'canary' });
    const deep = rows();
    const warnings = (deep[0]?.['warnings'] ?? []) as Record<string, unknown>[];
    expect(warnings.length).toBeGreaterThan(0);
    Object.assign(warnings[0] ?? {}, { secret: 'canary' });
    for (const reply of [top, deep]) {
      expect(tokenList.safeParse(reply).success).toBe(false);
      expect(check(reply)).toBe(false);
    }
  });

  it('refuses a missing key, a wrong type and a value outside an enum', () => {
    const missing = rows();
    delete missing[0]?.['name'];
    const wrongType = rows();
    Object.assign(wrongType[0] ?? {}, { secretKept: 'yes' });
    const outsideEnum = rows();
    Object.assign(outsideEnum[0] ?? {}, { status: 'revoked' });
    const notAList = { ...TOKEN_ROWS };
    for (const reply of [missing, wrongType, outsideEnum, notAList]) expect(check(reply)).toBe(false);
  });

  it('takes null and a missing key only where the schema allows them', () => {
    const schema = z.object({ a: z.string().nullable(), b: z.number().optional() }).strict();
    const ok = replyCheck(schema);
    expect(ok({ a: null })).toBe(true);
    expect(ok({ a: 'x', b: 1 })).toBe(true);
    expect(ok({ a: undefined })).toBe(false);
    expect(ok({ a: 'x', b: null })).toBe(false);
    expect(ok({ a: 'x', b: Number.NaN })).toBe(false);
  });

  it('checks unions, literals and records by their options, keys and values', () => {
    const schema = z.union([
      z.object({ kind: z.literal('user') }).strict(),
      z.object({ kind: z.literal('account'), accountId: z.string() }).strict(),
    ]);
    const owner = replyCheck(schema);
    expect(owner({ kind: 'user' })).toBe(true);
    expect(owner({ kind: 'account', accountId: 'a' })).toBe(true);
    expect(owner({ kind: 'user', accountId: 'a' })).toBe(false);
    const params = replyCheck(z.record(z.string(), z.union([z.string(), z.number()])));
    expect(params({ days: 3, day: '2026-12-03' })).toBe(true);
    expect(params({ days: { nested: true } })).toBe(false);
  });

  it('refuses an undeclared key even where zod would strip it, and lets a loose object through', () => {
    expect(replyCheck(z.object({ a: z.string() }))({ a: 'x', extra: 'canary' })).toBe(false);
    expect(replyCheck(z.looseObject({ a: z.string() }))({ a: 'x', extra: 'kept' })).toBe(true);
  });

  it('hands a kind it has no rule for to zod', () => {
    const when = replyCheck(z.object({ at: z.date() }).strict());
    expect(when({ at: new Date(0) })).toBe(true);
    expect(when({ at: '1970-01-01' })).toBe(false);
  });

  it('refuses to compile a schema that would rewrite the reply', () => {
    expect(() => replyCheck(z.object({ a: z.string().default('x') }))).toThrow(/default/u);
    expect(() => replyCheck(z.string().transform((s) => s.length))).toThrow(/pipe|transform/u);
  });
});
