/**
 * How many terminal columns text takes: CJK characters and most emoji take two, combining marks
 * and color codes none. string-width is what cli-table3 measures cells with, so the table's own
 * padding and Keyflare's cutting agree.
 */
import stringWidth from 'string-width';

/** Printable ASCII only: one column per character, no need to ask string-width (most cells). */
const PLAIN = /^[\x20-\x7e]*$/u;

export function displayWidth(text: string): number {
  return PLAIN.test(text) ? text.length : stringWidth(text);
}

/** `text` cut to at most `width` columns, ending in "…" when cut; never splits a wide character. */
export function cutToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
