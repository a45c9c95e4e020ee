/**
 * Dates and times in the user's words: "in 3 days", "2 hours ago", "12 Mar 2026, 14:02".
 *
 * The window's binding of src/shared/i18n/format.ts (Intl, one set of formatters per locale):
 * `applyLocale` (lib/i18n.ts) sets the locale, and every screen formats through these functions.
 */
import { createFormats, type Formats } from '../../shared/i18n/format';

export { toTime } from '../../shared/i18n/format';

let formats: Formats = createFormats(undefined, 'just now');

/**
 * Pins the locale (tests use 'en-GB' so assertions do not depend on the machine); `justNow` is
 * the catalogue's word for under a minute in that language.
 */
export function setFormatLocale(next: string | undefined, justNow = 'just now'): void {
  formats = createFormats(next, justNow);
}

/** "in 3 days", "2 hours ago", "just now"; null when the date is missing. */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string | null {
  return formats.relative(iso, now);
}

/** The compact form for table cells and the status bar: "in 3 days", "2 hr. ago", "3 mo. ago". */
export function formatRelativeShort(iso: string | null | undefined, now: Date = new Date()): string | null {
  return formats.relativeShort(iso, now);
}

/** "12 Mar 2026"; null when missing. */
export function formatDay(iso: string | null | undefined): string | null {
  return formats.day(iso);
}

/** "12 Mar 2026, 14:02"; null when missing. */
export function formatDateTime(iso: string | null | undefined): string | null {
  return formats.dateTime(iso);
}

/** "14:02" today, "12 Mar, 14:02" on another day this year, with the year otherwise. */
export function formatClock(iso: string | null | undefined, now: Date = new Date()): string | null {
  return formats.clock(iso, now);
}

/** 1,234 as the window's locale writes it. */
export function formatNumber(value: number): string {
  return formats.number(value);
}

/** A phrase as a sentence: "expires in 12 days" reads "Expires in 12 days." (English only, as plural). */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/[.。]$/u, '');
  // A Chinese clause (a core message in zh-CN) ends with the ideographic full stop.
  if (/\p{Script=Han}/u.test(trimmed)) return `${trimmed}。`;
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
