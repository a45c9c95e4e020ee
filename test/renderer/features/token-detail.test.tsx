import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import {
  detailFromSpec,
  IDS,
  rowFromSpec,
  syncStatus,
  TOKEN_ROWS,
  tokenNamed,
  type TokenSpec,
} from '../../fixtures/renderer/fixtures';
import { GROUPS } from '../../fixtures/permission-groups';
import { AppWindow } from '../pages/app-window';
import { ShowOnceSecretPanel } from '../pages/show-once-secret';
import { TokenDetailPanel } from '../pages/token-detail-panel';

const GITHUB = 'GitHub Actions — deploy acme.com';
const GITHUB_REF = { profileId: IDS.acme, tokenId: tokenNamed(GITHUB).id };

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

const BUCKET = acmeToken('a1000000000000000000000000000091', 'Media bucket reader', [
  {
    effect: 'allow',
    permission_groups: [GROUPS.r2BucketItemRead],
    resources: { [`com.cloudflare.edge.r2.bucket.${IDS.acmeProd}_default_media`]: '*' },
  },
]);
const ODD_VALUE = acmeToken('a1000000000000000000000000000092', 'DNS reader (scoped value)', [
  {
    effect: 'allow',
    permission_groups: [GROUPS.dnsRead],
    resources: { [`com.cloudflare.api.account.zone.${IDS.zones.acmeCom}`]: 'read' },
  },
]);

