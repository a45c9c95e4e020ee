/**
 * Tables that fit the terminal, with cli-table3 (the maintained successor of cli-table, used by
 * npm and many CLIs): borderless columns like `gh`, one flexible column cut with "…" so a row
 * never wraps. Widths are terminal columns (string-width, as cli-table3 pads): a CJK character
 * takes two. Off a terminal the same rows print tab-separated without a header, for `cut` and
 * `awk`, as `gh` does.
 */
import Table from 'cli-table3';
import type { Output } from './output';
import { cutToWidth, displayWidth } from './width';

export interface Column<T> {
  header: string;
  value(row: T): string;
  /** The column that shrinks first when the terminal is narrow (one per table). */
  flexible?: boolean;
  /** Columns that may be left out on a narrow terminal: the highest number goes first. */
  dropOrder?: number;
  /** Never cut (ids people copy). */
  fixed?: boolean;
}

const GAP = 2;
/** Optional columns make way while the flexible one would be narrower than this. */
const FLEX_WANTED = 24;

/**
 * Column widths for a terminal `width` wide (0 = left out): optional columns are left out while
 * the flexible column would get fewer than FLEX_WANTED characters (highest dropOrder first); the
 * flexible column then takes what is left, and if that is still too wide the widest columns
 * that are not fixed shrink, never below 4.
 */
export function fitWidths<T>(
  columns: readonly Column<T>[],
  natural: readonly number[],
  width: number,
): number[] {
  const widths = [...natural];
  const flex = columns.findIndex((column) => column.flexible === true);
  const total = (flexWidth: number): number => {
    const shown = widths.map((w, index) => (index === flex ? flexWidth : w)).filter((w) => w > 0);
    return shown.reduce((sum, w) => sum + w, 0) + GAP * Math.max(0, shown.length - 1);
  };
  const optional = columns
    .map((column, index) => ({ index, order: column.dropOrder ?? 0 }))
    .filter((entry) => entry.order > 0)
    .sort((a, b) => b.order - a.order);
  for (const { index } of optional) {
    if (total(flex >= 0 ? Math.min(FLEX_WANTED, natural[flex] ?? 0) : 0) <= width) break;
    widths[index] = 0;
  }
  if (flex >= 0) {
    const room = width - total(0) - GAP;
    widths[flex] = Math.min(natural[flex] ?? 0, Math.max(8, room));
  }
  const shrinkable = (index: number): boolean => columns[index]?.fixed !== true && (widths[index] ?? 0) > 4;
  while (total(widths[flex] ?? 0) > width) {
    let widest = -1;
    widths.forEach((w, index) => {
      if (shrinkable(index) && (widest < 0 || w > (widths[widest] ?? 0))) widest = index;
    });
    if (widest < 0) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
  }
  return widths;
}

export function printTable<T>(out: Output, columns: readonly Column<T>[], rows: readonly T[]): void {
  const cells = rows.map((row) => columns.map((column) => column.value(row).replace(/[\t\r\n]+/gu, ' ')));
  const width = out.columns();
  if (width === null) {
    for (const line of cells) out.result(line.join('\t'));
    return;
  }
  // Widths in terminal columns, not characters: a CJK character takes two.
  const natural = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[index] ?? ''))),
  );
  const widths = fitWidths(columns, natural, width);
  const shown = columns.map((_, index) => index).filter((index) => (widths[index] ?? 0) > 0);
  const table = new Table({
    head: shown.map((index) => out.bold(cutToWidth(columns[index]?.header ?? '', widths[index] ?? 0))),
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
    colWidths: shown.map((index) => widths[index] ?? 0),
    wordWrap: false,
  });
  for (const line of cells)
    table.push(shown.map((index) => cutToWidth(line[index] ?? '', widths[index] ?? 0)));
  out.result(table.toString().replace(/[ ]+$/gmu, ''));
}
