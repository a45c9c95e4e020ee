/**
 * Dates, relative times and numbers in one locale, through Intl: the one formatting module the
 * window (src/renderer/lib/format.ts binds it to the window's locale) and the command line use.
 *
 * Formatters are built once per locale because building an Intl formatter costs far more than
 * using one, and the token table formats thousands of cells.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Formats {
  /** The BCP 47 tag the formatters use (undefined: the runtime's default). */
  readonly locale: string | undefined;
  /** "in 3 days", "2 hours ago", "just now"; null when the date is missing. */
  relative(iso: string | null | undefined, now?: Date): string | null;
  /** The compact form for table cells and the status bar: "in 3 days", "2 hr. ago". */
  relativeShort(iso: string | null | undefined, now?: Date): string | null;
  /** "12 Mar 2026"; null when missing. */
  day(iso: string | null | undefined): string | null;
  /** "12 Mar 2026, 14:02"; null when missing. */
  dateTime(iso: string | null | undefined): string | null;
  /** "14:02" today, "12 Mar, 14:02" on another day this year, with the year otherwise. */
  clock(iso: string | null | undefined, now?: Date): string | null;
  /** 1,234 / 1 234 / 1,234 as the locale writes it. */
  number(value: number): string;
}

/** Milliseconds since the epoch, or null for null/unparseable text. */
export function toTime(iso: string | null | undefined): number | null {
  if (iso === null || iso === undefined || iso === '') return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : time;
}

/**
 * The formatters of `locale`. `justNow` is the catalogue's word for "under a minute" (Intl's own
 * "now" reads oddly in a list of past syncs).
 */
export function createFormats(locale: string | undefined, justNow: string): Formats {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const relativeShort = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const dayTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const monthDayTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const numbers = new Intl.NumberFormat(locale);

  const relativeWith = (
    format: Intl.RelativeTimeFormat,
    iso: string | null | undefined,
    now: Date,
  ): string | null => {
    const time = toTime(iso);
    if (time === null) return null;
    const delta = time - now.getTime();
    const abs = Math.abs(delta);
    if (abs < MINUTE) return justNow;
    if (abs < HOUR) return format.format(Math.round(delta / MINUTE), 'minute');
    if (abs < DAY) return format.format(Math.round(delta / HOUR), 'hour');
    if (abs < 45 * DAY) return format.format(Math.round(delta / DAY), 'day');
    if (abs < 365 * DAY) return format.format(Math.round(delta / (30 * DAY)), 'month');
    return format.format(Math.round(delta / (365 * DAY)), 'year');
  };

  return {
    locale,
    relative: (iso, now = new Date()) => relativeWith(relative, iso, now),
    relativeShort: (iso, now = new Date()) => relativeWith(relativeShort, iso, now),
    day: (iso) => {
      const time = toTime(iso);
      return time === null ? null : day.format(time);
    },
    dateTime: (iso) => {
      const time = toTime(iso);
      return time === null ? null : dayTime.format(time);
    },
    clock: (iso, now = new Date()) => {
      const time = toTime(iso);
      if (time === null) return null;
      const date = new Date(time);
      if (date.toDateString() === now.toDateString()) return clock.format(time);
      return date.getFullYear() === now.getFullYear() ? monthDayTime.format(time) : dayTime.format(time);
    },
    number: (value) => numbers.format(value),
  };
}
