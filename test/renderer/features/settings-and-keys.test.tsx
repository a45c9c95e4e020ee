import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';

describe('settings', () => {
  it('changes the theme, the clipboard clear time and the keep-secrets default', async () => {
    const { user, mock } = await renderApp({ channels: ['settings.update', 'keychain.entries'] });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    await user.click(within(dialog).getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'));
    await user.selectOptions(within(dialog).getByLabelText('Clear the clipboard after'), '60');
    await user.click(
      within(dialog).getByRole('checkbox', { name: /Keep new token secrets in the keychain/u }),
    );
    await waitFor(() =>
      expect(mock.callsOf('settings.update')).toEqual([
        { theme: 'dark' },
        { clipboardClearSeconds: 60 },
        { keepSecretsByDefault: false },
      ]),
    );
    expect(within(dialog).getByRole('checkbox', { name: /Keep new token secrets/u })).not.toBeChecked();
    expect(within(dialog).getByText('/home/alex/.config/Keyflare')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('light'));
  });
});

describe('settings → keychain entries without a profile', () => {
  const ORPHAN = '5d1f6a52-3c1e-4b7a-9f0e-2a6b8c9d0e1f';
  const entries = [
    {
      kind: 'profile',
      profileId: ORPHAN,
      tokenId: null,
      reason: 'unknown_profile',
      credentialKind: 'user_token',
    },
    {
      kind: 'token',
      profileId: ORPHAN,
      tokenId: 'a1a10000000000000000000000000002',
      reason: 'unknown_profile',
      credentialKind: null,
    },
  ] as const;

  it('re-attaches a credential as a profile with a name and API address, and it shows in the sidebar', async () => {
    const { user, mock } = await renderApp({
      keychainEntries: entries.map((e) => ({ ...e })),
      channels: ['keychain.entries', 'keychain.reattach'],
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await screen.findByTestId('keychain-section');
    const rows = await within(section).findAllByTestId('keychain-entry');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Login credential (user API token)');
    expect(rows[1]).toHaveTextContent('Kept secret of token a1a10000000000000000000000000002');
    // A kept token secret can only be forgotten; re-attaching is for login credentials.
    expect(
      within(rows[1] as HTMLElement).queryByRole('button', { name: 'Re-attach' }),
    ).not.toBeInTheDocument();
    await user.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Re-attach' }));
    const form = within(section).getByRole('form', { name: 'Re-attach as a profile' });
    expect(within(form).getByLabelText('API base URL')).toHaveValue('https://api.cloudflare.com/client/v4');
    await user.type(within(form).getByLabelText('Profile name'), 'Recovered work login');
    await user.click(within(form).getByRole('button', { name: 'Verify and re-attach' }));
    await waitFor(() =>
      expect(mock.callsOf('keychain.reattach')).toEqual([
        { profileId: ORPHAN, label: 'Recovered work login', baseUrl: 'https://api.cloudflare.com/client/v4' },
      ]),
    );
    await waitFor(() => expect(within(section).getAllByTestId('keychain-entry')).toHaveLength(1));
    expect(screen.getAllByText('Recovered work login').length).toBeGreaterThan(0);
  });

  it('forgets an entry only after a confirmation', async () => {
    const { user, mock } = await renderApp({
      keychainEntries: entries.map((e) => ({ ...e })),
      channels: ['keychain.entries', 'keychain.forget'],
    });
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await screen.findByTestId('keychain-section');
    const token = (await within(section).findAllByTestId('keychain-entry'))[1] as HTMLElement;
    await user.click(within(token).getByRole('button', { name: 'Forget…' }));
    expect(mock.callsOf('keychain.forget')).toEqual([]);
    await user.click(within(token).getByRole('button', { name: 'Keep' }));
    await user.click(within(token).getByRole('button', { name: 'Forget…' }));
    await user.click(within(token).getByRole('button', { name: 'Forget' }));
    await waitFor(() =>
      expect(mock.callsOf('keychain.forget')).toEqual([
        { profileId: ORPHAN, tokenId: 'a1a10000000000000000000000000002' },
      ]),
    );
    await waitFor(() => expect(within(section).getAllByTestId('keychain-entry')).toHaveLength(1));
  });
});

describe('keyboard', () => {
  it('focuses the search with Ctrl+F and with /', async () => {
    const { user } = await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search tokens' });
    await user.keyboard('{Control>}f{/Control}');
    expect(search).toHaveFocus();
    search.blur();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
    await user.type(search, 'dns');
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
  });

  it('opens a new token with Ctrl+N and closes it with Esc', async () => {
    const { user } = await renderApp({ channels: ['permissionGroups.list', 'templates.list'] });
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', { name: 'Create API token' });
    await within(dialog).findByRole('button', { name: /Edit Zone DNS/u });
    // Focus starts on the first field, not on the close button.
    expect(within(dialog).getByLabelText('Profile')).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('labels every control', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    await user.click(screen.getByRole('row', { name: /Cache purge bot/u }));
    await screen.findByTestId('token-detail');
    const unlabeled = [
      ...document.querySelectorAll<HTMLElement>('button, input, select, textarea, [role="gridcell"] a'),
    ].filter((el) => {
      const name =
        el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? el.textContent?.trim() ?? '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
      return name === '' && !labelled && !el.closest('label');
    });
    expect(unlabeled.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  });
});
