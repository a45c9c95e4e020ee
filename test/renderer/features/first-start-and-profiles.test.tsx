import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IDS, PROFILES } from '../../fixtures/renderer/fixtures';
import { AppWindow } from '../pages/app-window';

const SECRET = 'cfut_renderer-test-secret-0123456789abcdef';

/** The window on its first start: no profiles, no tokens. */
function firstStart(options: Parameters<typeof AppWindow.open>[0] = {}): Promise<AppWindow> {
  return AppWindow.open({ profiles: [], rows: [], waitForRows: false, ...options });
}

describe('first start', () => {
  it('welcomes a new user and leads to adding a login', async () => {
    const app = await firstStart();
    expect(await screen.findByRole('heading', { name: 'Welcome to Keyflare' })).toBeInTheDocument();
    expect(screen.getByText(/stay in your system keychain/u)).toBeInTheDocument();
    const dialog = await app.addLogin();
    expect(dialog.element()).toBeInTheDocument();
  });
});

describe('adding a profile', () => {
  it('sends the credential once, never echoes it, shows what it can do and starts a sync', async () => {
    const app = await firstStart({ channels: ['profiles.add', 'sync.start'] });
    const dialog = await app.addLogin();
    expect(dialog.field('API token')).toHaveAttribute('type', 'password');
    expect(dialog.field('API token')).toHaveAttribute('autocomplete', 'off');
    await dialog.fill('Personal', SECRET);
    expect(app.storesHold(SECRET)).toBe(false);
    await dialog.submit();

    const ready = await dialog.ready();
    expect(within(ready).getByTestId('capabilities')).toHaveTextContent('Create and change user tokens');
    expect(app.mock.callsOf('profiles.add')).toEqual([
      { label: 'Personal', credential: { kind: 'api_token', token: SECRET } },
    ]);
    await waitFor(() => expect(app.mock.callsOf('sync.start')).toHaveLength(1));
    expect(app.storesHold(SECRET)).toBe(false);
    expect(app.pageHolds(SECRET)).toBe(false);
  });

  it('asks for the email with a Global API Key and passes an advanced base URL', async () => {
    const app = await firstStart({ channels: ['profiles.add', 'sync.start'] });
    const dialog = await app.addLogin();
    await app.user.type(dialog.field('Profile name'), 'Globex');
    await dialog.useGlobalKey('it@globex.example', 'c2547eb745079dac9320b638f5e225cf483cc');
    await dialog.setBaseUrl('http://127.0.0.1:8787/client/v4');
    await dialog.submit();
    await dialog.ready();
    expect(app.mock.callsOf('profiles.add')[0]).toEqual({
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
    const app = await firstStart({
      before: (mock) =>
        mock.fail('profiles.add', 'AUTH_INVALID', 'Cloudflare answered 401: Invalid API Token'),
    });
    const dialog = await app.addLogin();
    await dialog.fill('Personal', SECRET);
    await dialog.submit();
    const alert = await dialog.alert();
    expect(alert).toHaveTextContent('Cloudflare did not accept this login’s credential');
    expect(alert).toHaveTextContent('replace the credential');
    expect(dialog.field('API token')).toHaveValue('');
  });

  it('puts validation messages next to their fields', async () => {
    const app = await firstStart({
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
    const dialog = await app.addLogin();
    await dialog.fill('Personal', 'short');
    await dialog.submit();
    await waitFor(() => expect(dialog.field('API token')).toHaveAttribute('aria-invalid', 'true'));
    expect(dialog.field('API token')).toHaveAccessibleDescription(/at least 20 characters/u);
  });
});

describe('adding a profile without a keychain', () => {
  it('says so at once and refuses to send a credential it could not keep', async () => {
    const app = await firstStart({
      info: { keychain: { available: false, message: { key: 'errors.keychain.unavailable' } } },
    });
    const dialog = await app.addLogin();
    expect(within(dialog.element()).getByRole('alert')).toHaveTextContent(
      'The system keychain is unavailable',
    );
    await dialog.fill('Personal', SECRET);
    expect(dialog.submitButton()).toHaveAccessibleDescription(/keychain is unavailable/u);
    await dialog.submit();
    await app.press('{Enter}');
    expect(app.mock.callsOf('profiles.add')).toEqual([]);
  });
});

describe('managing a profile', () => {
  it('renames, shows capabilities and removes after confirmation', async () => {
    const app = await AppWindow.open({ channels: ['profiles.rename', 'profiles.remove'] });
    const dialog = await app.manageProfile('Acme Corp');
    expect(within(dialog.element()).getByRole('table')).toHaveTextContent('Acme Staging');
    expect(within(dialog.element()).getByTestId('capabilities')).toHaveTextContent(
      'This credential cannot create tokens in account Acme Staging: it lacks “Account API Tokens Write” there.',
    );

    await dialog.rename('Acme (ops)');
    await waitFor(() =>
      expect(app.mock.callsOf('profiles.rename')).toEqual([{ profileId: IDS.acme, label: 'Acme (ops)' }]),
    );
    expect(await screen.findByRole('button', { name: 'Manage profile Acme (ops)' })).toBeInTheDocument();

    await dialog.askToRemove();
    expect(app.mock.callsOf('profiles.remove')).toEqual([]);
    await dialog.confirmRemove('Acme (ops)');
    await waitFor(() => expect(app.mock.callsOf('profiles.remove')).toEqual([{ profileId: IDS.acme }]));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Manage profile Acme (ops)' })).not.toBeInTheDocument(),
    );
    expect(screen.getAllByRole('button', { name: /^Manage profile/u })).toHaveLength(PROFILES.length - 1);
  });

  it('verifies every kept secret of a profile and sums up the result', async () => {
    const checkedAt = new Date().toISOString();
    const app = await AppWindow.open({
      before: (m) =>
        m.answer('tokens.verifyAll', [
          {
            tokenId: 'a',
            result: {
              outcome: 'active',
              checkedAt,
              expiresOn: null,
              notBefore: null,
              message: { key: 'verify.outcome.active', params: { expiresDay: 'none' } },
            },
          },
          {
            tokenId: 'b',
            result: {
              outcome: 'invalid',
              checkedAt,
              expiresOn: null,
              notBefore: null,
              message: { key: 'verify.refused.invalid', params: { said: 'none', codes: '' } },
            },
          },
        ]),
    });
    const dialog = await app.manageProfile('Acme Corp');
    await dialog.verifyKeptSecrets();
    expect(await app.findText('Verified 2 tokens: 1 active, 1 with problems')).toBeInTheDocument();
    expect(app.mock.callsOf('tokens.verifyAll')).toEqual([{ profileId: IDS.acme }]);
  });

  it('replaces the credential from a password field that is cleared afterwards', async () => {
    const app = await AppWindow.open({ channels: ['profiles.replaceCredential'] });
    const dialog = await app.manageProfile('Personal');
    expect(dialog.field('API token')).toHaveAttribute('type', 'password');
    await dialog.replaceCredential(SECRET);
    await waitFor(() =>
      expect(app.mock.callsOf('profiles.replaceCredential')).toEqual([
        { profileId: IDS.personal, credential: { kind: 'api_token', token: SECRET } },
      ]),
    );
    expect(dialog.field('API token')).toHaveValue('');
    expect(app.storesHold(SECRET)).toBe(false);
  });
});
