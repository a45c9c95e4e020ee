/**
 * The Keyflare window: sidebar, main area (banners, toolbar, table, detail panel), status bar,
 * dialogs and toasts.
 */
import { useEffect } from 'react';
import { ToastRegion } from './components/toast-region';
import { ErrorCallout } from './components/error-callout';
import { AddProfileDialog } from './features/profiles/add-profile-dialog';
import { ProfileDialog } from './features/profiles/profile-dialog';
import { SettingsDialog } from './features/settings/settings-dialog';
import { SandboxBanner } from './features/sandbox/sandbox-banner';
import { Banners } from './features/shell/banners';
import { useEvents } from './features/shell/use-events';
import { useShortcuts } from './features/shell/use-shortcuts';
import { Sidebar } from './features/sidebar/sidebar';
import { StatusBar } from './features/status-bar/status-bar';
import { TokenDetailPanel } from './features/token-detail/token-detail-panel';
import { TokensView } from './features/tokens/tokens-view';
import { AccessView } from './features/access/access-view';
import { HealthView } from './features/health/health-view';
import { TokenWizard } from './features/wizard/token-wizard';
import { useLocale } from './lib/i18n';
import { useTheme } from './lib/theme';
import { useAppStore } from './stores/app-store';
import { useProfilesStore } from './stores/profiles-store';
import { useSandboxStore } from './stores/sandbox-store';
import { useTokensStore } from './stores/tokens-store';
import { useUiStore } from './stores/ui-store';

function Dialogs(): React.JSX.Element | null {
  const dialog = useUiStore((s) => s.dialog);
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'addProfile':
      return <AddProfileDialog />;
    case 'profile':
      return <ProfileDialog profileId={dialog.profileId} />;
    case 'settings':
      return <SettingsDialog />;
    case 'wizard':
      return (
        <TokenWizard
          target={dialog.target}
          key={dialog.target.mode === 'edit' ? dialog.target.tokenKey : 'create'}
        />
      );
  }
}

export function App(): React.JSX.Element {
  const theme = useAppStore((s) => s.settings?.theme ?? 'system');
  const language = useAppStore((s) => s.settings?.language ?? 'system');
  const systemLocales = useAppStore((s) => s.info?.systemLocales);
  const loadError = useAppStore((s) => s.loadError);
  const detailOpen = useUiStore((s) => s.detailOpen && s.selectedKey !== null);
  const screen = useUiStore((s) => s.screen);
  useTheme(theme);
  useLocale(language, systemLocales ?? []);
  useEvents();
  useShortcuts();

  useEffect(() => {
    void useAppStore.getState().load();
    void useProfilesStore.getState().load();
    void useTokensStore.getState().load();
    void useSandboxStore.getState().load();
  }, []);

  return (
    <div className="app-shell">
      <Sidebar />
      <main className="main-area">
        <SandboxBanner />
        <Banners />
        {loadError ? <ErrorCallout error={loadError} /> : null}
        <div className={`workspace${detailOpen ? ' workspace-split' : ''}`}>
          {screen === 'access' ? <AccessView /> : screen === 'health' ? <HealthView /> : <TokensView />}
          <TokenDetailPanel />
        </div>
      </main>
      <StatusBar />
      <Dialogs />
      <ToastRegion />
    </div>
  );
}
