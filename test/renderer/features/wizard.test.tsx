import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { isoToDay } from '../../../src/renderer/lib/token-draft';
import type { TokenDraft } from '../../../src/shared/domain';
import { detailFor, IDS, tokenNamed } from '../../fixtures/renderer/fixtures';
import { AppWindow } from '../pages/app-window';

const WIZARD_CHANNELS = [
  'permissionGroups.list',
  'templates.list',
  'tokens.preview',
  'tokens.create',
  'clipboard.copy',
  'tokens.get',
] as const;

const EDIT_CHANNELS = ['tokens.get', 'permissionGroups.list', 'tokens.preview', 'tokens.update'] as const;

describe('create wizard', () => {
  it('creates a token from a template and shows its secret once', async () => {
    const app = await AppWindow.open({ channels: [...WIZARD_CHANNELS] });
    const wizard = await app.newToken();
    expect(wizard.template(/Custom token/u)).toBeInTheDocument();
    expect(wizard.templateList()).toHaveTextContent('Edit Cloudflare Workers');

    await wizard.chooseTemplate('Edit Zone DNS');
    expect(wizard.nameField()).toHaveValue('Edit Zone DNS');
    expect(wizard.chosenPermissions(1)).toHaveTextContent('DNS Write');

    // The template leaves the zone blank: continuing asks for one instead of granting all zones.
    await wizard.continue();
    expect(wizard.alert()).toHaveTextContent('One thing needs fixing');
    expect(wizard.problemsOf(1)).toHaveTextContent('choose at least one resource');

    await wizard.addResources('zones');
    await wizard.select('Zone (Policy 1, resource 1)', 'alex.blog');
    await wizard.rename('certbot — alex.blog');
    await wizard.continue();

    await wizard.expiresIn('30 days');
    await wizard.onlyFrom('198.51.100.24/32');
    await wizard.review();
    expect(wizard.summary()).toHaveTextContent(
      // The expiry day in the window's locale (en-GB in tests).
      'DNS Write on zone alex.blog; only from 198.51.100.24/32; expires 9 Apr 2026',
    );
    expect(wizard.body()).toHaveTextContent('"name": "certbot — alex.blog"');
    expect(wizard.endpoint()).toBe('POST /user/tokens');
    const sent = app.mock.callsOf('tokens.preview')[0];
    expect(sent?.owner).toEqual({ kind: 'user' });
    expect((sent?.draft as TokenDraft).policies[0]?.resources).toEqual([
      { type: 'zone', zoneId: IDS.zones.alexBlog, include: true },
    ]);

    await wizard.create();
    const shown = await wizard.shownSecret();
    const secret = shown.secret();
    expect(secret).toMatch(/^cfut_/u);
    expect(shown.element).toHaveTextContent('Copy the secret now: it will not be shown again');
    expect(shown.keychainNote()).toHaveTextContent('Kept in the keychain');
    expect(app.mock.callsOf('tokens.create')).toHaveLength(1);
    expect(app.mock.callsOf('tokens.create')[0]?.keepSecret).toBe(true);

    await shown.copy('Copy curl with secret');
    await waitFor(() =>
      expect(app.mock.callsOf('clipboard.copy')).toEqual([
        { profileId: IDS.personal, tokenId: expect.stringMatching(/^new/u), format: 'curl_secret' },
      ]),
    );
    expect(app.storesHold(secret)).toBe(false);

    // Esc does not throw the secret away by accident; Done does, and opens the new token.
    await app.press('{Escape}');
    expect(screen.getByTestId('show-once-secret')).toBeInTheDocument();
    await shown.done();
    expect(app.pageHolds(secret)).toBe(false);
    expect(app.tokens.row('certbot — alex.blog')).toHaveAttribute('aria-selected', 'true');
  });

  it('builds a custom token with a searchable permission picker grouped by scope', async () => {
    const app = await AppWindow.open({ channels: [...WIZARD_CHANNELS] });
    const wizard = await app.newToken();
    await wizard.chooseCustom();
    const picker = wizard.picker(1);
    expect(within(picker).getByRole('group', { name: /^Account/u })).toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /^Zone/u })).toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /^User/u })).toBeInTheDocument();

    await wizard.searchPermissions(1, 'workers scripts');
    expect(
      within(picker)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['Workers Scripts Read', 'Workers Scripts Write']);
    await wizard.togglePermission('Workers Scripts Write');
    await wizard.clearPermissionSearch(1);
    // One scope per policy: zone permissions are set aside once an account permission is chosen.
    expect(within(picker).queryByRole('group', { name: /^Zone/u })).not.toBeInTheDocument();
    expect(within(wizard.element()).getByText(/Showing account permissions/u)).toBeInTheDocument();

    await wizard.addResources('accounts');
    expect(wizard.combobox('Account (Policy 1, resource 1)')).toHaveDisplayValue('Alex’s Account');
    await wizard.select('Resource type (Policy 1, resource 1)', 'all_accounts');

    await wizard.addPolicy();
    await wizard.togglePermission('DNS Write');
    await wizard.addResources('zones');
    await wizard.select('Resource type (Policy 2, resource 1)', 'all_zones');
    await wizard.addResources('zones');
    await wizard.select('Include or exclude (Policy 2, resource 2)', 'exclude');
    await wizard.rename('wrangler + dns');
    await wizard.continue();
    await wizard.review();
    expect(wizard.summary()).toHaveTextContent(
      'Workers Scripts Write on all accounts; DNS Write on all zones except zone example.dev',
    );
  });

  it('offers account-owned tokens only where the profile may create them', async () => {
    const app = await AppWindow.open({ channels: [...WIZARD_CHANNELS] });
    const wizard = await app.newToken();
    await wizard.chooseProfile('Acme Corp');
    expect(wizard.ownerOptions()).toEqual([
      'User token (belongs to ops@acme.example)',
      'Account-owned token of Acme Production',
    ]);
    await wizard.chooseOwner('Account-owned token of Acme Production');
    const owner = { profileId: IDS.acme, owner: { kind: 'account', accountId: IDS.acmeProd } };
    await waitFor(() => expect(app.mock.callsOf('templates.list').at(-1)).toEqual(owner));
    expect(app.mock.callsOf('permissionGroups.list').at(-1)).toEqual(owner);
  });

  it('never shows a late answer for an owner the user has already left', async () => {
    let answerLate: () => void = () => undefined;
    const app = await AppWindow.open({
      channels: ['templates.list'],
      before: (mock, backend) =>
        mock.handle('permissionGroups.list', (input) => {
          const answer = backend['permissionGroups.list'](input);
          if (input.owner.kind === 'account') return answer;
          return new Promise((resolve) => {
            answerLate = () => resolve(answer);
          });
        }),
    });
    const wizard = await app.newToken();
    await wizard.chooseProfile('Acme Corp');
    await wizard.chooseOwner('Account-owned token of Acme Production');
    await wizard.chooseCustom();
    const picker = await wizard.findPicker(1);
    act(() => answerLate());
    await act(() => Promise.resolve());
    // Account-owned tokens cannot hold user permissions: the user-owner answer came too late to count.
    expect(within(picker).queryByRole('group', { name: /^User/u })).not.toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /^Account/u })).toBeInTheDocument();
  });

  it('creates without keeping the secret when there is no keychain, and says so before', async () => {
    const app = await AppWindow.open({
      channels: ['permissionGroups.list', 'templates.list', 'tokens.preview', 'tokens.create'],
      info: { keychain: { available: false, message: { key: 'errors.keychain.unavailable' } } },
    });
    const wizard = await app.newToken();
    await wizard.chooseTemplate('Read billing info');
    await wizard.continue();
    await wizard.review();
    expect(wizard.keepCheckbox()).not.toBeChecked();
    expect(wizard.keepCheckbox()).toBeDisabled();
    expect(wizard.keepCheckbox()).toHaveAccessibleDescription(
      'The system keychain is unavailable: the secret will be shown once only.',
    );
    await wizard.create();
    expect((await wizard.shownSecret()).keychainNote()).toHaveTextContent('Not kept in the keychain');
    expect(app.mock.callsOf('tokens.create')[0]?.keepSecret).toBe(false);
  });

  it('says plainly when the create outcome is uncertain', async () => {
    const app = await AppWindow.open({
      channels: ['permissionGroups.list', 'templates.list', 'tokens.preview'],
      before: (mock) =>
        mock.fail('tokens.create', 'UNCERTAIN', 'timeout after send', { operation: 'create' }),
    });
    const wizard = await app.newToken();
    await wizard.chooseTemplate('Read billing info');
    await wizard.continue();
    await wizard.review();
    await wizard.create();
    expect(await wizard.findAlert()).toHaveTextContent(
      'The token creation may have happened: verify to check',
    );
    expect(app.mock.callsOf('tokens.create')).toHaveLength(1);
  });

  it('edits an existing token in the same wizard', async () => {
    const purge = tokenNamed('Cache purge bot');
    const app = await AppWindow.open({ channels: [...EDIT_CHANNELS] });
    const wizard = await (await app.tokens.open(purge.name)).edit();
    expect(wizard.nameField()).toHaveValue('Cache purge bot');
    expect(wizard.combobox('Include or exclude (Policy 1, resource 2)')).toHaveDisplayValue('Exclude');
    await wizard.rename('Cache purge bot (prod)');
    await wizard.continue();
    await wizard.review();
    expect(wizard.endpoint()).toBe(`PUT /user/tokens/${purge.id}`);
    // The endpoint is main's answer for an edit of this token, not a rewrite of the create's.
    expect(app.mock.callsOf('tokens.preview').at(-1)?.tokenId).toBe(purge.id);
    await wizard.save();
    await waitFor(() => expect(app.mock.callsOf('tokens.update')).toHaveLength(1));
    expect(app.mock.callsOf('tokens.update')[0]?.draft.name).toBe('Cache purge bot (prod)');
    expect(await app.findText('Saved changes to Cache purge bot (prod)')).toBeInTheDocument();
  });

  it('opens Edit pre-filled with the token’s exact draft, and sends it back unchanged', async () => {
    const pages = detailFor(tokenNamed('Pages deploy — alex.blog').key);
    const app = await AppWindow.open({ channels: [...EDIT_CHANNELS] });
    const wizard = await (await app.tokens.open('Pages deploy — alex.blog')).edit();
    expect(wizard.nameField()).toHaveValue('Pages deploy — alex.blog');
    expect(wizard.chosenPermissions(1)).toHaveTextContent('Pages Write');
    await wizard.continue();
    expect(wizard.field(/Only allow requests from/u)).toHaveValue('203.0.113.0/24');
    expect(wizard.field(/Block requests from/u)).toHaveValue('203.0.113.7/32');
    expect(wizard.field(/End date/u)).toHaveValue(isoToDay(pages.expiresOn));
    await wizard.review();
    await wizard.save();
    await waitFor(() => expect(app.mock.callsOf('tokens.update')).toHaveLength(1));
    expect(app.mock.callsOf('tokens.update')[0]?.draft).toEqual(pages.edit.draft);
  });
});
