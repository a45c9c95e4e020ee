/**
 * Text helpers the page objects share.
 */

/** A name as a regular expression that matches it literally (token names hold "." and "+"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
