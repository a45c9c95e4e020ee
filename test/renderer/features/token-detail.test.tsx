import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { useProfilesStore } from '../../../src/renderer/stores/profiles-store';
import { useTokensStore } from '../../../src/renderer/stores/tokens-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { IDS, syncStatus } from '../../fixtures/renderer/fixtures';
import { renderApp } from '../support/render-app';

const GITHUB = 'GitHub Actions — deploy acme.com';
const GITHUB_ID = 'a1000000000000000000000000000001';

async function open(name: string, user: Awaited<ReturnType<typeof renderApp>>['user']): Promise<HTMLElement> {
  await user.click(
    screen.getByRole('row', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'u') }),
  );
  const panel = await screen.findByTestId('token-detail');
  await within(panel).findByText('Policy 1');
  return panel;
}

describe('token detail', () => {
  it('shows the decoded policies, IP filter, dates, verify result, warnings and history', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    const panel = await open(GITHUB, user);
    expect(within(panel).getByRole('heading', { level: 2, name: GITHUB })).toBeInTheDocument();
    const access = within(panel).getByRole('region', { name: 'Access' });
    expect(access).toHaveTextContent('Zone permissions');
    expect(access).toHaveTextContent('DNS Write');
    expect(access).toHaveTextContent('zone acme.com · Acme Production');
    expect(access).toHaveTextContent('Account permissions');
    expect(access).toHaveTextContent('account Acme Production');
    expect(within(panel).getByRole('region', { name: 'IP filter' })).toHaveTextContent(
      'Only from192.0.2.0/24',
    );
    expect(within(panel).getByRole('region', { name: 'Validity' })).toHaveTextContent('in 2 months');
    expect(within(panel).getByTestId('last-verify')).toHaveTextContent(
      'Cloudflare says this token is valid and active.',
    );
    expect(within(panel).getByRole('region', { name: 'History' })).toHaveTextContent('secret rolled');
  });

  it('shows an exclusion as part of its policy', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    const panel = await open('Cache purge bot', user);
    const access = within(panel).getByRole('region', { name: 'Access' });
    expect(access).toHaveTextContent('Includeall zones');
    expect(access).toHaveTextContent('Excludezone acme.io');
    expect(within(panel).getByRole('list', { name: 'Warnings' })).toHaveTextContent('Expires in 25 days.');
  });

  it('says why actions are unavailable when Keyflare has no secret', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    const panel = await open('Grafana — analytics', user);
    const verify = within(panel).getByRole('button', { name: 'Verify' });
    expect(verify).toHaveAttribute('aria-disabled', 'true');
    expect(verify).toHaveAccessibleDescription('Keyflare does not hold this token’s secret: adopt it first');
    expect(within(panel).getByRole('button', { name: 'Copy secret' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(within(panel).getByRole('list', { name: 'Why some actions are unavailable' })).toHaveTextContent(
      'adopt it first',
    );
    expect(within(panel).getByRole('button', { name: 'Edit' })).not.toHaveAttribute('aria-disabled');
  });

  it('disables network actions while the profile is offline, with the reason', async () => {
    const { user } = await renderApp({
      channels: ['tokens.get'],
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.acme, { offline: true }),
          syncStatus(IDS.personal),
          syncStatus(IDS.globex),
        ]),
    });
    const panel = await open(GITHUB, user);
    for (const name of ['Verify', 'Roll', 'Edit', 'Disable', 'Delete']) {
      expect(within(panel).getByRole('button', { name })).toHaveAccessibleDescription(
        'Cloudflare cannot be reached: showing cached data',
      );
    }
    expect(within(panel).getByRole('button', { name: 'Copy secret' })).not.toHaveAttribute('aria-disabled');
  });

  it('verifies and shows the result in the panel, the table and a toast', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'tokens.verify'] });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Verify: Active')).toBeInTheDocument();
    expect(mock.callsOf('tokens.verify')).toEqual([{ profileId: IDS.acme, tokenId: GITHUB_ID }]);
    await waitFor(() =>
      expect(within(panel).getByTestId('last-verify')).toHaveTextContent('Checked just now'),
    );
  });

  it('copies curl through main and says when the clipboard clears', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'clipboard.copy'] });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Copy curl' }));
    await user.click(screen.getByRole('menuitem', { name: /With \$CLOUDFLARE_API_TOKEN/u }));
    expect(await screen.findByText('Curl command copied — clears in 30 s')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Copy curl' }));
    await user.click(screen.getByRole('menuitem', { name: /With the secret/u }));
    await user.click(within(panel).getByRole('button', { name: 'Copy secret' }));
    await waitFor(() =>
      expect(mock.callsOf('clipboard.copy').map((c) => c.format)).toEqual([
        'curl_env',
        'curl_secret',
        'secret',
      ]),
    );
    expect(await screen.findByText('Secret copied — clears in 30 s')).toBeInTheDocument();
  });

  it('disables and enables a token', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'tokens.setStatus'] });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Enable' })).toBeInTheDocument());
    expect(screen.getByRole('row', { name: new RegExp(GITHUB, 'u') })).toHaveTextContent('Disabled');
    await user.click(within(panel).getByRole('button', { name: 'Enable' }));
    await waitFor(() =>
      expect(mock.callsOf('tokens.setStatus').map((c) => c.status)).toEqual(['disabled', 'active']),
    );
  });

  it('deletes only after the name is typed', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'tokens.delete'] });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: `Delete ${GITHUB}?` });
    const confirm = within(dialog).getByRole('button', { name: 'Delete token' });
    await user.click(confirm);
    expect(mock.callsOf('tokens.delete')).toEqual([]);
    expect(confirm).toHaveAccessibleDescription('Type the token’s name to confirm');
    await user.type(within(dialog).getByRole('textbox'), GITHUB);
    await user.click(confirm);
    await waitFor(() =>
      expect(mock.callsOf('tokens.delete')).toEqual([{ profileId: IDS.acme, tokenId: GITHUB_ID }]),
    );
    await waitFor(() =>
      expect(screen.queryByRole('row', { name: new RegExp(GITHUB, 'u') })).not.toBeInTheDocument(),
    );
    expect(screen.queryByTestId('token-detail')).not.toBeInTheDocument();
    expect(await screen.findByText(`Deleted ${GITHUB}`)).toBeInTheDocument();
  });

  it('rolls, shows the new secret once and forgets it when closed', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'tokens.roll'] });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Roll' }));
    const dialog = screen.getByRole('dialog', { name: `Roll ${GITHUB}?` });
    expect(
      within(dialog).getByRole('checkbox', { name: 'Keep the new secret in the keychain' }),
    ).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Roll token' }));
    const shown = await screen.findByTestId('show-once-secret');
    const secret = within(shown).getByLabelText<HTMLInputElement>('Token secret').value;
    expect(secret).toMatch(/^cfut_/u);
    expect(shown).toHaveTextContent('it will not be shown again');
    expect(within(shown).getByTestId('keychain-note')).toHaveTextContent('Kept in the keychain');
    expect(mock.callsOf('tokens.roll')).toEqual([
      { profileId: IDS.acme, tokenId: GITHUB_ID, keepSecret: true },
    ]);
    const stores = [useAppStore, useProfilesStore, useTokensStore, useUiStore]
      .map((s) => JSON.stringify(s.getState()))
      .join('');
    expect(stores).not.toContain(secret);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(document.body.innerHTML).not.toContain(secret);
  });

  it('says a roll may have happened when the outcome is uncertain, and offers to verify', async () => {
    const { user, mock } = await renderApp({
      channels: ['tokens.get', 'tokens.verify'],
      before: (m) => m.fail('tokens.roll', 'UNCERTAIN', 'The connection dropped.', { operation: 'roll' }),
    });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Roll' }));
    const dialog = screen.getByRole('dialog', { name: `Roll ${GITHUB}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Roll token' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The roll may have happened: verify to check');
    // Rolling again could throw away a secret that now works: the dialog offers verify instead.
    expect(within(dialog).queryByRole('button', { name: 'Roll token' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Verify now' }));
    await waitFor(() => expect(mock.callsOf('tokens.verify')).toHaveLength(1));
    expect(mock.callsOf('tokens.roll')).toHaveLength(1);
  });

  it('adopts an existing secret from a password field', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'tokens.adopt'] });
    const panel = await open('Grafana — analytics', user);
    await user.click(within(panel).getByRole('button', { name: 'Adopt existing secret' }));
    const dialog = screen.getByRole('dialog', { name: 'Adopt the secret of Grafana — analytics' });
    const field = within(dialog).getByLabelText('Token secret');
    expect(field).toHaveAttribute('type', 'password');
    await user.type(field, 'cfut_adopted-secret-000000000000000000');
    await user.click(within(dialog).getByRole('button', { name: 'Adopt secret' }));
    await waitFor(() => expect(mock.callsOf('tokens.adopt')).toHaveLength(1));
    expect(
      await screen.findByText('The secret of Grafana — analytics is now kept in the keychain'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(screen.getByTestId('token-detail')).getByRole('button', { name: 'Verify' }),
      ).not.toHaveAttribute('aria-disabled'),
    );
  });

  it('closes with Esc and gives focus back to the row', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    await open(GITHUB, user);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('token-detail')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('row', { name: new RegExp(GITHUB, 'u') })).toHaveFocus());
  });
});
