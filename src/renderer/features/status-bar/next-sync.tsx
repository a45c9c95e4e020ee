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
import { useT } from '../../lib/i18n';

export function NextSync({
  profiles,
  statusOf,
  now,
}: {
  profiles: readonly Profile[];
  statusOf: (profileId: string) => SyncStatus;
  now: Date;
}): React.JSX.Element | null {
  const t = useT();
  const planned = profiles
    .map((profile) => ({ profile, at: statusOf(profile.id).nextSyncAt }))
    .filter((entry): entry is { profile: Profile; at: string } => entry.at !== null)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const soonest = planned[0];
  if (!soonest) return null;
  // The list joins with the locale's own separator ("A, B" / "A、B") through Intl.ListFormat.
  const list = new Intl.ListFormat(document.documentElement.lang || undefined, { type: 'unit' }).format(
    planned.map((p) => `${p.profile.label} ${formatClock(p.at, now) ?? ''}`),
  );
  const title =
    planned.length > 1
      ? t('statusBar.nextSyncList', { list })
      : t('statusBar.nextSyncOf', { label: soonest.profile.label });
  return (
    <span className="status-next" data-testid="next-sync" title={title}>
      <Icon name="clock" size={12} />
      {t('statusBar.nextSync', { clock: formatClock(soonest.at, now) ?? '' })}
    </span>
  );
}
