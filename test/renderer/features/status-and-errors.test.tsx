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

  it('says what was moved aside when the cache was corrupt, and can be dismissed', async () => {
    const { user } = await renderApp({
      info: {
        cacheEvent: {
          kind: 'corrupt_moved',
          message: 'bad file',
          movedTo: ['/data/cache.db.corrupt-1', '/data/cache.db-wal.corrupt-1'],
          at: FIXTURE_NOW.toISOString(),
        },
      },
    });
    const banner = screen.getByTestId('cache-banner');
    expect(banner).toHaveTextContent('Keyflare’s cache could not be read');
    expect(banner).toHaveTextContent('/data/cache.db.corrupt-1, /data/cache.db-wal.corrupt-1');
    expect(banner).toHaveTextContent('the cache never holds secrets');
    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('cache-banner')).not.toBeInTheDocument();
  });

  it('announces a cache reset that happens while running', async () => {
    const { mock } = await renderApp();
    act(() =>
      mock.emit('cache.reset', {
        kind: 'corrupt_moved',
        message: 'bad',
        movedTo: ['/data/x.corrupt'],
        at: FIXTURE_NOW.toISOString(),
      }),
    );
    expect(await screen.findByTestId('cache-banner')).toHaveTextContent('/data/x.corrupt');
  });

  it('refuses politely to touch a cache from a newer Keyflare', async () => {
    await renderApp({
      info: {
        cacheEvent: {
          kind: 'newer_schema',
          message: 'schema 9 > 1',
          movedTo: [],
          at: FIXTURE_NOW.toISOString(),
        },
      },
    });
    expect(screen.getByTestId('cache-banner')).toHaveTextContent('The cache was written by a newer Keyflare');
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
