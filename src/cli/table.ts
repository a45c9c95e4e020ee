/**
 * Tables that fit the terminal, with cli-table3 (the maintained successor of cli-table, used by
 * npm and many CLIs): borderless columns like `gh`, one flexible column cut with "…" so a row
 * never wraps. Off a terminal the same rows print tab-separated without a header, for `cut` and
 * `awk`, as `gh` does.
 */
import Table from 'cli-table3';
import type { Output } from './output';

export interface Column<T> {
  header: string;
  value(row: T): string;
  /** The column that shrinks when the terminal is narrow (one per table). */
  flexible?: boolean;
}

const GAP = 2;

function cut(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}

export function printTable<T>(out: Output, columns: readonly Column<T>[], rows: readonly T[]): void {
  const cells = rows.map((row) => columns.map((column) => column.value(row).replace(/[\t\r\n]+/gu, ' ')));
  const width = out.columns();
  if (width === null) {
    for (const line of cells) out.result(line.join('\t'));
    return;
  }
  const natural = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => (line[index] ?? '').length)),
  );
  const flexIndex = columns.findIndex((column) => column.flexible === true);
  const total = natural.reduce((sum, value) => sum + value, 0) + GAP * (columns.length - 1);
  const widths = [...natural];
  if (total > width && flexIndex >= 0) {
    widths[flexIndex] = Math.max(8, (natural[flexIndex] ?? 0) - (total - width));
  }
  const table = new Table({
    head: columns.map((column) => out.bold(column.header)),
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colWidths: widths,
    wordWrap: false,
  });
  for (const line of cells) table.push(line.map((cell, index) => cut(cell, widths[index] ?? cell.length)));
  out.result(table.toString().replace(/[ ]+$/gmu, ''));
}
