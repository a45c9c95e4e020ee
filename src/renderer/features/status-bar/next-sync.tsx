/**
 * The status bar's "Next sync 14:05": when the scheduled sync runs next among the profiles shown.
 *
 * Each profile has its own time (N hours after its last sync, jittered); the bar shows the
 * soonest and the tooltip lists each. Nothing is shown while the schedule is off, or while every
 * shown profile is syncing (its progress is the news then).
 */
import type { Profile, SyncStatus } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { formatClock } from '../../lib/format';

export function NextSync({
  profiles,
  statusOf,
  now,
}: {
  profiles: readonly Profile[];
  statusOf: (profileId: string) => SyncStatus;
  now: Date;
}): React.JSX.Element | null {
  const planned = profiles
    .map((profile) => ({ profile, at: statusOf(profile.id).nextSyncAt }))
    .filter((entry): entry is { profile: Profile; at: string } => entry.at !== null)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const soonest = planned[0];
  if (!soonest) return null;
  const title =
    planned.length > 1
      ? `Next scheduled sync: ${planned.map((p) => `${p.profile.label} ${formatClock(p.at, now) ?? ''}`).join(', ')}`
      : `Next scheduled sync of ${soonest.profile.label}`;
  return (
    <span className="status-next" data-testid="next-sync" title={title}>
      <Icon name="clock" size={12} />
      Next sync {formatClock(soonest.at, now)}
    </span>
  );
}
