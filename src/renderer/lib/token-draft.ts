/**
 * Drafts for the wizard: an empty one to start from, and the date helpers of its limits step.
 *
 * Edit does not build its draft here: main reads it from the cached token exactly as Cloudflare
 * sent it (TokenDetail.edit), since decoded words lose nested forms and resource values.
 */
import type { TokenDraft } from '../../shared/domain';

/** A blank draft with one empty allow policy: where a custom token starts. */
export function emptyDraft(name = ''): TokenDraft {
  return {
    name,
    policies: [{ effect: 'allow', permissionGroupIds: [], resources: [] }],
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
  };
}

/** A YYYY-MM-DD date input value as the ISO time the draft holds (midnight UTC), or null. */
export function dayToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** The date input value (YYYY-MM-DD, UTC) of a draft's ISO time. */
export function isoToDay(iso: string | null): string {
  if (iso === null) return '';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
}

/** An ISO time `days` days after `now`, at midnight UTC (what the TTL presets set). */
export function daysFromNow(days: number, now: Date = new Date()): string {
  const base = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(base + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}
