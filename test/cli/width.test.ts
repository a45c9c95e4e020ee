/**
 * Terminal columns, not characters: a CJK character takes two columns, so a table with Chinese
 * headers or names is measured, cut and padded by display width, and its columns line up.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Output } from '../../src/cli/output';
import { printTable } from '../../src/cli/table';
import { cutToWidth, displayWidth, padToWidth } from '../../src/cli/width';

describe('display width', () => {
  it('counts a CJK character as two columns and cuts without splitting one', () => {
    expect(displayWidth('名称')).toBe(4);
    expect(displayWidth('DNS 编辑')).toBe(8);
    expect(cutToWidth('令牌名称很长', 7)).toBe('令牌名…');
    expect(displayWidth(cutToWidth('令牌名称很长', 7))).toBe(7);
    expect(cutToWidth('abc令牌', 5)).toBe('abc…');
    expect(cutToWidth('short', 10)).toBe('short');
    expect(padToWidth('状态', 6)).toBe('状态  ');
  });
});

/** An Output on a terminal `columns` wide that records its result lines. */
function terminal(columns: number): { out: Output; lines: string[] } {
  const lines: string[] = [];
  const plain = (text: string): string => text;
  const out: Output = {
    options: { quiet: false, verbose: false, color: false },
    result: (text) => lines.push(...text.split('\n')),
    raw: () => undefined,
    note: () => undefined,
    detail: () => undefined,
    error: () => undefined,
    bold: plain,
    dim: plain,
    good: plain,
    bad: plain,
    warn: plain,
    columns: () => columns,
  };
  return { out, lines };
}

interface Row {
  name: string;
  status: string;
  permissions: string;
  id: string;
}

const rows: Row[] = [
  { name: '生产环境 DNS', status: '有效', permissions: 'DNS Write', id: 'a'.repeat(32) },
  { name: 'deploy', status: '已禁用', permissions: 'Workers Scripts Write, Zone Read', id: 'b'.repeat(32) },
  {
    name: '账户只读令牌（审计）',
    status: '已过期',
    permissions: 'Account Settings Read',
    id: 'c'.repeat(32),
  },
];

const columns = [
  { header: '名称', value: (r: Row) => r.name },
  { header: '状态', value: (r: Row) => r.status },
  { header: '权限', value: (r: Row) => r.permissions, flexible: true },
  { header: 'ID', value: (r: Row) => r.id, fixed: true },
];

/** The display column where `part` starts in `line`. */
const columnOf = (line: string, part: string): number => stringWidth(line.slice(0, line.indexOf(part)));

describe('a table with CJK text', () => {
  it('lines every column up under its header by display width', () => {
    const { out, lines } = terminal(200);
    printTable(out, columns, rows);
    const [header, ...body] = lines;
    expect(body).toHaveLength(3);
    for (const [index, line] of body.entries()) {
      const row = rows[index] as Row;
      expect(columnOf(line, row.status), line).toBe(columnOf(header ?? '', '状态'));
      expect(columnOf(line, row.permissions), line).toBe(columnOf(header ?? '', '权限'));
      expect(columnOf(line, row.id), line).toBe(columnOf(header ?? '', 'ID'));
    }
  });

  it('cuts the flexible column to fit a narrow terminal, counting wide characters twice', () => {
    const { out, lines } = terminal(80);
    printTable(out, columns, rows);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(lines.some((line) => line.includes('…'))).toBe(true);
    for (const [index, row] of rows.entries())
      expect(lines[index + 1]).toMatch(new RegExp(`${row.id}$`, 'u'));
  });
});
