import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';

describe('settings', () => {
  it('changes the theme, the clipboard clear time and the keep-secrets default', async () => {
    const { user, mock } = await renderApp({ channels: ['settings.update'] });
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
