import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, IDS, syncStatus } from '../../fixtures/renderer/fixtures';
import { AppWindow } from '../pages/app-window';

const at = (hours: number, minutes: number): string => {
  const date = new Date(FIXTURE_NOW);
  date.setHours(hours, minutes, 0, 0);
  return date.toISOString();
};

describe('status bar', () => {
  it('shows each profile’s last sync and syncs all of them', async () => {
    const app = await AppWindow.open({ channels: ['sync.start'] });
    const status = app.statusBar.element();
    expect(within(status).getByText('Personal')).toBeInTheDocument();
    expect(within(status).getByText('Acme Corp')).toBeInTheDocument();
    expect(status).toHaveTextContent('4 min ago');
    await app.statusBar.syncAll();
    await waitFor(() => expect(app.mock.callsOf('sync.start')).toEqual([{}]));
  });

  it('shows progress while a sync runs', async () => {
    const app = await AppWindow.open();
    await app.showView('Personal');
    act(() => app.mock.emit('sync.progress', { profileId: IDS.personal, done: 3, planned: 12 }));
    expect(app.statusBar.progress('Personal')).toHaveAttribute('aria-valuenow', '25');
    expect(app.statusBar.element()).toHaveTextContent('Syncing 3/12');
  });

  it('says when it is showing cached data because Cloudflare cannot be reached', async () => {
    const app = await AppWindow.open({
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.personal, { offline: true, lastSuccessAt: at(14, 2) }),
          syncStatus(IDS.acme),
          syncStatus(IDS.globex),
        ]),
    });
    await app.showView('Personal');
    expect(app.statusBar.offlineBadge()).toHaveTextContent('Offline: Showing cached data from 14:02');
  });

  it('says until when a login is rate-limited', async () => {
    const app = await AppWindow.open({
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.personal, { rateLimitedUntil: at(14, 5) }),
          syncStatus(IDS.acme),
          syncStatus(IDS.globex),
        ]),
    });
    await app.showView('Personal');
    expect(app.statusBar.element()).toHaveTextContent('Rate-limited until 14:05');
  });

  it('explains a failed sync in plain words', async () => {
    const app = await AppWindow.open({
      before: (mock) =>
        mock.fail('sync.start', 'RATE_LIMITED', '429 Too Many Requests', { retryAt: at(14, 5) }),
    });
    await app.showView('Personal');
    await app.statusBar.syncProfile('Personal');
    expect(
      await app.findText(/Sync failed: Cloudflare is rate-limiting this login until 14:05/u),
    ).toBeInTheDocument();
  });
});

describe('window-wide problems', () => {
  it('explains an unavailable keychain and how to fix it, while the inventory still works', async () => {
    const app = await AppWindow.open({
      info: { keychain: { available: false, message: { key: 'errors.keychain.locked' } } },
    });
    const banner = app.banner('keychain-banner');
    expect(banner).toHaveTextContent('The system keychain is unavailable');
    expect(banner).toHaveTextContent(
      'The system keychain is locked. Unlock it (log in again or open your keyring app)',
    );
    expect(banner).toHaveTextContent('GNOME Keyring or KWallet');
    expect(app.tokens.renderedRowCount()).toBeGreaterThan(4);
  });

  it('says where an unreadable cache went and that profiles and history are intact, and can be dismissed', async () => {
    const app = await AppWindow.open({
      info: {
        dataEvents: [
          {
            store: 'cache',
            kind: 'corrupt_moved',
            message: { key: 'outcomes.dataFile.cacheMoved' },
            movedTo: ['/data/cache.db.corrupt-1', '/data/cache.db-wal.corrupt-1'],
            at: FIXTURE_NOW.toISOString(),
          },
        ],
      },
    });
    const banner = app.banner('data-banner-cache');
    expect(banner).toHaveTextContent('Keyflare’s token cache could not be read');
    expect(banner).toHaveTextContent('/data/cache.db.corrupt-1, /data/cache.db-wal.corrupt-1');
    expect(banner).toHaveTextContent('Your profiles, settings and history are intact');
    expect(within(banner).getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
    await app.user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('data-banner-cache')).not.toBeInTheDocument();
  });

  it('an unreadable profile list points at the keychain entries instead of promising a sync', async () => {
    const app = await AppWindow.open({
      channels: ['keychain.entries'],
      info: {
        dataEvents: [
          {
            store: 'profiles',
            kind: 'corrupt_moved',
            message: { key: 'outcomes.dataFile.profilesMoved' },
            movedTo: ['/data/profiles.corrupt-1'],
            at: FIXTURE_NOW.toISOString(),
          },
        ],
      },
    });
    const banner = app.banner('data-banner-profiles');
    expect(banner).toHaveTextContent('Keyflare’s profile list could not be read');
    expect(banner).toHaveTextContent('Nothing was deleted from the keychain');
    expect(banner).not.toHaveTextContent(/sync/iu);
    expect(within(banner).queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    await app.user.click(within(banner).getByRole('button', { name: 'Open keychain entries' }));
    expect(await screen.findByRole('dialog', { name: /settings/iu })).toBeInTheDocument();
  });

  it('refuses politely to touch a data folder from a newer Keyflare', async () => {
    const app = await AppWindow.open({
      info: {
        dataEvents: [
          {
            store: 'cache',
            kind: 'newer_schema',
            message: { key: 'errors.code.CACHE_NEWER.title' },
            movedTo: [],
            at: FIXTURE_NOW.toISOString(),
          },
        ],
      },
    });
    const banner = app.banner('data-banner-cache');
    expect(banner).toHaveTextContent('This data folder was written by a newer Keyflare');
    expect(within(banner).queryByRole('button', { name: 'Dismiss' })).not.toBeInTheDocument();
  });

  it('explains a token list that cannot be read and lets the user retry', async () => {
    const app = await AppWindow.open({
      waitForRows: false,
      before: (m) =>
        m.fail('tokens.list', 'CACHE_CORRUPT', 'unreadable', { movedTo: ['/data/cache.db.corrupt-2'] }),
    });
    expect(await app.findText('Keyflare’s cache could not be read')).toBeInTheDocument();
    app.mock.answer('tokens.list', []);
    await app.user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'No tokens yet' })).toBeInTheDocument();
  });

  it('shows an empty profile with what to do next', async () => {
    const app = await AppWindow.open({ rows: [], waitForRows: false });
    await app.showView('Personal');
    expect(screen.getByRole('heading', { name: 'No tokens in Personal yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create token' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
  });
});
