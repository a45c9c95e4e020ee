/**
 * SECURITY.md 22: random and malformed inputs to every IPC channel get a VALIDATION error —
 * never a crash, an unhandled rejection, or a reply that slips past the schema.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import { CHANNEL_NAMES } from '../../src/shared/channels';
import { contract } from '../../src/shared/contract';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-fuzz-'));
const core = createCore({ dataDir, secrets: createMemoryStore() });
afterAll(() => core.close());

/** Anything a compromised or buggy renderer could send through structured clone. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
  fc.constantFrom(
    '__proto__',
    { __proto__: { polluted: true } },
    { constructor: { prototype: { polluted: true } } },
    'x'.repeat(100_000),
    { profileId: '../../etc/passwd', tokenId: '"; rm -rf / #' },
    { profileId: 'p'.repeat(65) },
  ),
);

describe('every channel under random input', () => {
  for (const channel of CHANNEL_NAMES) {
    it(`${channel} answers VALIDATION for input outside its schema and never throws`, async () => {
      await fc.assert(
        fc.asyncProperty(junk, async (input) => {
          fc.pre(!contract[channel].input.safeParse(input ?? {}).success);
          const reply = await core.dispatch(channel, input);
          expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        }),
        { numRuns: 60 },
      );
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  }

  it('answers VALIDATION for channel names that are not in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (name) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(name));
        await expect(core.dispatch(name, {})).resolves.toMatchObject({
          ok: false,
          error: { code: 'VALIDATION' },
        });
      }),
      { numRuns: 200 },
    );
  });
});
