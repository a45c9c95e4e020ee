/**
 * `keyflare tokens --json` makes its text a slice at a time (tokensJsonWriter): the bytes must be
 * exactly one `JSON.stringify` of the documented document plus a newline, however many slices.
 */
import { describe, expect, it } from 'vitest';
import type { TokenRow } from '../../src/shared/domain';
import { tokenJson, tokensJsonWriter } from '../../src/cli/commands/tokens';
import { generateTokenRows } from '../fixtures/renderer/fixtures';

function written(rows: readonly TokenRow[]): string[] {
  const slices: string[] = [];
  const writer = tokensJsonWriter((text) => slices.push(text));
  for (const row of rows) writer.add(row);
  writer.end();
  return slices;
}

describe('tokens --json text', () => {
  it('is one JSON document of every row, in order, written in several slices', () => {
    const rows = generateTokenRows(600);
    const slices = written(rows);
    expect(slices.length).toBeGreaterThan(2);
    expect(slices.join('')).toBe(`${JSON.stringify({ version: 1, tokens: rows.map(tokenJson) })}\n`);
  });

  it('writes rows that share lists and warnings (as a cached list does) like rows that do not', () => {
    // The cache hands rows of tokens made for the same job the same arrays and reach warnings:
    // text made once for one of them must still be each row's own.
    const rows = generateTokenRows(40);
    const first = rows[0];
    if (!first) throw new Error('no rows');
    const shared = rows.map((row, index) =>
      index % 2 === 0
        ? row
        : {
            ...row,
            permissionNames: first.permissionNames,
            resourceNames: first.resourceNames,
            warnings: [...first.warnings, ...row.warnings],
          },
    );
    expect(written(shared).join('')).toBe(
      `${JSON.stringify({ version: 1, tokens: shared.map(tokenJson) })}\n`,
    );
    const renamed = shared.map((row, index) => (index === 3 ? { ...row, profileLabel: 'Renamed' } : row));
    const text = written(renamed).join('');
    expect(text).toBe(`${JSON.stringify({ version: 1, tokens: renamed.map(tokenJson) })}\n`);
    expect(text).toContain('"label":"Renamed"');
  });

  it('writes an empty list and a single row as JSON.stringify does', () => {
    expect(written([]).join('')).toBe('{"version":1,"tokens":[]}\n');
    const one = generateTokenRows(1);
    expect(written(one).join('')).toBe(`${JSON.stringify({ version: 1, tokens: one.map(tokenJson) })}\n`);
  });
});
