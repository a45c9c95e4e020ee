/**
 * The sidebar: "All tokens", each profile (login) with its accounts, and settings.
 */
import { useMemo } from 'react';
import type { Account, Profile } from '../../../shared/domain';
import { Icon } from '../../components/icons';
import { syncStatusOf, useProfilesStore } from '../../stores/profiles-store';
import { useSandboxStore } from '../../stores/sandbox-store';
import { useTokensStore } from '../../stores/tokens-store';
import { useUiStore } from '../../stores/ui-store';
import type { Translate } from '../../../shared/i18n';
import { messageText } from '../../lib/error-copy';
import { formatNumber } from '../../lib/format';
import { useT } from '../../lib/i18n';
import type { TokenView } from '../../lib/token-filter';
import { ScreenNav } from '../health/screen-nav';

function sameView(a: TokenView, b: TokenView): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'all') return true;
  if (a.kind === 'profile' && b.kind === 'profile') return a.profileId === b.profileId;
  if (a.kind === 'account' && b.kind === 'account')
    return a.profileId === b.profileId && a.accountId === b.accountId;
  return false;
}

function credentialWords(profile: Profile, t: Translate): string {
  return t(`sidebar.credential.${profile.credentialKind}`);
}

export function Sidebar(): React.JSX.Element {
  const profiles = useProfilesStore((s) => s.profiles);
  const accounts = useProfilesStore((s) => s.accounts);
  const sync = useProfilesStore((s) => s.sync);
  const profilesState = useProfilesStore((s) => s.state);
  const profilesError = useProfilesStore((s) => s.error);
  const rows = useTokensStore((s) => s.rows);
  const view = useUiStore((s) => s.view);
  const onTokens = useUiStore((s) => s.screen === 'tokens');
  const setView = useUiStore((s) => s.setView);
  const openDialog = useUiStore((s) => s.openDialog);
  const inSandbox = useSandboxStore((s) => s.status?.active ?? false);
  const t = useT();

  const counts = useMemo(() => {
    const byProfile = new Map<string, number>();
    for (const row of rows) byProfile.set(row.profileId, (byProfile.get(row.profileId) ?? 0) + 1);
    return byProfile;
  }, [rows]);

  const accountsByProfile = useMemo(() => {
    const map = new Map<string, Account[]>();
    for (const account of accounts)
      map.set(account.profileId, [...(map.get(account.profileId) ?? []), account]);
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return map;
  }, [accounts]);

  const item = (
    target: TokenView,
    label: string,
    extra: {
      count?: number;
      icon: 'layers' | 'user' | 'building';
      sub?: string;
      syncing?: boolean;
      offline?: boolean;
    },
  ): React.JSX.Element => {
    const current = onTokens && sameView(view, target);
    return (
      <button
        type="button"
        className={`nav-item${current ? ' nav-item-current' : ''}${target.kind === 'account' ? ' nav-item-account' : ''}`}
        aria-current={current ? 'page' : undefined}
        onClick={() => setView(target)}
      >
        <Icon name={extra.icon} className="nav-icon" />
        <span className="nav-text">
          <span className="nav-label">{label}</span>
          {extra.sub ? <span className="nav-sub">{extra.sub}</span> : null}
        </span>
        {extra.syncing ? (
          <span className="spinner spinner-sm" aria-label={t('sidebar.syncing')} role="img" />
        ) : null}
        {extra.offline ? <Icon name="cloud-off" className="nav-offline" /> : null}
        {extra.count !== undefined ? <span className="nav-count">{formatNumber(extra.count)}</span> : null}
      </button>
    );
  };

  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="key" size={16} />
        </span>
        <span className="brand-name">Keyflare</span>
      </div>
      <nav className="sidebar-nav" aria-label={t('sidebar.views')}>
        {profiles.length > 0
          ? item({ kind: 'all' }, t('sidebar.allTokens'), { count: rows.length, icon: 'layers' })
          : null}
        {profiles.length > 0 ? <ScreenNav /> : null}
        <div className="sidebar-section">
          <h2 className="sidebar-heading" id="profiles-heading">
            {t('sidebar.profiles')}
          </h2>
          {/* The sandbox takes no real login: the button stays, disabled, and says why. */}
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-sm"
            aria-label={t('sidebar.addProfile')}
            title={inSandbox ? t('sandbox.errors.sampleLoginsOnly') : t('sidebar.addProfile')}
            aria-disabled={inSandbox ? true : undefined}
            onClick={inSandbox ? undefined : () => openDialog({ kind: 'addProfile' })}
          >
            <Icon name="plus" size={14} />
          </button>
        </div>
        {profilesState === 'error' && profilesError ? (
          <p className="sidebar-note" role="alert">
            {t('sidebar.loadFailed', { message: messageText(profilesError) })}
          </p>
        ) : null}
        {profiles.length === 0 && profilesState !== 'error' ? (
          <p className="sidebar-note">{t('sidebar.empty')}</p>
        ) : null}
        <ul className="nav-list" aria-labelledby="profiles-heading">
          {profiles.map((profile) => {
            const status = syncStatusOf(sync, profile.id);
            const profileAccounts = accountsByProfile.get(profile.id) ?? [];
            return (
              <li key={profile.id} className="nav-profile">
                <div className="nav-row">
                  {item({ kind: 'profile', profileId: profile.id }, profile.label, {
                    icon: 'user',
                    count: counts.get(profile.id) ?? 0,
                    sub: profile.email ?? credentialWords(profile, t),
                    syncing: status.running,
                    offline: status.offline,
                  })}
                  <button
                    type="button"
                    className="btn btn-ghost btn-icon btn-sm nav-gear"
                    aria-label={t('sidebar.manageProfileNamed', { label: profile.label })}
                    title={t('sidebar.manageProfile')}
                    onClick={() => openDialog({ kind: 'profile', profileId: profile.id })}
                  >
                    <Icon name="settings" size={14} />
                  </button>
                </div>
                {profileAccounts.length > 0 ? (
                  <ul className="nav-accounts" aria-label={t('sidebar.accountsOf', { label: profile.label })}>
                    {profileAccounts.map((account) => (
                      <li key={account.id}>
                        {item(
                          { kind: 'account', profileId: profile.id, accountId: account.id },
                          account.name,
                          {
                            icon: 'building',
                          },
                        )}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="nav-item" onClick={() => openDialog({ kind: 'settings' })}>
          <Icon name="settings" className="nav-icon" />
          <span className="nav-text">
            <span className="nav-label">{t('sidebar.settings')}</span>
          </span>
        </button>
      </div>
    </aside>
  );
}
