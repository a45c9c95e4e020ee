/**
 * Window-wide notices above the table: the keychain is unavailable, the cache was moved
 * aside or refused.
 */
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { cacheMovedSentence, describeError } from '../../lib/error-copy';
import { useAppStore } from '../../stores/app-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';

export function Banners(): React.JSX.Element | null {
  const info = useAppStore((s) => s.info);
  const cacheEvent = useAppStore((s) => s.cacheEvent);
  const dismissed = useAppStore((s) => s.cacheNoticeDismissed);
  const dismiss = useAppStore((s) => s.dismissCacheNotice);
  const hasProfiles = useProfilesStore((s) => s.profiles.length > 0);
  const startSync = useProfilesStore((s) => s.startSync);

  const notices: React.JSX.Element[] = [];
  if (info && !info.keychain.available) {
    const copy = describeError({ code: 'KEYCHAIN_UNAVAILABLE', message: info.keychain.message ?? '' });
    notices.push(
      <div key="keychain" className="banner banner-danger" role="alert" data-testid="keychain-banner">
        <Icon name="lock" className="banner-icon" />
        <div className="banner-body">
          <p className="banner-title">
            {copy.title}
            {info.keychain.message ? <span className="banner-reason"> — {info.keychain.message}</span> : null}
          </p>
          <p>{copy.next}</p>
        </div>
      </div>,
    );
  }
  if (cacheEvent && !dismissed) {
    const corrupt = cacheEvent.kind === 'corrupt_moved';
    const copy = describeError({
      code: corrupt ? 'CACHE_CORRUPT' : 'CACHE_NEWER',
      message: cacheEvent.message,
      details: { movedTo: cacheEvent.movedTo },
    });
    notices.push(
      <div
        key="cache"
        className={`banner ${corrupt ? 'banner-warn' : 'banner-danger'}`}
        role="alert"
        data-testid="cache-banner"
      >
        <Icon name="alert" className="banner-icon" />
        <div className="banner-body">
          <p className="banner-title">{copy.title}</p>
          <p>{corrupt ? cacheMovedSentence(cacheEvent.movedTo, cacheEvent.at) : copy.next}</p>
        </div>
        <div className="banner-actions">
          {corrupt && hasProfiles ? (
            <Button
              size="sm"
              icon="sync"
              onClick={() => void startSync().then(() => useTokensStore.getState().load())}
            >
              Sync now
            </Button>
          ) : null}
          {corrupt ? (
            <Button size="sm" variant="ghost" onClick={dismiss}>
              Dismiss
            </Button>
          ) : null}
        </div>
      </div>,
    );
  }
  return notices.length > 0 ? <div className="banners">{notices}</div> : null;
}
