/**
 * Health state in the profile store: problems the user snoozed or ignored, and the reminders
 * already shown. Both are the user's (a sync cannot rebuild them) and neither holds a secret.
 */
import type { HealthDismissal, TokenProblemKind } from '../../../shared/health/health-schemas';
import type { Db } from './sqlite-file';

/** A reminder threshold: expiring soon, expired, rotation due. */
export type ReminderThreshold = 'expiring' | 'expired' | 'rotation_due';

interface DismissalColumns {
  profile_id: string;
  token_id: string;
  kind: TokenProblemKind;
  token_name: string | null;
  until: string | null;
}

/** Every snooze and ignore (also ended snoozes, which the caller disregards). */
export function listDismissals(db: Db): HealthDismissal[] {
  const rows = db
    .prepare('SELECT profile_id, token_id, kind, token_name, until FROM health_dismissals')
    .all() as DismissalColumns[];
  return rows.map((r) => ({
    profileId: r.profile_id,
    tokenId: r.token_id,
    kind: r.kind,
    tokenName: r.token_name,
    until: r.until,
  }));
}

/** Snoozes (until a time) or ignores (until null) one problem of one token, replacing an earlier one. */
export function saveDismissal(db: Db, dismissal: HealthDismissal, at: string): void {
  db.prepare(
    `INSERT INTO health_dismissals (profile_id, token_id, kind, token_name, until, created_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, token_id, kind) DO UPDATE SET
       token_name = excluded.token_name, until = excluded.until, created_at = excluded.created_at`,
  ).run(dismissal.profileId, dismissal.tokenId, dismissal.kind, dismissal.tokenName, dismissal.until, at);
}

/** Removes a snooze or ignore; true when there was one. */
export function deleteDismissal(db: Db, profileId: string, tokenId: string, kind: TokenProblemKind): boolean {
  return (
    db
      .prepare('DELETE FROM health_dismissals WHERE profile_id = ? AND token_id = ? AND kind = ?')
      .run(profileId, tokenId, kind).changes > 0
  );
}

/** The crossing each token's reminder was last shown for, by `profileId:tokenId:threshold`. */
export function listRemindersSent(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT profile_id, token_id, threshold, subject FROM reminders_sent').all() as {
    profile_id: string;
    token_id: string;
    threshold: ReminderThreshold;
    subject: string;
  }[];
  return new Map(rows.map((r) => [`${r.profile_id}:${r.token_id}:${r.threshold}`, r.subject]));
}

export interface SentReminder {
  profileId: string;
  tokenId: string;
  threshold: ReminderThreshold;
  subject: string;
}

/** Records shown reminders in one transaction. */
export function recordRemindersSent(db: Db, reminders: readonly SentReminder[], at: string): void {
  const upsert = db.prepare(
    `INSERT INTO reminders_sent (profile_id, token_id, threshold, subject, sent_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (profile_id, token_id, threshold) DO UPDATE SET subject = excluded.subject, sent_at = excluded.sent_at`,
  );
  db.transaction(() => {
    for (const r of reminders) upsert.run(r.profileId, r.tokenId, r.threshold, r.subject, at);
  })();
}
