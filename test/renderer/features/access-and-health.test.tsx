/**
 * The cross-login screens in the window, against the demo backend (which runs the real shared
 * access index, health rules, bulk plan and report text): the access explorer, a token's reach in
 * its detail, the Health view with its actions, snooze and ignore, bulk actions from the token
 * list, reports, the health settings, and a clicked reminder opening Health.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/shared/channels';
import { summarizeRun } from '../../../src/shared/bulk/bulk-plan';
import type { SavedReport } from '../../fixtures/renderer/demo-access-health';
import { generateTokenRows, tokenNamed } from '../../fixtures/renderer/fixtures';
import { AccessExplorer, BulkActions, HealthView, saveReport } from '../pages/access-health';
import { AppWindow } from '../pages/app-window';
import { TokenDetailPanel } from '../pages/token-detail-panel';

const CHANNELS: ChannelName[] = [
  'access.explore',
  'health.list',
  'health.dismiss',
  'health.restore',
  'bulk.plan',
  'bulk.run',
  'reports.save',
  'tokens.get',
  'tokens.setStatus',
  'settings.update',
  'keychain.entries',
];

describe('the access explorer', () => {
  it('lists every login’s tokens with access to a zone, write access first, each with its policy', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const explorer = await AccessExplorer.open(app.user);
    expect(explorer.targets().slice(0, 2)).toEqual(['Every zone', 'User']);
    await explorer.find('acme.com');
    expect(explorer.targets()).toEqual(['acme.com', 'staging.acme.com']);
    await explorer.pick('acme.com');
    const groups = explorer.groups();
    expect(Object.keys(groups)[0]).toBe('DNS Write');
    expect(groups['DNS Write']).toEqual(['GitHub Actions — deploy acme.com']);
    expect(groups['Cache Purge']).toEqual(['Cache purge bot']);
    expect(groups['Zone Read']).toEqual(
      expect.arrayContaining(['Grafana — analytics', 'Security auditor (read-only)']),
    );
    // The Personal login's "all zones" token does not reach a zone of the Acme login.
    expect(Object.values(groups).flat()).not.toContain('Keyflare — token manager');
    expect(
      within(screen.getByRole('region', { name: 'DNS Write' })).getByText(/^policy 1: .*on zone acme\.com/u),
    ).toBeInTheDocument();
    expect(app.mock.callsOf('access.explore').at(-1)).toEqual({
      target: { kind: 'zone', zoneId: expect.any(String) as string },
    });
  });

  it('hides tokens Cloudflare would refuse today until asked, and opens a token’s detail', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const explorer = await AccessExplorer.open(app.user);
    await explorer.pick('globex.net');
    expect(explorer.counts()).toMatch(/1 more would, if Cloudflare accepted it/u);
    expect(Object.values(explorer.groups()).flat()).not.toContain('Migration 2025 (expired)');
    await explorer.showUnusable();
    expect(explorer.groups()['DNS Write']).toEqual(['Migration 2025 (expired)']);
    await explorer.openToken('Migration 2025 (expired)');
    await waitFor(() => expect(TokenDetailPanel.current()).toHaveTextContent('Migration 2025 (expired)'));
  });
});

describe('a token’s reach', () => {
  it('says how many zones in how many accounts, and lists them on request', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    await app.tokens.open('Cache purge bot');
    const reach = await screen.findByTestId('token-reach');
    expect(reach).toHaveTextContent('Reaches 2 zones in 2 accounts.');
    await app.user.click(within(reach).getByRole('button', { name: 'Show the zones' }));
    expect(within(reach).getByRole('region', { name: 'Acme Production' })).toHaveTextContent('acme.com');
    expect(within(reach).getByRole('region', { name: 'Acme Production' })).not.toHaveTextContent('acme.io');
    expect(within(reach).getByRole('region', { name: 'Acme Staging' })).toHaveTextContent('staging.acme.com');
    expect(app.mock.callsOf('access.explore')).toEqual([]);
  });
});

describe('the Health view', () => {
  it('groups every problem by severity with counts and the actions that fit it', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const health = await HealthView.open(app.user);
    expect(health.problems('Act now')).toEqual(
      expect.arrayContaining(['Migration 2025 (expired): Expired on 18 Feb 2026.']),
    );
    const expired = health.problem('Migration 2025 (expired)', /Expired/u);
    expect(
      within(expired)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(expect.arrayContaining(['Edit expiry', 'Delete', 'Snooze', 'Ignore for this token']));
    // Within the 14 days of the setting; the cache purge bot's 25 days are not yet.
    expect(health.problems('To fix')).toContain('certbot — example.dev: Expires in 12 days.');
    expect(health.problems('To fix').some((p) => p.startsWith('Cache purge bot: Expires'))).toBe(false);
    // A disabled token has no problems until it is enabled again.
    expect(document.body.textContent).not.toContain('Old CI token');
    expect(health.subtitle()).toMatch(/^\d+ to act on now · \d+ to fix · \d+ worth knowing$/u);
    expect(within(app.sidebar()).getByRole('button', { name: /^Health/u })).toHaveTextContent(/\d+/u);
  });

  it('snoozes and ignores a problem, lists it apart, and restores it', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const health = await HealthView.open(app.user);
    await health.snooze('certbot — example.dev', /Expires in/u, 7);
    await waitFor(() =>
      expect(health.problems('To fix')).not.toContain('certbot — example.dev: Expires in 12 days.'),
    );
    expect(app.mock.callsOf('health.dismiss')).toEqual([
      {
        profileId: tokenNamed('certbot — example.dev').profileId,
        tokenId: tokenNamed('certbot — example.dev').id,
        kind: 'expiring',
        days: 7,
      },
    ]);
    await health.ignore('Grafana — analytics', /never expires/iu);
    const dismissed = await health.dismissed();
    expect(dismissed).toHaveTextContent('snoozed until 17 Mar 2026');
    expect(dismissed).toHaveTextContent('ignored');
    await app.user.click(within(dismissed).getAllByRole('button', { name: 'Restore' })[0] as HTMLElement);
    await waitFor(() => expect(app.mock.callsOf('health.restore')).toHaveLength(1));
    await waitFor(() =>
      expect(health.problems('To fix')).toContain('certbot — example.dev: Expires in 12 days.'),
    );
  });

  it('disables a token from its problem, and its problems leave the list', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const health = await HealthView.open(app.user);
    await health.act('Grafana — analytics', /never used/iu, 'Disable');
    expect(app.mock.callsOf('tokens.setStatus')).toEqual([
      {
        profileId: tokenNamed('Grafana — analytics').profileId,
        tokenId: tokenNamed('Grafana — analytics').id,
        status: 'disabled',
      },
    ]);
    await waitFor(() => expect(document.querySelector('.health-body')?.textContent).not.toContain('Grafana'));
  });

  it('offers Roll when a rotation is due, with the detail panel’s roll dialog', async () => {
    const app = await AppWindow.open({ channels: CHANNELS, settings: { rotationDueDays: 10 } });
    const health = await HealthView.open(app.user);
    await health.act('Cache purge bot', /rotation due/iu, 'Roll');
    const dialog = await screen.findByRole('dialog', { name: /Roll/u });
    expect(dialog).toHaveTextContent('Cache purge bot');
  });

  it('follows the thresholds set in Settings', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const health = await HealthView.open(app.user);
    const settings = await app.openSettings();
    void settings;
    const section = screen.getByTestId('health-settings');
    await app.user.selectOptions(
      within(section).getByRole('combobox', { name: 'Warn before a token expires' }),
      '30',
    );
    await app.user.click(within(section).getByRole('checkbox', { name: /Remind me/u }));
    expect(app.mock.callsOf('settings.update')).toEqual([{ expiryWarningDays: 30 }, { reminders: false }]);
    await app.user.keyboard('{Escape}');
    await waitFor(() => expect(health.problems('To fix')).toContain('Cache purge bot: Expires in 25 days.'));
  });

  it('shows a hundred problems per severity at first, and more on request', async () => {
    const app = await AppWindow.open({ channels: CHANNELS, rows: generateTokenRows(600) });
    const health = await HealthView.open(app.user);
    const total = Number(within(health.group('To fix')).getByText(/^\d+$/u).textContent);
    expect(total).toBeGreaterThan(100);
    expect(health.problems('To fix')).toHaveLength(100);
    await app.user.click(within(health.group('To fix')).getByRole('button', { name: /^Show \d+ more of/u }));
    expect(health.problems('To fix')).toHaveLength(Math.min(total, 600));
  });

  it('opens when a reminder is clicked', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    app.mock.emit('health.open', {});
    await screen.findByRole('heading', { level: 1, name: 'Health' });
  });
});

describe('bulk actions', () => {
  it('picks rows with ctrl- and shift-click, plans per profile, sends, and enables again', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const bulk = new BulkActions(app.user);
    expect(bulk.queryBar()).toBeNull();
    await bulk.pick('Grafana — analytics');
    await bulk.pick('Cache purge bot');
    expect(bulk.bar()).toHaveTextContent('2 tokens selected');
    expect(bulk.picked().sort()).toEqual(['Cache purge bot', 'Grafana — analytics']);
    // A click without a modifier still opens the detail, and changes no pick.
    await app.user.click(app.tokens.row('Old CI token'));
    expect(bulk.bar()).toHaveTextContent('2 tokens selected');
    await bulk.pick('Old CI token');
    const dialog = await bulk.start('Disable');
    expect(screen.getByTestId('bulk-summary')).toHaveTextContent(
      'Disable 2 tokens: 2 requests to Cloudflare, each sent once. 1 token is left out.',
    );
    expect(within(dialog).getByRole('region', { name: 'Acme Corp · user tokens' })).toHaveTextContent(
      'Old CI token — already disabled',
    );
    const outcome = await bulk.confirm(/^Disable 2 tokens$/u);
    expect(outcome).toHaveTextContent('2 tokens disabled. 1 token left out.');
    await waitFor(() => expect(app.tokens.row('Grafana — analytics')).toHaveTextContent('Disabled'));
    await app.user.click(within(dialog).getByRole('button', { name: 'Enable again' }));
    await waitFor(() => expect(app.mock.callsOf('bulk.run').at(-1)?.action).toBe('enable'));
    await waitFor(() => expect(app.tokens.row('Grafana — analytics')).toHaveTextContent('Active'));
    await bulk.close();
  });

  it('selects all rows shown by the search, and picks a range with shift-click', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const bulk = new BulkActions(app.user);
    await app.tokens.search('acme');
    const shown = app.tokens.names();
    await bulk.pick(shown[0] ?? '');
    await app.user.click(
      within(bulk.bar()).getByRole('button', { name: `Select all ${shown.length} shown` }),
    );
    expect(bulk.bar()).toHaveTextContent(`${shown.length} tokens selected`);
    await app.user.click(within(bulk.bar()).getByRole('button', { name: 'Clear selection' }));
    expect(bulk.queryBar()).toBeNull();
    await bulk.pick(shown[0] ?? '');
    await bulk.pick(shown[2] ?? '', 'shift');
    expect(bulk.picked()).toEqual(shown.slice(0, 3));
  });

  it('says which succeeded, which failed and which may have happened', async () => {
    const app = await AppWindow.open({
      channels: CHANNELS,
      before: (mock) => {
        const row = (name: string) => {
          const r = tokenNamed(name);
          return { key: r.key, profileId: r.profileId, tokenId: r.id, name: r.name };
        };
        mock.answer(
          'bulk.run',
          summarizeRun('delete', [
            { token: row('Grafana — analytics'), outcome: 'done', message: null, code: null },
            {
              token: row('Cache purge bot'),
              outcome: 'uncertain',
              message: { key: 'errors.code.UNCERTAIN.title', params: { operation: 'delete' } },
              code: 'UNCERTAIN',
            },
          ]),
        );
      },
    });
    const bulk = new BulkActions(app.user);
    await bulk.pick('Grafana — analytics');
    await bulk.pick('Cache purge bot');
    await bulk.start('Delete');
    const outcome = await bulk.confirm(/^Delete 2 tokens$/u);
    expect(outcome).toHaveTextContent(
      '1 token deleted. 1 token may have been deleted (Cloudflare did not confirm; sync to check, nothing is retried): “Cache purge bot”.',
    );
    expect(screen.getByText('May have happened')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enable again' })).toBeNull();
  });
});

describe('reports', () => {
  it('saves the tokens shown, with the filters in words, and says where', async () => {
    const saved: SavedReport[] = [];
    const app = await AppWindow.open({ channels: CHANNELS, savedReports: saved });
    await app.tokens.setStatus('active');
    await app.tokens.search('acme');
    await saveReport(app.user, 'Markdown');
    await app.findText(/^Report saved as keyflare-report-2026-03-10\.md: \d+ tokens/u);
    const [call] = app.mock.callsOf('reports.save');
    expect(call?.format).toBe('markdown');
    expect(call?.filters).toBe('status active · search “acme”');
    expect(call?.tokens).toHaveLength(app.tokens.names().length);
    expect(saved[0]?.text).toContain('Filters: status active · search “acme”.');
    expect(saved[0]?.text).not.toContain('Old CI token');
  });
});
