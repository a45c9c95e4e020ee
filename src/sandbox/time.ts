/**
 * Date formatting as Cloudflare returns it: RFC 3339 in UTC, whole seconds, `Z` suffix.
 */

/** `2024-05-01T10:00:00Z` for the instant. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** RFC 3339 date-time with an offset or Z (what the schema's date-time format accepts). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/iu;

/** Parses an RFC 3339 date-time; null when malformed or impossible. */
export function parseIsoDateTime(value: string): Date | null {
  if (!RFC3339.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
