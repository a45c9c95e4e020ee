/**
 * The contract itself: names and schemas agree, and the shapes the UI relies on hold.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES } from '../../src/shared/channels';
import { contract, events } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';

/**
 * Calls `visit` on every object schema inside `schema`. Written apart from the contract's own
 * deepStrict so the check does not trust what it checks; a kind it cannot look into fails.
 */
function visitObjects(
  schema: z.ZodType,
  where: string,
  visit: (object: z.ZodObject, where: string) => void,
): void {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const into = (child: unknown, path: string): void => visitObjects(child as z.ZodType, path, visit);
  if (schema instanceof z.ZodObject) {
    visit(schema, where);
    for (const [key, child] of Object.entries(schema.shape)) into(child, `${where}.${key}`);
  } else if (def.type === 'array') into(def['element'], `${where}[]`);
  else if (
    ['optional', 'nullable', 'default', 'readonly', 'catch', 'nonoptional', 'prefault'].includes(def.type)
  )
    into(def['innerType'], where);
  else if (def.type === 'union')
    (def['options'] as unknown[]).forEach((option, i) => into(option, `${where}|${i}`));
  else if (def.type === 'pipe') {
    into(def['in'], where);
    into(def['out'], where);
  } else if (def.type === 'record') {
    into(def['keyType'], `${where}{key}`);
    into(def['valueType'], `${where}{}`);
  } else if (def.type === 'intersection') {
    into(def['left'], where);
    into(def['right'], where);
  } else
    expect(
      ['string', 'number', 'boolean', 'literal', 'enum', 'unknown', 'null', 'transform', 'date'],
      `${where}: a ${def.type} schema`,
    ).toContain(def.type);
}

describe('contract', () => {
  it('declares exactly the listed channels and events', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });

  it('names every channel namespace.method', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/u);
  });

  it('rejects extra input keys, so typos never pass silently', () => {
    const profileId = '00000000-0000-4000-8000-000000000000';
    expect(
      contract['tokens.verify'].input.safeParse({ profileId, tokenId: 'abc', secret: 'x' }).success,
    ).toBe(false);
    expect(contract['tokens.verify'].input.safeParse({ profileId, tokenId: 'abc' }).success).toBe(true);
  });

  it('makes every object of every channel schema strict, at any depth, inputs and replies alike', () => {
    const loose: string[] = [];
    for (const channel of CHANNEL_NAMES) {
      for (const side of ['input', 'output'] as const)
        visitObjects(contract[channel][side], `${channel} ${side}`, (object, where) => {
          if (object._zod.def.catchall?._zod.def.type !== 'never') loose.push(where);
        });
    }
    expect(loose).toEqual([]);
  });

  it('carries a verify outcome as a message (key and parameters), never a finished sentence', () => {
    const result = {
      outcome: 'disabled',
      checkedAt: '2026-01-02T03:04:05.000Z',
      expiresOn: null,
      notBefore: null,
      message: { key: 'verify.outcome.disabled' },
    };
    const reply = contract['tokens.verify'].output;
    expect(reply.safeParse(result).success).toBe(true);
    expect(
      reply.safeParse({
        ...result,
        message: { key: 'verify.outcome.active', params: { expiresDay: 'none' } },
      }).success,
    ).toBe(true);
    expect(reply.safeParse({ ...result, message: 'Cloudflare says this token is disabled.' }).success).toBe(
      false,
    );
    expect(
      reply.safeParse({ ...result, message: { key: 'verify.outcome.disabled', text: 'x' } }).success,
    ).toBe(false);
    expect(
      reply.safeParse({ ...result, message: { key: 'verify.outcome.active', params: { at: { nested: 1 } } } })
        .success,
    ).toBe(false);
  });

  it('refuses plain http base URLs except on loopback', () => {
    const add = contract['profiles.add'].input;
    const base = { label: 'Work', credential: { kind: 'api_token', token: 'x'.repeat(40) } };
    expect(add.safeParse({ ...base, baseUrl: 'http://api.example.com/client/v4' }).success).toBe(false);
    expect(add.safeParse({ ...base, baseUrl: 'http://127.0.0.1:8787/client/v4' }).success).toBe(true);
    expect(add.parse({ ...base, baseUrl: 'https://api.cloudflare.com/client/v4/' }).baseUrl).toBe(
      'https://api.cloudflare.com/client/v4',
    );
  });

  it('keeps a closed set of error codes: adding one is a decision this test makes visible', () => {
    // The renderer has words for each (error-copy.test.ts) and the command line an exit code.
    expect([...ERROR_CODES]).toEqual([
      'AUTH_INVALID',
      'PERMISSION_DENIED',
      'RATE_LIMITED',
      'OFFLINE',
      'TIMEOUT',
      'NOT_FOUND',
      'VALIDATION',
      'CONFLICT',
      'UPSTREAM',
      'UNCERTAIN',
      'CANCELLED',
      'KEYCHAIN_UNAVAILABLE',
      'KEYCHAIN_LOCKED',
      'CACHE_CORRUPT',
      'CACHE_NEWER',
      'INTERNAL',
    ]);
  });
});
