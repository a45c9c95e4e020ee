/**
 * Dates and times in the user's words: "in 3 days", "2 hours ago", "12 Mar 2026, 14:02".
 *
 * Built on Intl (no date library). Formatters are created once per locale because building an
 * Intl formatter costs far more than using one, and the table formats thousands of cells.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let locale: string | undefined;
let relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
let relativeShort = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
let day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
let dayTime = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
let clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
let monthDayTime = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** Pins the locale (tests use 'en-GB' so assertions do not depend on the machine). */
export function setFormatLocale(next: string | undefined): void {
  locale = next;
  relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  relativeShort = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  dayTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  monthDayTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Milliseconds since the epoch, or null for null/unparseable text. */
export function toTime(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined || iso === '') return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

function relativeWith(
  format: Intl.RelativeTimeFormat,
  iso: string | null | undefined,
  now: Date,
): string | null {
  const time = toTime(iso);
  if (time === null) return null;
  const delta = time - now.getTime();
  const abs = Math.abs(delta);
  if (abs < MINUTE) return 'just now';
  if (abs < HOUR) return format.format(Math.round(delta / MINUTE), 'minute');
  if (abs < DAY) return format.format(Math.round(delta / HOUR), 'hour');
  if (abs < 45 * DAY) return format.format(Math.round(delta / DAY), 'day');
  if (abs < 365 * DAY) return format.format(Math.round(delta / (30 * DAY)), 'month');
  return format.format(Math.round(delta / (365 * DAY)), 'year');
}

/** "in 3 days", "2 hours ago", "just now"; null when the date is missing. */
export function formatRelative(iso: string | null | undefined, now: Date = new Date()): string | null {
  return relativeWith(relative, iso, now);
}

/** The compact form for table cells and the status bar: "in 3 days", "2 hr. ago", "3 mo. ago". */
export function formatRelativeShort(iso: string | null | undefined, now: Date = new Date()): string | null {
  return relativeWith(relativeShort, iso, now);
}

/** "12 Mar 2026"; null when missing. */
export function formatDay(iso: string | null | undefined): string | null {
  const time = toTime(iso);
  return time === null ? null : day.format(time);
}

/** "12 Mar 2026, 14:02"; null when missing. */
export function formatDateTime(iso: string | null | undefined): string | null {
  const time = toTime(iso);
  return time === null ? null : dayTime.format(time);
}

/** "14:02" today, "12 Mar, 14:02" on another day this year, with the year otherwise. */
export function formatClock(iso: string | null | undefined, now: Date = new Date()): string | null {
  const time = toTime(iso);
  if (time === null) return null;
  const date = new Date(time);
  if (date.toDateString() === now.toDateString()) return clock.format(time);
  return date.getFullYear() === now.getFullYear() ? monthDayTime.format(time) : dayTime.format(time);
}

/** A count with its noun: "1 token", "3 tokens". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString(locale)} ${count === 1 ? one : many}`;
}

/** A phrase as a sentence: "expires in 12 days" reads "Expires in 12 days." */
export function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/u, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}
