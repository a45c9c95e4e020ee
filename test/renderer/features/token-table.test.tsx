import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateTokenRows, TOKEN_ROWS } from '../../fixtures/renderer/fixtures';
import { renderApp } from '../support/render-app';

function rowNames(): string[] {
  return within(screen.getByRole('grid', { name: 'Tokens' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.cell-name')?.textContent ?? '');
}

describe('token table', () => {
  it('lists every profile’s tokens with the columns a user scans for', async () => {
    await renderApp();
    const grid = screen.getByRole('grid', { name: 'Tokens' });
    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent || h.querySelector('button')?.getAttribute('aria-label'));
    expect(headers).toEqual([
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
    expect(grid).toHaveAttribute('aria-rowcount', String(TOKEN_ROWS.length + 1));
    const row = screen.getByRole('row', { name: /GitHub Actions — deploy acme\.com/u });
    expect(row).toHaveTextContent('Acme Corp');
    expect(row).toHaveTextContent('DNS Write, Zone Read, Workers Scripts Write');
    expect(row).toHaveTextContent('192.0.2.0/24');
    expect(within(row).getByText('Secret in keychain')).toBeInTheDocument();
    expect(
      within(screen.getByRole('row', { name: /Grafana/u })).getByText('No secret in keychain'),
    ).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Uptime monitor/u })).toHaveTextContent('Invalid');
  });

  it('reads an exclusion as "all zones except …", and finds the token by the excluded zone', async () => {
    const { user } = await renderApp();
    const row = screen.getByRole('row', { name: /Cache purge bot/u });
    expect(row.querySelector('.col-permissions')).toHaveTextContent(/^Cache Purge$/u);
    expect(row.querySelector('.col-resources')).toHaveTextContent(/^all zones except zone acme\.io$/u);
    expect(row).not.toHaveTextContent('deny');
    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'acme.io');
    expect(rowNames()).toEqual(['Cache purge bot']);
  });

  it('searches across names, permissions, zones and accounts as the user types', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'globex.net');
    expect(rowNames()).toEqual(['Migration 2025 (expired)']);
    expect(screen.getByTestId('result-count')).toHaveTextContent(`1 of ${TOKEN_ROWS.length} tokens`);
    await user.clear(screen.getByRole('searchbox', { name: 'Search tokens' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'workers');
    expect(rowNames()).toEqual(['GitHub Actions — deploy acme.com', 'wrangler — local dev']);
  });

  it('filters by kind, status and the quick filters, and clears them', async () => {
    const { user } = await renderApp();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'account');
    expect(rowNames()).toEqual(['Terraform — staging', 'Uptime monitor']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'any');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'disabled');
    expect(rowNames()).toEqual(['Old CI token']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'any');
    await user.click(screen.getByRole('button', { name: 'Never used' }));
    expect(screen.getByRole('button', { name: 'Never used' })).toHaveAttribute('aria-pressed', 'true');
    expect(rowNames()).toEqual(['Grafana — analytics']);
    await user.click(screen.getByRole('button', { name: 'Never used' }));
    await user.click(screen.getByRole('button', { name: 'Expiring soon' }));
    expect(rowNames()).toEqual(['Cache purge bot', 'certbot — example.dev']);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowNames()).toHaveLength(TOKEN_ROWS.length);
  });

  it('shows a helpful empty state when nothing matches', async () => {
    const { user } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search tokens' }), 'no such token');
    expect(screen.getByRole('heading', { name: 'No tokens match' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(rowNames()).toHaveLength(TOKEN_ROWS.length);
  });

  it('sorts by a column and flips direction on a second click', async () => {
    const { user } = await renderApp();
    const expiresHeader = screen.getByRole('columnheader', { name: 'Expires' });
    await user.click(within(expiresHeader).getByRole('button'));
    expect(expiresHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(rowNames()[0]).toBe('Migration 2025 (expired)');
    await user.click(within(expiresHeader).getByRole('button'));
    expect(expiresHeader).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames()[0]).toBe('Pages deploy — alex.blog');
    expect(screen.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'none');
  });

  it('switches to a profile or an account from the sidebar', async () => {
    const { user } = await renderApp();
    await user.click(screen.getByRole('button', { name: /^Personal/u }));
    expect(screen.getByRole('heading', { level: 1, name: 'Personal' })).toBeInTheDocument();
    expect(rowNames()).toHaveLength(TOKEN_ROWS.filter((r) => r.profileLabel === 'Personal').length);
    await user.click(screen.getByRole('button', { name: /^Acme Staging/u }));
    expect(screen.getByRole('heading', { level: 1, name: 'Acme Staging' })).toBeInTheDocument();
    expect(rowNames()).toContain('Terraform — staging');
    expect(rowNames()).not.toContain('GitHub Actions — deploy acme.com');
    await user.click(screen.getByRole('button', { name: /^All tokens/u }));
    expect(rowNames()).toHaveLength(TOKEN_ROWS.length);
  });

  it('moves through rows with the arrow keys and opens one with Enter', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    const first = screen.getAllByRole('row')[1] as HTMLElement;
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('row', { name: /Cache purge bot/u })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    const second = screen.getByRole('row', { name: /certbot — example\.dev/u });
    expect(second).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(second).toHaveFocus());
    await user.keyboard('{End}');
    expect(screen.getByRole('row', { name: /wrangler — local dev/u })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'wrangler — local dev' }),
    ).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Cache purge bot' })).toBeInTheDocument();
  });

  it('renders only the rows on screen for 10,000 tokens', async () => {
    const rows = generateTokenRows(10_000);
    await renderApp({ rows });
    const grid = screen.getByRole('grid', { name: 'Tokens' });
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    const rendered = within(grid).getAllByRole('row').length - 1;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(screen.getByTestId('result-count')).toHaveTextContent('10,000 tokens');
  });

  it('reloads the list when a sync finishes', async () => {
    const { mock } = await renderApp();
    const before = mock.callsOf('tokens.list').length;
    act(() =>
      mock.emit('sync.finished', {
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
    await waitFor(() => expect(mock.callsOf('tokens.list').length).toBe(before + 1));
    fireEvent.keyDown(window, { key: 'Escape' });
  });
});
