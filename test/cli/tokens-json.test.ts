/**
 * `keyflare tokens --json` writes its text a slice at a time (writeTokensJson): the bytes must be
 * exactly one `JSON.stringify` of the documented document plus a newline, however many slices.
 */
import { describe, expect, it } from 'vitest';
import { tokenJson, writeTokensJson } from '../../src/cli/commands/tokens';
import { generateTokenRows } from '../fixtures/renderer/fixtures';

function written(rows: Parameters<typeof writeTokensJson>[0]): string[] {
  const slices: string[] = [];
  writeTokensJson(rows, (text) => slices.push(text));
  return slices;
}

describe('tokens --json text', () => {
  it('is one JSON document of every row, in order, written in several slices', () => {
    const rows = generateTokenRows(600);
    const slices = written(rows);
    expect(slices.length).toBeGreaterThan(2);
    expect(slices.join('')).toBe(`${JSON.stringify({ version: 1, tokens: rows.map(tokenJson) })}\n`);
  });

  it('writes an empty list and a single row as JSON.stringify does', () => {
    expect(written([]).join('')).toBe('{"version":1,"tokens":[]}\n');
    const one = generateTokenRows(1);
    expect(written(one).join('')).toBe(`${JSON.stringify({ version: 1, tokens: one.map(tokenJson) })}\n`);
  });
});
