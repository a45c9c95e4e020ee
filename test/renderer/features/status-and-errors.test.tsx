import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, IDS, syncStatus } from '../../fixtures/renderer/fixtures';
import { renderApp } from '../support/render-app';

const at = (hours: number, minutes: number): string => {
  const date = new Date(FIXTURE_NOW);
  date.setHours(hours, minutes, 0, 0);
  return date.toISOString();
};

describe('status bar', () => {
  it('shows each profile’s last sync and syncs all of them', async () => {
    const { user, mock } = await renderApp({ channels: ['sync.start'] });
    const status = screen.getByRole('contentinfo', { name: 'Status' });
    expect(within(status).getByText('Personal')).toBeInTheDocument();
    expect(within(status).getByText('Acme Corp')).toBeInTheDocument();
    expect(status).toHaveTextContent('4 min ago');
    await user.click(within(status).getByRole('button', { name: 'Sync all' }));
    await waitFor(() => expect(mock.callsOf('sync.start')).toEqual([{}]));
  });

  it('shows progress while a sync runs', async () => {
    const { mock, user } = await renderApp();
    await user.click(screen.getByRole('button', { name: /^Personal/u }));
    act(() => mock.emit('sync.progress', { profileId: IDS.personal, done: 3, planned: 12 }));
    const bar = screen.getByRole('progressbar', { name: 'Sync progress for Personal' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('contentinfo', { name: 'Status' })).toHaveTextContent('Syncing 3/12');
  });

  it('says when it is showing cached data because Cloudflare cannot be reached', async () => {
    const { user } = await renderApp({
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.personal, { offline: true, lastSuccessAt: at(14, 2) }),
          syncStatus(IDS.acme),
          syncStatus(IDS.globex),
        ]),
    });
    await user.click(screen.getByRole('button', { name: /^Personal/u }));
    expect(screen.getByTestId('offline-badge')).toHaveTextContent('Offline: Showing cached data from 14:02');
  });

  it('says until when a login is rate-limited', async () => {
    const { user } = await renderApp({
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.personal, { rateLimitedUntil: at(14, 5) }),
          syncStatus(IDS.acme),
          syncStatus(IDS.globex),
        ]),
    });
    await user.click(screen.getByRole('button', { name: /^Personal/u }));
    expect(screen.getByRole('contentinfo', { name: 'Status' })).toHaveTextContent('Rate-limited until 14:05');
  });

  it('explains a failed sync in plain words', async () => {
    const { user } = await renderApp({
      before: (mock) =>
        mock.fail('sync.start', 'RATE_LIMITED', '429 Too Many Requests', { retryAt: at(14, 5) }),
    });
    await user.click(screen.getByRole('button', { name: /^Personal/u }));
    await user.click(screen.getByRole('button', { name: 'Sync Personal' }));
    expect(
      await screen.findByText(/Sync failed: Cloudflare is rate-limiting this login until 14:05/u),
    ).toBeInTheDocument();
  });
});

describe('window-wide problems', () => {
  it('explains an unavailable keychain and how to fix it, while the inventory still works', async () => {
    await renderApp({
      info: { keychain: { available: false, message: 'No Secret Service provider answered on D-Bus.' } },
    });
    const banner = screen.getByTestId('keychain-banner');
    expect(banner).toHaveTextContent('The system keychain is unavailable');
    expect(banner).toHaveTextContent('No Secret Service provider answered on D-Bus.');
    expect(banner).toHaveTextContent('GNOME Keyring or KWallet');
    expect(screen.getAllByRole('row').length).toBeGreaterThan(5);
  });

  it('says where an unreadable cache went and that profiles and history are intact, and can be dismissed', async () => {
    const { user } = await renderApp({
      info: {
        dataEvents: [
          {
            store: 'cache',
            kind: 'corrupt_moved',
            message: 'bad file',
            movedTo: ['/data/cache.db.corrupt-1', '/data/cache.db-wal.corrupt-1'],
            at: FIXTURE_NOW.toISOString(),
          },
        ],
      },
    });
    const banner = screen.getByTestId('data-banner-cache');
    expect(banner).toHaveTextContent('Keyflare’s token cache could not be read');
    expect(banner).toHaveTextContent('/data/cache.db.corrupt-1, /data/cache.db-wal.corrupt-1');
    expect(banner).toHaveTextContent('Your profiles, settings and history are intact');
    expect(within(banner).getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('data-banner-cache')).not.toBeInTheDocument();
  });

  it('an unreadable profile list points at the keychain entries instead of promising a sync', async () => {
    const { user } = await renderApp({
      channels: ['keychain.entries'],
      info: {
        dataEvents: [
          {
            store: 'profiles',
            kind: 'corrupt_moved',
            message: 'bad file',
            movedTo: ['/data/profiles.corrupt-1'],
            at: FIXTURE_NOW.toISOString(),
          },
        ],
      },
    });
    const banner = screen.getByTestId('data-banner-profiles');
    expect(banner).toHaveTextContent('Keyflare’s profile list could not be read');
    expect(banner).toHaveTextContent('Nothing was deleted from the keychain');
    expect(banner).not.toHaveTextContent(/sync/iu);
    expect(within(banner).queryByRole('button', { name: 'Sync now' })).not.toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: 'Open keychain entries' }));
    expect(await screen.findByRole('dialog', { name: /settings/iu })).toBeInTheDocument();
  });

  it('refuses politely to touch a data folder from a newer Keyflare', async () => {
    await renderApp({
      info: {
        dataEvents: [
          {
            store: 'cache',
            kind: 'newer_schema',
            message: 'schema 9 > 4',
            movedTo: [],
            at: FIXTURE_NOW.toISOString(),
          },
        ],
      },
    });
    const banner = screen.getByTestId('data-banner-cache');
    expect(banner).toHaveTextContent('This data folder was written by a newer Keyflare');
    expect(within(banner).queryByRole('button', { name: 'Dismiss' })).not.toBeInTheDocument();
  });

  it('explains a token list that cannot be read and lets the user retry', async () => {
    const { user, mock } = await renderApp({
      waitForRows: false,
      before: (m) =>
        m.fail('tokens.list', 'CACHE_CORRUPT', 'unreadable', { movedTo: ['/data/cache.db.corrupt-2'] }),
    });
    expect(await screen.findByText('Keyflare’s cache could not be read')).toBeInTheDocument();
    mock.answer('tokens.list', []);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'No tokens yet' })).toBeInTheDocument();
  });

  it('shows an empty profile with what to do next', async () => {
    const { user } = await renderApp({ rows: [], waitForRows: false });
    await user.click(await screen.findByRole('button', { name: /^Personal/u }));
    expect(screen.getByRole('heading', { name: 'No tokens in Personal yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create token' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sync now' })).toBeInTheDocument();
  });
});
