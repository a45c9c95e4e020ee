/**
 * The vendored copies in data/ match the shared source of truth, which lies beside the
 * repository (`../shared/cloudflare`) on every developer's machine and in CI.
 *
 * Prettier reformats the copies (the repository formats every JSON file), so they are
 * compared as parsed JSON, not byte by byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SHARED = fileURLToPath(new URL('../../../shared/cloudflare', import.meta.url));
const FILES = ['openapi-tokens-subset.json', 'permission-groups.sample.json', 'templates.json'];

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('vendored Cloudflare data', () => {
  it.skipIf(!existsSync(SHARED)).each(FILES)('%s equals the shared copy', (file) => {
    const vendored = readJson(fileURLToPath(new URL(`../../src/sandbox/data/${file}`, import.meta.url)));
    expect(vendored).toEqual(readJson(`${SHARED}/${file}`));
  });

  it('holds 99 permission groups and the 15 paths', () => {
    const groups = readJson(
      fileURLToPath(new URL('../../src/sandbox/data/permission-groups.sample.json', import.meta.url)),
    );
    expect(Array.isArray(groups) && groups.length).toBe(99);
    const openapi = readJson(
      fileURLToPath(new URL('../../src/sandbox/data/openapi-tokens-subset.json', import.meta.url)),
    ) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toHaveLength(15);
  });
});
