/**
 * The Keyflare window: sidebar, main area, status bar.
 */
import { useEffect } from 'react';
import { useAppStore } from './stores/app-store';
import { useTheme } from './lib/theme';

export function App(): React.JSX.Element {
  const { info, settings, loadError, load } = useAppStore();
  useTheme(settings?.theme ?? 'system');
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="app-shell">
      <aside className="sidebar" aria-label="Profiles">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span className="brand-name">Keyflare</span>
        </div>
        <nav className="sidebar-nav">
          <p className="sidebar-empty">No profiles yet</p>
        </nav>
      </aside>
      <main className="main-area">
        <header className="toolbar">
          <h1>All tokens</h1>
        </header>
        <section className="content" aria-live="polite">
          {loadError ? (
            <div role="alert" className="callout callout-danger">
              {loadError.message}
            </div>
          ) : (
            <div className="empty-state">
              <h2>Welcome to Keyflare</h2>
              <p>Add a Cloudflare login to see every API token it can reach.</p>
            </div>
          )}
        </section>
        <footer className="status-bar">
          {info ? (
            <span data-testid="app-version">
              Keyflare {info.version} · cache schema {info.schemaVersion}
            </span>
          ) : (
            <span>Loading…</span>
          )}
        </footer>
      </main>
    </div>
  );
}
