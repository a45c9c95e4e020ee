import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppWindow } from '../pages/app-window';

describe('settings', () => {
  it('changes the theme, the clipboard clear time and the keep-secrets default', async () => {
    const app = await AppWindow.open({ channels: ['settings.update', 'keychain.entries'] });
    const settings = await app.openSettings();
    await settings.setTheme('Dark');
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'));
    await settings.clearClipboardAfter(60);
    await settings.toggleKeepSecrets();
    await waitFor(() =>
      expect(app.mock.callsOf('settings.update')).toEqual([
        { theme: 'dark' },
        { clipboardClearSeconds: 60 },
        { keepSecretsByDefault: false },
      ]),
    );
    expect(settings.keepSecretsCheckbox()).not.toBeChecked();
    expect(within(settings.element()).getByText('/home/alex/.config/Keyflare')).toBeInTheDocument();
    await settings.setTheme('Light');
    await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('light'));
  });
});

describe('settings → keychain entries without a profile', () => {
  const ORPHAN = '5d1f6a52-3c1e-4b7a-9f0e-2a6b8c9d0e1f';
  const TOKEN_ID = 'a1a10000000000000000000000000002';
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
      tokenId: TOKEN_ID,
      reason: 'unknown_profile',
      credentialKind: null,
    },
  ] as const;

  it('re-attaches a credential as a profile with a name and API address, and it shows in the sidebar', async () => {
    const app = await AppWindow.open({
      keychainEntries: entries.map((e) => ({ ...e })),
      channels: ['keychain.entries', 'keychain.reattach'],
    });
    const settings = await app.openSettings();
    const [credential, secret] = await settings.keychainEntries();
    if (!credential || !secret) throw new Error('expected two keychain entries');
    expect(credential).toHaveTextContent('Login credential (user API token)');
    expect(secret).toHaveTextContent(`Kept secret of token ${TOKEN_ID}`);
    // A kept token secret can only be forgotten; re-attaching is for login credentials.
    expect(within(secret).queryByRole('button', { name: 'Re-attach' })).not.toBeInTheDocument();
    const form = await settings.reattach(credential, 'Recovered work login');
    expect(within(form).getByLabelText('API base URL')).toHaveValue('https://api.cloudflare.com/client/v4');
    await settings.submitReattach(form);
    await waitFor(() =>
      expect(app.mock.callsOf('keychain.reattach')).toEqual([
        { profileId: ORPHAN, label: 'Recovered work login', baseUrl: 'https://api.cloudflare.com/client/v4' },
      ]),
    );
    await waitFor(async () => expect(await settings.keychainEntries()).toHaveLength(1));
    expect(screen.getAllByText('Recovered work login').length).toBeGreaterThan(0);
  });

  it('forgets an entry only after a confirmation', async () => {
    const app = await AppWindow.open({
      keychainEntries: entries.map((e) => ({ ...e })),
      channels: ['keychain.entries', 'keychain.forget'],
    });
    const settings = await app.openSettings();
    const [, secret] = await settings.keychainEntries();
    if (!secret) throw new Error('expected two keychain entries');
    await settings.askToForget(secret);
    expect(app.mock.callsOf('keychain.forget')).toEqual([]);
    await settings.answerForget(secret, 'Keep');
    await settings.askToForget(secret);
    await settings.answerForget(secret, 'Forget');
    await waitFor(() =>
      expect(app.mock.callsOf('keychain.forget')).toEqual([{ profileId: ORPHAN, tokenId: TOKEN_ID }]),
    );
    await waitFor(async () => expect(await settings.keychainEntries()).toHaveLength(1));
  });
});

describe('keyboard', () => {
  it('focuses the search with Ctrl+F and with /', async () => {
    const app = await AppWindow.open();
    const search = app.tokens.searchBox();
    await app.press('{Control>}f{/Control}');
    expect(search).toHaveFocus();
    search.blur();
    await app.press('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
    await app.tokens.search('dns');
    await app.press('{Escape}');
    expect(search).toHaveValue('');
  });

  it('opens a new token with Ctrl+N and closes it with Esc', async () => {
    const app = await AppWindow.open({ channels: ['permissionGroups.list', 'templates.list'] });
    const wizard = await app.newTokenWithShortcut();
    // Focus starts on the first field, not on the close button.
    expect(wizard.profileField()).toHaveFocus();
    await app.press('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('labels every control', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    await app.tokens.open('Cache purge bot');
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
