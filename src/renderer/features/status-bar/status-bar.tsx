/**
 * The status bar: per profile the last sync, progress while syncing, offline and rate-limit
 * badges, a sync button, and the app version.
 */
import type { Profile, SyncStatus } from '../../../shared/domain';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { useNow } from '../../lib/use-now';
import { cachedDataLabel, errorHeadline, messageText } from '../../lib/error-copy';
import { useT } from '../../lib/i18n';
import { formatClock, formatDateTime, formatRelative, formatRelativeShort, toTime } from '../../lib/format';
import { useAppStore } from '../../stores/app-store';
import { syncStatusOf, useProfilesStore } from '../../stores/profiles-store';
import { useUiStore } from '../../stores/ui-store';
import { NextSync } from './next-sync';
import type { AppErrorShape } from '../../../shared/errors';

function ProfileSync({
  profile,
  status,
  error,
  now,
  showLabel,
}: {
  profile: Profile;
  status: SyncStatus;
  error: AppErrorShape | undefined;
  now: Date;
  showLabel: boolean;
}): React.JSX.Element {
  const t = useT();
  const label = showLabel ? <span className="sync-profile">{profile.label}</span> : null;
  const limitedUntil = toTime(status.rateLimitedUntil);
  const lastSync = status.lastSuccessAt ?? profile.lastSyncAt;
  // A rate limit is news even mid-sync: the sync is waiting for it, and the user should know why.
  if (limitedUntil !== null && limitedUntil > now.getTime()) {
    return (
      <span className="sync-item" data-testid="sync-item">
        {label}
        <span className="status-badge status-badge-warn" data-testid="rate-limit-badge">
          <Icon name="clock" size={12} />
          {t(status.running ? 'statusBar.rateLimitedWaiting' : 'statusBar.rateLimited', {
            until: formatClock(status.rateLimitedUntil, now) ?? '',
          })}
        </span>
      </span>
    );
  }
  if (status.running) {
    const progress = status.progress;
    const percent =
      progress && progress.planned > 0 ? Math.round((progress.done / progress.planned) * 100) : null;
    return (
      <span className="sync-item" data-testid="sync-item">
        {label}
        <span className="spinner spinner-sm" aria-hidden="true" />
        <span>
          {progress
            ? t(showLabel ? 'statusBar.progress' : 'statusBar.syncingProgress', {
                done: progress.done,
                planned: progress.planned,
              })
            : t('statusBar.syncingShort')}
        </span>
        <span
          className="progress"
          role="progressbar"
          aria-label={t('statusBar.progressLabel', { label: profile.label })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
        >
          <span
            className={`progress-bar${percent === null ? ' progress-indeterminate' : ''}`}
            style={percent === null ? undefined : { width: `${percent}%` }}
          />
        </span>
      </span>
    );
  }
  if (status.offline) {
    return (
      <span className="sync-item" data-testid="sync-item">
        {label}
        <span
          className="status-badge status-badge-warn"
          data-testid="offline-badge"
          title={t('statusBar.offlineTitle', { cached: cachedDataLabel(lastSync, now) })}
        >
          <Icon name="cloud-off" size={12} />
          <span className="visually-hidden">{t('statusBar.offline')} </span>
          {cachedDataLabel(lastSync, now)}
        </span>
      </span>
    );
  }
  if (error) {
    return (
      <span className="sync-item" data-testid="sync-item">
        {label}
        <span className="status-badge status-badge-danger" title={messageText(error)}>
          <Icon name="alert" size={12} />
          {t('statusBar.syncFailed', { reason: errorHeadline(error, { now }) })}
        </span>
      </span>
    );
  }
  return (
    <span className="sync-item" data-testid="sync-item">
      {label}
      <span className={`sync-dot${lastSync ? ' sync-dot-ok' : ''}`} aria-hidden="true" />
      {lastSync ? (
        <span title={t('statusBar.lastSynced', { when: formatDateTime(lastSync) ?? lastSync })}>
          {showLabel
            ? formatRelativeShort(lastSync, now)
            : t('statusBar.synced', {
                relative: formatRelative(lastSync, now) ?? '',
                clock: formatClock(lastSync, now) ?? '',
              })}
        </span>
      ) : (
        <span>{t('statusBar.notSynced')}</span>
      )}
    </span>
  );
}

export function StatusBar(): React.JSX.Element {
  const info = useAppStore((s) => s.info);
  const profiles = useProfilesStore((s) => s.profiles);
  const sync = useProfilesStore((s) => s.sync);
  const syncErrors = useProfilesStore((s) => s.syncErrors);
  const startSync = useProfilesStore((s) => s.startSync);
  const cancelSync = useProfilesStore((s) => s.cancelSync);
  const view = useUiStore((s) => s.view);
  const now = useNow(30_000);
  const t = useT();

  const shown = view.kind === 'all' ? profiles : profiles.filter((p) => p.id === view.profileId);
  const anyRunning = shown.some((p) => syncStatusOf(sync, p.id).running);
  const single = shown.length === 1 ? shown[0] : undefined;
  const syncLabel = single
    ? profiles.length > 1
      ? t('statusBar.syncProfile', { label: single.label })
      : t('statusBar.syncNow')
    : t('statusBar.syncAll');

  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <div className="status-syncs">
        {shown.map((profile) => (
          <ProfileSync
            key={profile.id}
            profile={profile}
            status={syncStatusOf(sync, profile.id)}
            error={syncErrors[profile.id]}
            now={now}
            showLabel={shown.length > 1}
          />
        ))}
      </div>
      <NextSync profiles={shown} statusOf={(id) => syncStatusOf(sync, id)} now={now} />
      {shown.length > 0 && anyRunning ? (
        <Button
          size="sm"
          variant="ghost"
          icon="x"
          onClick={() => {
            for (const profile of shown)
              if (syncStatusOf(sync, profile.id).running) void cancelSync(profile.id);
          }}
          data-testid="cancel-sync-button"
        >
          {t('statusBar.cancelSync')}
        </Button>
      ) : null}
      {shown.length > 0 && !anyRunning ? (
        <Button
          size="sm"
          variant="ghost"
          icon="sync"
          onClick={() => void startSync(single?.id)}
          data-testid="sync-button"
        >
          {syncLabel}
        </Button>
      ) : null}
      <span className="status-version" data-testid="app-version">
        {info
          ? t('statusBar.version', {
              version: info.version,
              profiles: info.schemaVersions.profiles,
              cache: info.schemaVersions.cache,
            })
          : t('statusBar.loading')}
      </span>
    </footer>
  );
}
