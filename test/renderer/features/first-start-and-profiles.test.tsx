import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { useProfilesStore } from '../../../src/renderer/stores/profiles-store';
import { useTokensStore } from '../../../src/renderer/stores/tokens-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { IDS, PROFILES } from '../../fixtures/renderer/fixtures';
import { renderApp } from '../support/render-app';

const SECRET = 'cfut_renderer-test-secret-0123456789abcdef';

function storesHold(text: string): boolean {
  const state = [useAppStore, useProfilesStore, useTokensStore, useUiStore].map((store) =>
    JSON.stringify(store.getState()),
  );
  return state.some((json) => json.includes(text));
}

describe('first start', () => {
  it('welcomes a new user and leads to adding a login', async () => {
    const { user } = await renderApp({ profiles: [], rows: [], waitForRows: false });
    expect(await screen.findByRole('heading', { name: 'Welcome to Keyflare' })).toBeInTheDocument();
    expect(screen.getByText(/stay in your system keychain/u)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a Cloudflare login' }));
    expect(screen.getByRole('dialog', { name: 'Add a Cloudflare login' })).toBeInTheDocument();
  });
});

describe('adding a profile', () => {
  it('sends the credential once, never echoes it, shows what it can do and starts a sync', async () => {
    const { user, mock } = await renderApp({
      profiles: [],
      rows: [],
      waitForRows: false,
      channels: ['profiles.add', 'sync.start'],
    });
    await user.click(await screen.findByRole('button', { name: 'Add a Cloudflare login' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Cloudflare login' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'Personal');
    const secretField = within(dialog).getByLabelText('API token');
    expect(secretField).toHaveAttribute('type', 'password');
    expect(secretField).toHaveAttribute('autocomplete', 'off');
    await user.type(secretField, SECRET);
    expect(storesHold(SECRET)).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Add profile' }));

    const ready = await screen.findByRole('dialog', { name: /is ready/u });
    expect(within(ready).getByTestId('capabilities')).toHaveTextContent('Create and change user tokens');
    expect(mock.callsOf('profiles.add')).toEqual([
      { label: 'Personal', credential: { kind: 'api_token', token: SECRET } },
    ]);
    await waitFor(() => expect(mock.callsOf('sync.start')).toHaveLength(1));
    expect(storesHold(SECRET)).toBe(false);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('asks for the email with a Global API Key and passes an advanced base URL', async () => {
    const { user, mock } = await renderApp({
      profiles: [],
      rows: [],
      waitForRows: false,
      channels: ['profiles.add', 'sync.start'],
    });
    await user.click(await screen.findByRole('button', { name: 'Add a Cloudflare login' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Cloudflare login' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'Globex');
    await user.click(within(dialog).getByRole('radio', { name: /Global API Key/u }));
    await user.type(within(dialog).getByLabelText('Email of the Cloudflare login'), 'it@globex.example');
    await user.type(within(dialog).getByLabelText('Global API Key'), 'c2547eb745079dac9320b638f5e225cf483cc');
    await user.click(within(dialog).getByText('Advanced'));
    await user.type(within(dialog).getByLabelText(/API base URL/u), 'http://127.0.0.1:8787/client/v4');
    await user.click(within(dialog).getByRole('button', { name: 'Add profile' }));
    await screen.findByRole('dialog', { name: /is ready/u });
    expect(mock.callsOf('profiles.add')[0]).toEqual({
      label: 'Globex',
      credential: {
        kind: 'global_key',
        email: 'it@globex.example',
        key: 'c2547eb745079dac9320b638f5e225cf483cc',
      },
      baseUrl: 'http://127.0.0.1:8787/client/v4',
    });
  });

  it('explains a rejected credential in plain words and clears the secret field', async () => {
    const { user } = await renderApp({
      profiles: [],
      rows: [],
      waitForRows: false,
      before: (mock) =>
        mock.fail('profiles.add', 'AUTH_INVALID', 'Cloudflare answered 401: Invalid API Token'),
    });
    await user.click(await screen.findByRole('button', { name: 'Add a Cloudflare login' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Cloudflare login' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'Personal');
    await user.type(within(dialog).getByLabelText('API token'), SECRET);
    await user.click(within(dialog).getByRole('button', { name: 'Add profile' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Cloudflare did not accept this login’s credential');
    expect(alert).toHaveTextContent('replace the credential');
    expect(within(dialog).getByLabelText('API token')).toHaveValue('');
  });

  it('puts validation messages next to their fields', async () => {
    const { user } = await renderApp({
      profiles: [],
      rows: [],
      waitForRows: false,
      before: (mock) =>
        mock.fail(
          'profiles.add',
          'VALIDATION',
          'Invalid input: credential.token an API token is at least 20 characters',
          {
            issues: [{ path: 'credential.token', message: 'an API token is at least 20 characters' }],
          },
        ),
    });
    await user.click(await screen.findByRole('button', { name: 'Add a Cloudflare login' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Cloudflare login' });
    await user.type(within(dialog).getByLabelText('Profile name'), 'Personal');
    await user.type(within(dialog).getByLabelText('API token'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Add profile' }));
    const field = await within(dialog).findByLabelText('API token');
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/at least 20 characters/u);
  });
});

describe('adding a profile without a keychain', () => {
  it('says so at once and refuses to send a credential it could not keep', async () => {
    const { user, mock } = await renderApp({
      profiles: [],
      rows: [],
      waitForRows: false,
      info: { keychain: { available: false, message: 'No Secret Service provider answered.' } },
    });
    await user.click(await screen.findByRole('button', { name: 'Add a Cloudflare login' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a Cloudflare login' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The system keychain is unavailable');
    await user.type(within(dialog).getByLabelText('Profile name'), 'Personal');
    await user.type(within(dialog).getByLabelText('API token'), SECRET);
    const submit = within(dialog).getByRole('button', { name: 'Add profile' });
    expect(submit).toHaveAccessibleDescription(/keychain is unavailable/u);
    await user.click(submit);
    await user.keyboard('{Enter}');
    expect(mock.callsOf('profiles.add')).toEqual([]);
  });
});

describe('managing a profile', () => {
  it('renames, shows capabilities and removes after confirmation', async () => {
    const { user, mock } = await renderApp({ channels: ['profiles.rename', 'profiles.remove'] });
    await user.click(screen.getByRole('button', { name: 'Manage profile Acme Corp' }));
    const dialog = screen.getByRole('dialog', { name: 'Acme Corp' });
    expect(within(dialog).getByRole('table')).toHaveTextContent('Acme Staging');
    expect(within(dialog).getByTestId('capabilities')).toHaveTextContent('needs Account API Tokens Write');

    const name = within(dialog).getByLabelText('Profile name');
    await user.clear(name);
    await user.type(name, 'Acme (ops)');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    await waitFor(() =>
      expect(mock.callsOf('profiles.rename')).toEqual([{ profileId: IDS.acme, label: 'Acme (ops)' }]),
    );
    expect(await screen.findByRole('button', { name: 'Manage profile Acme (ops)' })).toBeInTheDocument();

    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove profile…' }));
    expect(mock.callsOf('profiles.remove')).toEqual([]);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove Acme (ops)' }));
    await waitFor(() => expect(mock.callsOf('profiles.remove')).toEqual([{ profileId: IDS.acme }]));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Manage profile Acme (ops)' })).not.toBeInTheDocument(),
    );
    expect(screen.getAllByRole('button', { name: /^Manage profile/u })).toHaveLength(PROFILES.length - 1);
  });

  it('verifies every kept secret of a profile and sums up the result', async () => {
    const { user, mock } = await renderApp({
      before: (m) =>
        m.answer('tokens.verifyAll', [
          {
            tokenId: 'a',
            result: {
              outcome: 'active',
              checkedAt: new Date().toISOString(),
              expiresOn: null,
              notBefore: null,
              message: 'ok',
            },
          },
          {
            tokenId: 'b',
            result: {
              outcome: 'invalid',
              checkedAt: new Date().toISOString(),
              expiresOn: null,
              notBefore: null,
              message: 'no',
            },
          },
        ]),
    });
    await user.click(screen.getByRole('button', { name: 'Manage profile Acme Corp' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Acme Corp' })).getByRole('button', {
        name: 'Verify kept secrets',
      }),
    );
    expect(await screen.findByText('Verified 2 tokens: 1 active, 1 with problems')).toBeInTheDocument();
    expect(mock.callsOf('tokens.verifyAll')).toEqual([{ profileId: IDS.acme }]);
  });

  it('replaces the credential from a password field that is cleared afterwards', async () => {
    const { user, mock } = await renderApp({ channels: ['profiles.replaceCredential'] });
    await user.click(screen.getByRole('button', { name: 'Manage profile Personal' }));
    const dialog = screen.getByRole('dialog', { name: 'Personal' });
    const field = within(dialog).getByLabelText('API token');
    expect(field).toHaveAttribute('type', 'password');
    await user.type(field, SECRET);
    await user.click(within(dialog).getByRole('button', { name: 'Replace credential' }));
    await waitFor(() =>
      expect(mock.callsOf('profiles.replaceCredential')).toEqual([
        { profileId: IDS.personal, credential: { kind: 'api_token', token: SECRET } },
      ]),
    );
    expect(field).toHaveValue('');
    expect(storesHold(SECRET)).toBe(false);
  });
});