/** The window with these extra tokens in the list, their details answered as the core would. */
function openWithTokens(specs: TokenSpec[]): Promise<AppWindow> {
  return AppWindow.open({
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
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    const detail = await app.tokens.open(GITHUB);
    expect(detail.title()).toHaveTextContent(GITHUB);
    const access = detail.section('Access');
    expect(access).toHaveTextContent('Zone permissions');
    expect(access).toHaveTextContent('DNS Write');
    expect(access).toHaveTextContent('zone acme.com · Acme Production');
    expect(access).toHaveTextContent('Account permissions');
    expect(access).toHaveTextContent('account Acme Production');
    expect(detail.section('IP filter')).toHaveTextContent('Only from192.0.2.0/24');
    expect(detail.section('Validity')).toHaveTextContent('in 2 months');
    expect(detail.lastVerify()).toHaveTextContent('Cloudflare says this token is active. It never expires.');
    expect(detail.section('History')).toHaveTextContent('secret rolled');
  });

  it('shows an exclusion as part of its policy', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    const detail = await app.tokens.open('Cache purge bot');
    expect(detail.section('Access')).toHaveTextContent('Includeall zones');
    expect(detail.section('Access')).toHaveTextContent('Excludezone acme.io');
    expect(detail.warnings()).toHaveTextContent('Expires in 25 days.');
  });

  it('says why actions are unavailable when Keyflare has no secret', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    const detail = await app.tokens.open('Grafana — analytics');
    expect(detail.action('Verify')).toHaveAttribute('aria-disabled', 'true');
    expect(detail.action('Verify')).toHaveAccessibleDescription(
      'Keyflare does not hold this token’s secret: adopt it first',
    );
    expect(detail.action('Copy secret')).toHaveAttribute('aria-disabled', 'true');
    expect(detail.reasons()).toHaveTextContent('adopt it first');
    expect(detail.action('Edit')).not.toHaveAttribute('aria-disabled');
  });

  it('disables network actions while the profile is offline, with the reason', async () => {
    const app = await AppWindow.open({
      channels: ['tokens.get'],
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.acme, { offline: true }),
          syncStatus(IDS.personal),
          syncStatus(IDS.globex),
        ]),
    });
    const detail = await app.tokens.open(GITHUB);
    for (const name of ['Verify', 'Roll', 'Edit', 'Disable', 'Delete']) {
      expect(detail.action(name)).toHaveAccessibleDescription(
        'Cloudflare cannot be reached: showing cached data',
      );
    }
    expect(detail.action('Copy secret')).not.toHaveAttribute('aria-disabled');
  });

  it('verifies and shows the result in the panel, the table and a toast', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get', 'tokens.verify'] });
    const detail = await app.tokens.open(GITHUB);
    await detail.verify();
    expect(await app.findText('Verify: Active')).toBeInTheDocument();
    expect(app.mock.callsOf('tokens.verify')).toEqual([GITHUB_REF]);
    await waitFor(() => expect(detail.lastVerify()).toHaveTextContent('Checked just now'));
  });

  it('says so when a call never reaches main, instead of failing silently', async () => {
    const app = await AppWindow.open({
      channels: ['tokens.get'],
      before: (mock) =>
        mock.handle('tokens.verify', () => {
          throw new Error('The window lost its connection to Keyflare.');
        }),
    });
    const detail = await app.tokens.open(GITHUB);
    await detail.verify();
    expect(await app.findText('Keyflare hit an unexpected problem')).toBeInTheDocument();
    await waitFor(() => expect(detail.action('Verify')).not.toHaveAttribute('aria-busy'));
  });

  it('copies curl through main and says when the clipboard clears', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get', 'clipboard.copy'] });
    const detail = await app.tokens.open(GITHUB);
    await detail.copyCurl('With $CLOUDFLARE_API_TOKEN');
    expect(await app.findText('Curl command copied — clears in 30 s')).toBeInTheDocument();
    await detail.copyCurl('With the secret');
    await detail.copySecret();
    await waitFor(() =>
      expect(app.mock.callsOf('clipboard.copy').map((c) => c.format)).toEqual([
        'curl_env',
        'curl_secret',
        'secret',
      ]),
    );
    expect(await app.findText('Secret copied — clears in 30 s')).toBeInTheDocument();
  });

  it('disables and enables a token', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get', 'tokens.setStatus'] });
    const detail = await app.tokens.open(GITHUB);
    await detail.toggleStatus('Disable');
    await waitFor(() => expect(detail.action('Enable')).toBeInTheDocument());
    expect(app.tokens.row(GITHUB)).toHaveTextContent('Disabled');
    await detail.toggleStatus('Enable');
    await waitFor(() =>
      expect(app.mock.callsOf('tokens.setStatus').map((c) => c.status)).toEqual(['disabled', 'active']),
    );
  });

  it('deletes only after the name is typed', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get', 'tokens.delete'] });
    const detail = await app.tokens.open(GITHUB);
    const dialog = await detail.openDelete();
    await dialog.confirm();
    expect(app.mock.callsOf('tokens.delete')).toEqual([]);
    expect(dialog.confirmButton()).toHaveAccessibleDescription('Type the token’s name to confirm');
    await dialog.typeName(GITHUB);
    await dialog.confirm();
    await waitFor(() => expect(app.mock.callsOf('tokens.delete')).toEqual([GITHUB_REF]));
    await waitFor(() => expect(app.tokens.queryRow(GITHUB)).not.toBeInTheDocument());
    expect(screen.queryByTestId('token-detail')).not.toBeInTheDocument();
    expect(await app.findText(`Deleted ${GITHUB}`)).toBeInTheDocument();
  });

  it('keeps Cancel waiting while a delete runs, and sends it once', async () => {
    let answer: () => void = () => undefined;
    const app = await AppWindow.open({
      channels: ['tokens.get'],
      before: (mock, backend) =>
        mock.handle(
          'tokens.delete',
          (input) =>
            new Promise((resolve) => {
              answer = () => resolve(backend['tokens.delete'](input));
            }),
        ),
    });
    const detail = await app.tokens.open(GITHUB);
    const dialog = await detail.openDelete();
    await dialog.typeName(GITHUB);
    await dialog.confirm();
    expect(dialog.confirmButton()).toHaveAttribute('aria-busy', 'true');
    expect(dialog.button('Cancel')).toHaveAttribute('aria-disabled', 'true');
    await dialog.cancel();
    await dialog.confirm();
    expect(dialog.element()).toBeInTheDocument();
    act(() => answer());
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(app.mock.callsOf('tokens.delete')).toHaveLength(1);
  });

  it('rolls, shows the new secret once and forgets it when closed', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get', 'tokens.roll'] });
    const detail = await app.tokens.open(GITHUB);
    const dialog = await detail.openRoll();
    expect(dialog.keepCheckbox()).toBeChecked();
    // The same question, in the same words, as the create wizard asks.
    expect(dialog.keepCheckbox()).toHaveAccessibleDescription(
      'So you can copy it and verify the token later. Otherwise you see it once and only you keep it.',
    );
    const shown = new ShowOnceSecretPanel(app.user, await dialog.roll());
    const secret = shown.secret();
    expect(secret).toMatch(/^cfut_/u);
    expect(shown.element).toHaveTextContent('it will not be shown again');
    expect(shown.keychainNote()).toHaveTextContent('Kept in the keychain');
    expect(app.mock.callsOf('tokens.roll')).toEqual([{ ...GITHUB_REF, keepSecret: true }]);
    expect(app.storesHold(secret)).toBe(false);
    await shown.done();
    expect(app.pageHolds(secret)).toBe(false);
  });

  it('says a roll may have happened when the outcome is uncertain, and offers to verify', async () => {
    const app = await AppWindow.open({
      channels: ['tokens.get', 'tokens.verify'],
      before: (m) => m.fail('tokens.roll', 'UNCERTAIN', 'The connection dropped.', { operation: 'roll' }),
    });
    const detail = await app.tokens.open(GITHUB);
    const dialog = await detail.openRoll();
    await dialog.tryRoll();
    const alert = await dialog.alert();
    expect(alert).toHaveTextContent('The roll may have happened: verify to check');
    // Rolling again could throw away a secret that now works: the dialog offers verify instead.
    expect(dialog.queryButton('Roll token')).not.toBeInTheDocument();
    await app.user.click(within(alert).getByRole('button', { name: 'Verify now' }));
    await waitFor(() => expect(app.mock.callsOf('tokens.verify')).toHaveLength(1));
    expect(app.mock.callsOf('tokens.roll')).toHaveLength(1);
  });

  it('adopts an existing secret from a password field', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get', 'tokens.adopt'] });
    const detail = await app.tokens.open('Grafana — analytics');
    const dialog = await detail.openAdopt();
    expect(dialog.secretField()).toHaveAttribute('type', 'password');
    await dialog.adopt('cfut_adopted-secret-000000000000000000');
    await waitFor(() => expect(app.mock.callsOf('tokens.adopt')).toHaveLength(1));
    expect(
      await app.findText('The secret of Grafana — analytics is now kept in the keychain'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(TokenDetailPanel.current()).getByRole('button', { name: 'Verify' })).not.toHaveAttribute(
        'aria-disabled',
      ),
    );
  });

  it('closes with Esc and gives focus back to the row', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    await app.tokens.open(GITHUB);
    await app.press('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('token-detail')).not.toBeInTheDocument());
    await waitFor(() => expect(app.tokens.row(GITHUB)).toHaveFocus());
  });

  it('refuses Edit for a token with R2 bucket resources and says why, keeping the other actions', async () => {
    const app = await openWithTokens([BUCKET]);
    const detail = await app.tokens.open('Media bucket reader');
    const edit = detail.action('Edit');
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveAccessibleDescription('This token holds R2 bucket resources Keyflare cannot edit yet');
    expect(detail.reasons()).toHaveTextContent(
      'This token holds R2 bucket resources Keyflare cannot edit yet',
    );
    expect(detail.uneditable()).toHaveTextContent(
      'Policy 1 applies to R2 bucket media in account Acme Production; Keyflare cannot edit R2 bucket resources yet.',
    );
    for (const name of ['Disable', 'Roll', 'Delete', 'Verify']) {
      expect(detail.action(name)).not.toHaveAttribute('aria-disabled');
    }
    await app.user.click(edit);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('refuses Edit rather than turning a resource value other than "*" into "*"', async () => {
    const app = await openWithTokens([ODD_VALUE]);
    const detail = await app.tokens.open('DNS reader (scoped value)');
    expect(detail.action('Edit')).toHaveAccessibleDescription(
      'This token holds parts Keyflare cannot edit yet',
    );
    expect(detail.uneditable()).toHaveTextContent(
      'Policy 1 gives zone acme.com the value "read" instead of "*".',
    );
  });

  it('offers Edit with nothing to explain for a token its draft holds whole', async () => {
    const app = await AppWindow.open({ channels: ['tokens.get'] });
    const detail = await app.tokens.open('Cache purge bot');
    expect(detail.action('Edit')).not.toHaveAttribute('aria-disabled');
    expect(detail.uneditable()).not.toBeInTheDocument();
  });
});
