import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateTokenRows, TOKEN_ROWS } from '../../fixtures/renderer/fixtures';
import { AppWindow } from '../pages/app-window';

describe('token table', () => {
  it('lists every profile’s tokens with the columns a user scans for', async () => {
    const app = await AppWindow.open();
    expect(app.tokens.headers()).toEqual([
      'Name',
      'Profile',
      'Kind',
      'Status',
      'Permissions',
      'Resources',
      'IP filter',
      'Last used',
      'Expires',
      'Secret in keychain',
      'Last verify',
    ]);
    expect(app.tokens.grid()).toHaveAttribute('aria-rowcount', String(TOKEN_ROWS.length + 1));
    const row = app.tokens.row('GitHub Actions — deploy acme.com');
    expect(row).toHaveTextContent('Acme Corp');
    expect(row).toHaveTextContent('DNS Write, Zone Read, Workers Scripts Write');
    expect(row).toHaveTextContent('192.0.2.0/24');
    expect(within(row).getByText('Secret in keychain')).toBeInTheDocument();
    expect(within(app.tokens.row('Grafana')).getByText('No secret in keychain')).toBeInTheDocument();
    expect(app.tokens.row('Uptime monitor')).toHaveTextContent('Invalid');
  });

  it('reads an exclusion as "all zones except …", and finds the token by the excluded zone', async () => {
    const app = await AppWindow.open();
    const row = app.tokens.row('Cache purge bot');
    expect(row.querySelector('.col-permissions')).toHaveTextContent(/^Cache Purge$/u);
    expect(row.querySelector('.col-resources')).toHaveTextContent(/^all zones except zone acme\.io$/u);
    expect(row).not.toHaveTextContent('deny');
    await app.tokens.search('acme.io');
    expect(app.tokens.names()).toEqual(['Cache purge bot']);
  });

  it('searches across names, permissions, zones and accounts as the user types', async () => {
    const app = await AppWindow.open();
    await app.tokens.search('globex.net');
    expect(app.tokens.names()).toEqual(['Migration 2025 (expired)']);
    expect(app.tokens.resultCount()).toHaveTextContent(`1 of ${TOKEN_ROWS.length} tokens`);
    await app.tokens.clearSearch();
    await app.tokens.search('workers');
    expect(app.tokens.names()).toEqual(['GitHub Actions — deploy acme.com', 'wrangler — local dev']);
  });

  it('filters by kind, status and the quick filters, and clears them', async () => {
    const app = await AppWindow.open();
    await app.tokens.setKind('account');
    expect(app.tokens.names()).toEqual(['Terraform — staging', 'Uptime monitor']);
    await app.tokens.setKind('any');
    await app.tokens.setStatus('disabled');
    expect(app.tokens.names()).toEqual(['Old CI token']);
    await app.tokens.setStatus('any');
    await app.tokens.toggle('Never used');
    expect(app.tokens.quickFilter('Never used')).toHaveAttribute('aria-pressed', 'true');
    expect(app.tokens.names()).toEqual(['Grafana — analytics']);
    await app.tokens.toggle('Never used');
    await app.tokens.toggle('Expiring soon');
    expect(app.tokens.names()).toEqual(['Cache purge bot', 'certbot — example.dev']);
    await app.tokens.clearFilters();
    expect(app.tokens.names()).toHaveLength(TOKEN_ROWS.length);
  });

  it('shows a helpful empty state when nothing matches', async () => {
    const app = await AppWindow.open();
    await app.tokens.search('no such token');
    expect(screen.getByRole('heading', { name: 'No tokens match' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(app.tokens.names()).toHaveLength(TOKEN_ROWS.length);
  });

  it('sorts by a column and flips direction on a second click', async () => {
    const app = await AppWindow.open();
    await app.tokens.sortBy('Expires');
    expect(app.tokens.columnHeader('Expires')).toHaveAttribute('aria-sort', 'ascending');
    expect(app.tokens.names()[0]).toBe('Migration 2025 (expired)');
    await app.tokens.sortBy('Expires');
    expect(app.tokens.columnHeader('Expires')).toHaveAttribute('aria-sort', 'descending');
    expect(app.tokens.names()[0]).toBe('Pages deploy — alex.blog');
    expect(app.tokens.columnHeader('Name')).toHaveAttribute('aria-sort', 'none');
  });

  it('switches to a profile or an account from the sidebar', async () => {
    const app = await AppWindow.open();
    await app.showView('Personal');
    expect(app.heading()).toHaveTextContent(/^Personal$/u);
    expect(app.tokens.names()).toHaveLength(TOKEN_ROWS.filter((r) => r.profileLabel === 'Personal').length);
    await app.showView('Acme Staging');
    expect(app.heading()).toHaveTextContent(/^Acme Staging$/u);
    expect(app.tokens.names()).toContain('Terraform — staging');
    expect(app.tokens.names()).not.toContain('GitHub Actions — deploy acme.com');
    await app.showView('All tokens');
    expect(app.tokens.names()).toHaveLength(TOKEN_ROWS.length);
  });

  it('moves through rows with the arrow keys and opens one with Enter', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    const first = within(app.tokens.grid()).getAllByRole('row')[1] as HTMLElement;
    first.focus();
    await app.press('{ArrowDown}');
    expect(app.tokens.row('Cache purge bot')).toHaveAttribute('aria-selected', 'true');
    await app.press('{ArrowDown}');
    const second = app.tokens.row('certbot — example.dev');
    expect(second).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(second).toHaveFocus());
    await app.press('{End}');
    expect(app.tokens.row('wrangler — local dev')).toHaveAttribute('aria-selected', 'true');
    await app.press('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'wrangler — local dev' }),
    ).toBeInTheDocument();
    await app.press('{Home}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Cache purge bot' })).toBeInTheDocument();
  });

  it('renders only the rows on screen for 10,000 tokens', async () => {
    const app = await AppWindow.open({ rows: generateTokenRows(10_000) });
    expect(app.tokens.grid()).toHaveAttribute('aria-rowcount', '10001');
    expect(app.tokens.renderedRowCount()).toBeGreaterThan(10);
    expect(app.tokens.renderedRowCount()).toBeLessThan(60);
    expect(app.tokens.resultCount()).toHaveTextContent('10,000 tokens');
  });

  it('reloads the list when a sync finishes', async () => {
    const app = await AppWindow.open();
    const before = app.mock.callsOf('tokens.list').length;
    act(() =>
      app.mock.emit('sync.finished', {
        profileId: 'personal',
        run: {
          id: 9,
          profileId: 'personal',
          startedAt: new Date().toISOString(),
          endedAt: new Date().toISOString(),
          outcome: 'ok',
          requestCount: 3,
          error: null,
        },
      }),
    );
    await waitFor(() => expect(app.mock.callsOf('tokens.list').length).toBe(before + 1));
    fireEvent.keyDown(window, { key: 'Escape' });
  });
});
