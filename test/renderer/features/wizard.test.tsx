import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TokenDraft } from '../../../src/shared/domain';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { useProfilesStore } from '../../../src/renderer/stores/profiles-store';
import { useTokensStore } from '../../../src/renderer/stores/tokens-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { isoToDay } from '../../../src/renderer/lib/token-draft';
import { detailFor, IDS } from '../../fixtures/renderer/fixtures';
import { renderApp } from '../support/render-app';

const WIZARD_CHANNELS = [
  'permissionGroups.list',
  'templates.list',
  'tokens.preview',
  'tokens.create',
  'clipboard.copy',
  'tokens.get',
] as const;

async function openWizard(harness: Awaited<ReturnType<typeof renderApp>>): Promise<HTMLElement> {
  await harness.user.click(screen.getByRole('button', { name: 'New token' }));
  const dialog = screen.getByRole('dialog', { name: 'Create API token' });
  await within(dialog).findByRole('button', { name: /Edit Zone DNS/u });
  return dialog;
}

describe('create wizard', () => {
  it('creates a token from a template and shows its secret once', async () => {
    const harness = await renderApp({ channels: [...WIZARD_CHANNELS] });
    const { user, mock } = harness;
    const dialog = await openWizard(harness);
    expect(within(dialog).getByRole('button', { name: /Custom token/u })).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Start from' })).toHaveTextContent(
      'Edit Cloudflare Workers',
    );

    await user.click(within(dialog).getByRole('button', { name: /Edit Zone DNS/u }));
    expect(within(dialog).getByLabelText('Token name')).toHaveValue('Edit Zone DNS');
    expect(within(dialog).getByRole('list', { name: 'Chosen permissions of Policy 1' })).toHaveTextContent(
      'DNS Write',
    );

    // The template leaves the zone blank: continuing asks for one instead of granting all zones.
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('One thing needs fixing');
    expect(within(dialog).getByRole('list', { name: 'Problems in Policy 1' })).toHaveTextContent(
      'choose at least one resource',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Add zones' }));
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Zone (Policy 1, resource 1)' }),
      'alex.blog',
    );
    await user.clear(within(dialog).getByLabelText('Token name'));
    await user.type(within(dialog).getByLabelText('Token name'), 'certbot — alex.blog');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));

    await user.click(within(dialog).getByRole('button', { name: '30 days' }));
    await user.type(within(dialog).getByLabelText(/Only allow requests from/u), '198.51.100.24/32');
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));

    const summary = await within(dialog).findByTestId('review-summary');
    await waitFor(() => expect(within(dialog).getByTestId('review-body')).toBeInTheDocument());
    expect(summary).toHaveTextContent(
      'DNS Write on zone alex.blog; only from 198.51.100.24/32; expires 2026-04-09',
    );
    expect(within(dialog).getByTestId('review-body')).toHaveTextContent('"name": "certbot — alex.blog"');
    expect(within(dialog).getByText('POST /user/tokens')).toBeInTheDocument();
    const sent = mock.callsOf('tokens.preview')[0];
    expect(sent?.owner).toEqual({ kind: 'user' });
    expect((sent?.draft as TokenDraft).policies[0]?.resources).toEqual([
      { type: 'zone', zoneId: IDS.zones.alexBlog, include: true },
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Create token' }));
    const secretPanel = await screen.findByTestId('show-once-secret');
    const secret = within(secretPanel).getByLabelText<HTMLInputElement>('Token secret').value;
    expect(secret).toMatch(/^cfut_/u);
    expect(secretPanel).toHaveTextContent('Copy the secret now: it will not be shown again');
    expect(within(secretPanel).getByTestId('keychain-note')).toHaveTextContent('Kept in the keychain');
    expect(mock.callsOf('tokens.create')).toHaveLength(1);
    expect(mock.callsOf('tokens.create')[0]?.keepSecret).toBe(true);

    await user.click(within(secretPanel).getByRole('button', { name: 'Copy curl with secret' }));
    await waitFor(() =>
      expect(mock.callsOf('clipboard.copy')).toEqual([
        { profileId: IDS.personal, tokenId: expect.stringMatching(/^new/u), format: 'curl_secret' },
      ]),
    );

    const stores = [useAppStore, useProfilesStore, useTokensStore, useUiStore]
      .map((s) => JSON.stringify(s.getState()))
      .join('');
    expect(stores).not.toContain(secret);

    // Esc does not throw the secret away by accident; Done does, and opens the new token.
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('show-once-secret')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(document.body.innerHTML).not.toContain(secret);
    expect(screen.getByRole('row', { name: /certbot — alex\.blog/u })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('builds a custom token with a searchable permission picker grouped by scope', async () => {
    const harness = await renderApp({ channels: [...WIZARD_CHANNELS] });
    const { user } = harness;
    const dialog = await openWizard(harness);
    await user.click(within(dialog).getByRole('button', { name: /Custom token/u }));
    const picker = within(dialog).getByRole('group', { name: 'Permissions for Policy 1' });
    expect(within(picker).getByRole('group', { name: /^Account/u })).toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /^Zone/u })).toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /^User/u })).toBeInTheDocument();

    await user.type(
      within(dialog).getByRole('searchbox', { name: 'Search permissions for Policy 1' }),
      'workers scripts',
    );
    expect(
      within(picker)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['Workers Scripts Read', 'Workers Scripts Write']);
    await user.click(within(picker).getByRole('checkbox', { name: 'Workers Scripts Write' }));
    await user.clear(within(dialog).getByRole('searchbox', { name: 'Search permissions for Policy 1' }));
    // One scope per policy: zone permissions are set aside once an account permission is chosen.
    expect(within(picker).queryByRole('group', { name: /^Zone/u })).not.toBeInTheDocument();
    expect(within(dialog).getByText(/Showing account permissions/u)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Add accounts' }));
    expect(
      within(dialog).getByRole('combobox', { name: 'Account (Policy 1, resource 1)' }),
    ).toHaveDisplayValue('Alex’s Account');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Resource type (Policy 1, resource 1)' }),
      'all_accounts',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Add policy' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'DNS Write' }));
    await user.click(within(dialog).getAllByRole('button', { name: 'Add zones' })[0] as HTMLElement);
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Resource type (Policy 2, resource 1)' }),
      'all_zones',
    );
    await user.click(within(dialog).getAllByRole('button', { name: 'Add zones' })[0] as HTMLElement);
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Include or exclude (Policy 2, resource 2)' }),
      'exclude',
    );
    await user.type(within(dialog).getByLabelText('Token name'), 'wrangler + dns');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(await within(dialog).findByTestId('review-summary')).toHaveTextContent(
      'Workers Scripts Write on all accounts; DNS Write on all zones except zone example.dev',
    );
  });

  it('offers account-owned tokens only where the profile may create them', async () => {
    const harness = await renderApp({ channels: [...WIZARD_CHANNELS] });
    const { user } = harness;
    const dialog = await openWizard(harness);
    await user.selectOptions(within(dialog).getByLabelText('Profile'), 'Acme Corp');
    const owners = within(within(dialog).getByLabelText<HTMLElement>('Owner'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(owners).toEqual([
      'User token (belongs to ops@acme.example)',
      'Account-owned token of Acme Production',
    ]);
    await user.selectOptions(
      within(dialog).getByLabelText('Owner'),
      'Account-owned token of Acme Production',
    );
    await waitFor(() =>
      expect(harness.mock.callsOf('templates.list').at(-1)).toEqual({
        profileId: IDS.acme,
        owner: { kind: 'account', accountId: IDS.acmeProd },
      }),
    );
    expect(harness.mock.callsOf('permissionGroups.list').at(-1)).toEqual({
      profileId: IDS.acme,
      owner: { kind: 'account', accountId: IDS.acmeProd },
    });
  });

  it('never shows a late answer for an owner the user has already left', async () => {
    let answerLate: () => void = () => undefined;
    const harness = await renderApp({
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
    const { user } = harness;
    await user.click(screen.getByRole('button', { name: 'New token' }));
    const dialog = screen.getByRole('dialog', { name: 'Create API token' });
    await user.selectOptions(within(dialog).getByLabelText('Profile'), 'Acme Corp');
    await user.selectOptions(
      within(dialog).getByLabelText('Owner'),
      'Account-owned token of Acme Production',
    );
    await user.click(await within(dialog).findByRole('button', { name: /Custom token/u }));
    const picker = await within(dialog).findByRole('group', { name: 'Permissions for Policy 1' });
    act(() => answerLate());
    await act(() => Promise.resolve());
    // Account-owned tokens cannot hold user permissions: the user-owner answer came too late to count.
    expect(within(picker).queryByRole('group', { name: /^User/u })).not.toBeInTheDocument();
    expect(within(picker).getByRole('group', { name: /^Account/u })).toBeInTheDocument();
  });

  it('creates without keeping the secret when there is no keychain, and says so before', async () => {
    const harness = await renderApp({
      channels: ['permissionGroups.list', 'templates.list', 'tokens.preview', 'tokens.create'],
      info: { keychain: { available: false, message: 'No Secret Service provider answered.' } },
    });
    const { user, mock } = harness;
    const dialog = await openWizard(harness);
    await user.click(within(dialog).getByRole('button', { name: /Read billing info/u }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await within(dialog).findByTestId('review-body');
    const keep = within(dialog).getByRole('checkbox', { name: 'Keep the new secret in the keychain' });
    expect(keep).not.toBeChecked();
    expect(keep).toBeDisabled();
    expect(keep).toHaveAccessibleDescription(
      'The system keychain is unavailable: the secret will be shown once only.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByTestId('keychain-note')).toHaveTextContent('Not kept in the keychain');
    expect(mock.callsOf('tokens.create')[0]?.keepSecret).toBe(false);
  });

  it('says plainly when the create outcome is uncertain', async () => {
    const harness = await renderApp({
      channels: ['permissionGroups.list', 'templates.list', 'tokens.preview'],
      before: (mock) =>
        mock.fail('tokens.create', 'UNCERTAIN', 'timeout after send', { operation: 'create' }),
    });
    const { user, mock } = harness;
    const dialog = await openWizard(harness);
    await user.click(within(dialog).getByRole('button', { name: /Read billing info/u }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await within(dialog).findByTestId('review-body');
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The token creation may have happened: verify to check',
    );
    expect(mock.callsOf('tokens.create')).toHaveLength(1);
  });

  it('edits an existing token in the same wizard', async () => {
    const harness = await renderApp({
      channels: ['tokens.get', 'permissionGroups.list', 'tokens.preview', 'tokens.update'],
    });
    const { user, mock } = harness;
    await user.click(screen.getByRole('row', { name: /Cache purge bot/u }));
    await user.click(
      await within(await screen.findByTestId('token-detail')).findByRole('button', { name: 'Edit' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit Cache purge bot' });
    await within(dialog).findByTestId('wizard-access');
    expect(within(dialog).getByLabelText('Token name')).toHaveValue('Cache purge bot');
    expect(
      within(dialog).getByRole('combobox', { name: 'Include or exclude (Policy 1, resource 2)' }),
    ).toHaveDisplayValue('Exclude');
    await user.clear(within(dialog).getByLabelText('Token name'));
    await user.type(within(dialog).getByLabelText('Token name'), 'Cache purge bot (prod)');
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await within(dialog).findByTestId('review-body');
    expect(
      within(dialog).getByText(/^PUT \/user\/tokens\/a1000000000000000000000000000005$/u),
    ).toBeInTheDocument();
    // The endpoint is main's answer for an edit of this token, not a rewrite of the create's.
    expect(mock.callsOf('tokens.preview').at(-1)?.tokenId).toBe('a1000000000000000000000000000005');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(mock.callsOf('tokens.update')).toHaveLength(1));
    expect(mock.callsOf('tokens.update')[0]?.draft.name).toBe('Cache purge bot (prod)');
    expect(await screen.findByText('Saved changes to Cache purge bot (prod)')).toBeInTheDocument();
  });

  it('opens Edit pre-filled with the token’s exact draft, and sends it back unchanged', async () => {
    const pages = detailFor(`${IDS.personal}:p1000000000000000000000000000003`);
    const harness = await renderApp({
      channels: ['tokens.get', 'permissionGroups.list', 'tokens.preview', 'tokens.update'],
    });
    const { user, mock } = harness;
    await user.click(screen.getByRole('row', { name: /Pages deploy — alex\.blog/u }));
    await user.click(
      await within(await screen.findByTestId('token-detail')).findByRole('button', { name: 'Edit' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit Pages deploy — alex.blog' });
    await within(dialog).findByTestId('wizard-access');
    expect(within(dialog).getByLabelText('Token name')).toHaveValue('Pages deploy — alex.blog');
    expect(within(dialog).getByRole('list', { name: 'Chosen permissions of Policy 1' })).toHaveTextContent(
      'Pages Write',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(within(dialog).getByLabelText(/Only allow requests from/u)).toHaveValue('203.0.113.0/24');
    expect(within(dialog).getByLabelText(/Block requests from/u)).toHaveValue('203.0.113.7/32');
    expect(within(dialog).getByLabelText(/End date/u)).toHaveValue(isoToDay(pages.expiresOn));
    await user.click(within(dialog).getByRole('button', { name: 'Review' }));
    await within(dialog).findByTestId('review-body');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(mock.callsOf('tokens.update')).toHaveLength(1));
    expect(mock.callsOf('tokens.update')[0]?.draft).toEqual(pages.edit.draft);
  });
});
