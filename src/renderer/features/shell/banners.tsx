/**
 * Window-wide notices above the table: the keychain is unavailable, a data file was moved aside
 * or refused at start.
 */
import type { DataFileEvent } from '../../../shared/domain';
import { Button } from '../../components/button';
import { Icon } from '../../components/icons';
import { dataFileNotice, describeError } from '../../lib/error-copy';
import { useT } from '../../lib/i18n';
import { messageSentence } from '../../lib/message-sentence';
import { useAppStore } from '../../stores/app-store';
import { useProfilesStore } from '../../stores/profiles-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';

function DataFileBanner({ event }: { event: DataFileEvent }): React.JSX.Element {
  const dismiss = useAppStore((s) => s.dismissDataNotice);
  const hasProfiles = useProfilesStore((s) => s.profiles.length > 0);
  const startSync = useProfilesStore((s) => s.startSync);
  const openDialog = useUiStore((s) => s.openDialog);
  const t = useT();
  const notice = dataFileNotice(event);
  const moved = event.kind === 'corrupt_moved';
  return (
    <div
      className={`banner ${moved ? 'banner-warn' : 'banner-danger'}`}
      role="alert"
      data-testid={`data-banner-${event.store}`}
    >
      <Icon name="alert" className="banner-icon" />
      <div className="banner-body">
        <p className="banner-title">{notice.title}</p>
        <p>{notice.body}</p>
      </div>
      <div className="banner-actions">
        {moved && event.store === 'cache' && hasProfiles ? (
          <Button
            size="sm"
            icon="sync"
            onClick={() => void startSync().then(() => useTokensStore.getState().load())}
          >
            {t('shell.banner.syncNow')}
          </Button>
        ) : null}
        {moved && event.store === 'profiles' ? (
          <Button size="sm" icon="key" onClick={() => openDialog({ kind: 'settings', section: 'keychain' })}>
            {t('shell.banner.openKeychain')}
          </Button>
        ) : null}
        {moved ? (
          <Button size="sm" variant="ghost" onClick={() => dismiss(event.store)}>
            {t('shell.banner.dismiss')}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function Banners(): React.JSX.Element | null {
  const info = useAppStore((s) => s.info);
  const dismissed = useAppStore((s) => s.dismissedDataNotices);
  const t = useT();

  const notices: React.JSX.Element[] = [];
  if (info && !info.keychain.available) {
    const copy = describeError({ code: 'KEYCHAIN_UNAVAILABLE', message: '' });
    notices.push(
      <div key="keychain" className="banner banner-danger" role="alert" data-testid="keychain-banner">
        <Icon name="lock" className="banner-icon" />
        <div className="banner-body">
          <p className="banner-title">
            {info.keychain.message
              ? t('shell.banner.keychainReason', {
                  title: copy.title,
                  reason: messageSentence(info.keychain.message),
                })
              : copy.title}
          </p>
          <p>{copy.next}</p>
        </div>
      </div>,
    );
  }
  for (const event of info?.dataEvents ?? []) {
    if (!dismissed.includes(event.store)) notices.push(<DataFileBanner key={event.store} event={event} />);
  }
  return notices.length > 0 ? <div className="banners">{notices}</div> : null;
}
