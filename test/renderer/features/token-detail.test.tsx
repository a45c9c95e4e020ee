import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { useProfilesStore } from '../../../src/renderer/stores/profiles-store';
import { useTokensStore } from '../../../src/renderer/stores/tokens-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import {
  detailFromSpec,
  IDS,
  permissionGroups,
  rowFromSpec,
  syncStatus,
  TOKEN_ROWS,
  type TokenSpec,
} from '../../fixtures/renderer/fixtures';
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

/** A kept, active Acme token with these policies, as the core would hand it to the renderer. */
function acmeToken(id: string, name: string, policies: CfPolicy[]): TokenSpec {
  return {
    profileId: IDS.acme,
    secretKept: true,
    token: {
      id,
      name,
      status: 'active',
      issued_on: '2026-01-05T10:00:00Z',
      modified_on: '2026-01-05T10:00:00Z',
      last_used_on: '2026-03-09T10:00:00Z',
      not_before: null,
      expires_on: null,
      policies,
      condition: { request_ip: { in: ['192.0.2.0/24'] } },
    },
  };
}

function groupNamed(name: string): { id: string; name: string } {
  const group = permissionGroups('user').find((g) => g.name === name);
  if (!group) throw new Error(`fixture: no permission group ${name}`);
  return { id: group.id, name: group.name };
}

const BUCKET = acmeToken('a1000000000000000000000000000091', 'Media bucket reader', [
  {
    effect: 'allow',
    permission_groups: [groupNamed('Workers R2 Storage Bucket Item Read')],
    resources: { [`com.cloudflare.edge.r2.bucket.${IDS.acmeProd}_default_media`]: '*' },
  },
]);
const ODD_VALUE = acmeToken('a1000000000000000000000000000092', 'DNS reader (scoped value)', [
  {
    effect: 'allow',
    permission_groups: [groupNamed('DNS Read')],
    resources: { [`com.cloudflare.api.account.zone.${IDS.zones.acmeCom}`]: 'read' },
  },
]);

/** The window with these extra tokens in the list, their details answered as the core would. */
function renderWithTokens(specs: TokenSpec[]): ReturnType<typeof renderApp> {
  return renderApp({
    rows: [...TOKEN_ROWS, ...specs.map((spec) => rowFromSpec(spec))],
    before: (mock, backend) =>
      mock.handle('tokens.get', (input) => {
        const spec = specs.find((s) => s.token.id === input.tokenId);
        return spec ? { ok: true, value: detailFromSpec(spec) } : backend['tokens.get'](input);
      }),
  });
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

  it('says so when a call never reaches main, instead of failing silently', async () => {
    const { user } = await renderApp({
      channels: ['tokens.get'],
      before: (mock) =>
        mock.handle('tokens.verify', () => {
          throw new Error('The window lost its connection to Keyflare.');
        }),
    });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Keyflare hit an unexpected problem')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(panel).getByRole('button', { name: 'Verify' })).not.toHaveAttribute('aria-busy'),
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

  it('keeps Cancel waiting while a delete runs, and sends it once', async () => {
    let answer: () => void = () => undefined;
    const { user, mock } = await renderApp({
      channels: ['tokens.get'],
      before: (m, backend) =>
        m.handle(
          'tokens.delete',
          (input) =>
            new Promise((resolve) => {
              answer = () => resolve(backend['tokens.delete'](input));
            }),
        ),
    });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: `Delete ${GITHUB}?` });
    await user.type(within(dialog).getByRole('textbox'), GITHUB);
    const confirm = within(dialog).getByRole('button', { name: 'Delete token' });
    await user.click(confirm);
    expect(confirm).toHaveAttribute('aria-busy', 'true');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(confirm);
    expect(screen.getByRole('dialog', { name: `Delete ${GITHUB}?` })).toBeInTheDocument();
    act(() => answer());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mock.callsOf('tokens.delete')).toHaveLength(1);
  });

  it('rolls, shows the new secret once and forgets it when closed', async () => {
    const { user, mock } = await renderApp({ channels: ['tokens.get', 'tokens.roll'] });
    const panel = await open(GITHUB, user);
    await user.click(within(panel).getByRole('button', { name: 'Roll' }));
    const dialog = screen.getByRole('dialog', { name: `Roll ${GITHUB}?` });
    const keep = within(dialog).getByRole('checkbox', { name: 'Keep the new secret in the keychain' });
    expect(keep).toBeChecked();
    // The same question, in the same words, as the create wizard asks.
    expect(keep).toHaveAccessibleDescription(
      'So you can copy it and verify the token later. Otherwise you see it once and only you keep it.',
    );
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

  it('refuses Edit for a token with R2 bucket resources and says why, keeping the other actions', async () => {
    const { user } = await renderWithTokens([BUCKET]);
    const panel = await open('Media bucket reader', user);
    const edit = within(panel).getByRole('button', { name: 'Edit' });
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveAccessibleDescription('This token holds R2 bucket resources Keyflare cannot edit yet');
    expect(within(panel).getByRole('list', { name: 'Why some actions are unavailable' })).toHaveTextContent(
      'This token holds R2 bucket resources Keyflare cannot edit yet',
    );
    expect(within(panel).getByTestId('uneditable')).toHaveTextContent(
      'Policy 1 applies to R2 bucket media in account Acme Production; Keyflare cannot edit R2 bucket resources yet.',
    );
    for (const name of ['Disable', 'Roll', 'Delete', 'Verify']) {
      expect(within(panel).getByRole('button', { name })).not.toHaveAttribute('aria-disabled');
    }
    await user.click(edit);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('refuses Edit rather than turning a resource value other than "*" into "*"', async () => {
    const { user } = await renderWithTokens([ODD_VALUE]);
    const panel = await open('DNS reader (scoped value)', user);
    expect(within(panel).getByRole('button', { name: 'Edit' })).toHaveAccessibleDescription(
      'This token holds parts Keyflare cannot edit yet',
    );
    expect(within(panel).getByTestId('uneditable')).toHaveTextContent(
      'Policy 1 gives zone acme.com the value "read" instead of "*".',
    );
  });

  it('offers Edit with nothing to explain for a token its draft holds whole', async () => {
    const { user } = await renderApp({ channels: ['tokens.get'] });
    const panel = await open('Cache purge bot', user);
    expect(within(panel).getByRole('button', { name: 'Edit' })).not.toHaveAttribute('aria-disabled');
    expect(within(panel).queryByTestId('uneditable')).not.toBeInTheDocument();
  });
});
