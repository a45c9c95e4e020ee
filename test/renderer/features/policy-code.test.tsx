/**
 * Policies as code in the window: the detail's More menu (export, duplicate, share, rotate) and
 * the list's As code menu (import), against the demo backend running the real shared export code.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../src/shared/channels';
import { IDS, tokenNamed } from '../../fixtures/renderer/fixtures';
import { AppWindow } from '../pages/app-window';

const GITHUB = 'GitHub Actions — deploy acme.com';
const CHANNELS: ChannelName[] = [
  'tokens.get',
  'export.tokens',
  'export.copy',
  'import.resolve',
  'tokens.duplicateTo',
  'rotation.list',
  'rotation.start',
  'rotation.retire',
  'permissionGroups.list',
  'templates.list',
  'tokens.create',
  'tokens.setStatus',
];

async function more(app: AppWindow, item: RegExp): Promise<void> {
  const panel = screen.getByTestId('token-detail');
  await app.user.click(within(panel).getByRole('button', { name: 'More' }));
  await app.user.click(await screen.findByRole('menuitem', { name: item }));
}

describe('policies as code in the window', () => {
  it('exports a token as Terraform, then as a recipe copied by main', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    await app.tokens.open(GITHUB);
    await more(app, /^Export/u);
    const dialog = await screen.findByTestId('export-dialog');
    await waitFor(() =>
      expect(within(dialog).getByTestId('export-text')).toHaveTextContent(
        'resource "cloudflare_api_token" "github_actions_deploy_acme_com"',
      ),
    );
    expect(within(dialog).getByTestId('export-import-commands')).toHaveTextContent(
      `terraform import cloudflare_api_token.github_actions_deploy_acme_com '${tokenNamed(GITHUB).id}'`,
    );
    await app.user.click(within(dialog).getByRole('radio', { name: 'Recipe' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('export-text')).toHaveTextContent('"keyflare-recipe"'),
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(app.mock.callsOf('export.copy')).toEqual([
      { tokens: [{ profileId: IDS.acme, tokenId: tokenNamed(GITHUB).id }], format: 'recipe' },
    ]);
  });

  it('duplicates into the wizard on the same policy, renamed, with nothing sent', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    await app.tokens.open(GITHUB);
    await more(app, /^Duplicate(?! to)/u);
    const wizard = await screen.findByTestId('token-wizard');
    await within(wizard).findByTestId('wizard-access');
    expect(within(wizard).getByLabelText('Token name')).toHaveValue(`${GITHUB} (copy)`);
    expect(app.mock.callsOf('tokens.create')).toEqual([]);
  });

  it('imports a recipe into a profile and names what did not resolve, with the closest names', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    const exported = app.backend['export.tokens']({
      tokens: [{ profileId: IDS.acme, tokenId: tokenNamed(GITHUB).id }],
      format: 'recipe',
    });
    if (!exported.ok) throw new Error(exported.error.message);
    const text = exported.value.text.replace('"zone": "acme.com"', '"zone": "acme.co"');
    await app.user.click(screen.getByRole('button', { name: 'As code' }));
    await app.user.click(await screen.findByRole('menuitem', { name: /^Import/u }));
    const dialog = await screen.findByTestId('import-dialog');
    await app.user.selectOptions(within(dialog).getByLabelText('Profile'), IDS.acme);
    await app.user.click(within(dialog).getByLabelText('Recipe or API body (JSON)'));
    await app.user.paste(text);
    await app.user.click(within(dialog).getByRole('button', { name: 'Check' }));
    const report = await within(dialog).findByTestId('import-report');
    expect(report).toHaveTextContent('One part did not resolve');
    expect(report).toHaveTextContent(
      'zone acme.co: this profile has no zone of that name — closest: acme.com',
    );
    await app.user.click(within(dialog).getByRole('button', { name: 'Open in the wizard' }));
    const wizard = await screen.findByTestId('token-wizard');
    expect(within(wizard).getByTestId('import-report')).toHaveTextContent('zone acme.co');
    expect(screen.queryByTestId('import-dialog')).toBeNull();
  });

  it('shares a request: what the link carries and what the teammate adds by hand', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    await app.tokens.open(GITHUB);
    await more(app, /^Share a request/u);
    const dialog = await screen.findByTestId('share-dialog');
    expect(within(dialog).getByTestId('share-carried')).toHaveTextContent('Permission dns (edit)');
    expect(within(dialog).getByTestId('share-manual')).toHaveTextContent(
      'IP filter: allow only 192.0.2.0/24.',
    );
    const link = within(dialog).getByLabelText<HTMLTextAreaElement>('Request link');
    expect(link.value).toMatch(
      /^https:\/\/dash\.cloudflare\.com\/profile\/api-tokens\?permissionGroupKeys=/u,
    );
  });

  it('rotates with overlap: the secret once, then the old token retired only after confirming', async () => {
    const app = await AppWindow.open({ channels: CHANNELS });
    await app.tokens.open(GITHUB);
    await more(app, /^Rotate with overlap/u);
    const dialog = await screen.findByTestId('rotate-dialog');
    await app.user.click(await within(dialog).findByRole('button', { name: 'Create the new token' }));
    const secret = await within(dialog).findByTestId<HTMLInputElement>('secret-value');
    const value = secret.value;
    expect(value).toMatch(/^cfut_/u);
    await app.user.click(within(dialog).getByRole('button', { name: 'I have the new secret' }));
    expect(app.pageHolds(value)).toBe(false);
    expect(app.storesHold(value)).toBe(false);
    const retire = within(dialog).getByRole('button', { name: 'Disable the old token' });
    expect(retire).toHaveAttribute('aria-disabled', 'true');
    await app.user.click(retire);
    expect(app.mock.callsOf('rotation.retire')).toEqual([]);
    await app.user.click(within(dialog).getByRole('checkbox', { name: /Nothing uses/u }));
    await app.user.click(within(dialog).getByRole('button', { name: 'Disable the old token' }));
    await within(dialog).findByText(/^Done: the new token replaced/u);
    expect(app.mock.callsOf('rotation.retire')).toEqual([
      { rotationId: 1, action: 'disable', confirmed: true },
    ]);
  });
});
