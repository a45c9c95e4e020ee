/**
 * Policies as code, end to end against the simulator, the real core and a real data folder:
 * export a token (Terraform, API body, recipe; copied by main, never a secret) -> import the
 * recipe into the other login's profile and create it from the wizard -> duplicate -> share a
 * request -> rotate with overlap (new secret once, old token untouched until confirmed, then
 * disabled). Screenshots light and dark at each screen.
 */
import { describe, expect, it } from 'vitest';
import { AppPage } from './pages/app-page';
import { AddProfilePage } from './pages/add-profile-page';
import { PolicyCodePage } from './pages/policy-code-page';
import { TokenListPage } from './pages/token-list-page';
import { WizardPage } from './pages/wizard-page';
import { seriousAxeViolations } from './support/axe';
import { saveThemedScreenshots } from './support/screenshots';
import { pageStorageText, scanDataDir } from './support/secret-scan';
import { addAlice, useScenario } from './support/scenario';

const inProcessCore = process.env['KEYFLARE_E2E_ELECTRON'] !== '1';
const scenario = useScenario();
const TOKEN = 'Edit DNS acme.com';

describe.skipIf(!inProcessCore)('policies as code', () => {
  it('export → import into another login → duplicate → share → rotate with overlap', async () => {
    const sim = await scenario.simulator();
    const app = await scenario.launch();
    const page = app.page;
    const list = new TokenListPage(page);
    const code = new PolicyCodePage(page);
    await addAlice(app, sim);
    await new AppPage(page).openAddProfile();
    const add = new AddProfilePage(page);
    await add.add({ label: 'Bob', secret: sim.credential('bob-manager').secret, baseUrl: sim.baseUrl });
    await add.done();
    await new AppPage(page).showView('All tokens');
    await list.waitForRow(TOKEN);

    // Export: Terraform with its import command, then the recipe, copied by main.
    await list.open(TOKEN);
    await code.more('Export');
    const hcl = await code.exportAs('Terraform');
    expect(hcl).toContain('resource "cloudflare_api_token" "edit_dns_acme_com"');
    expect(hcl).toContain('# DNS Write (zone scope)');
    expect(await code.dialog('export-dialog').getByTestId('export-import-commands').innerText()).toMatch(
      /^terraform import cloudflare_api_token\.edit_dns_acme_com '[0-9a-z]+'$/u,
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveThemedScreenshots(page, 'policy-01-export-terraform');
    const recipe = await code.exportAs('Recipe');
    expect(recipe).toContain('"zone": "acme.com"');
    await code.copyExport();
    await expect.poll(() => app.clipboard?.current()).toContain('"format": "keyflare-recipe"');
    expect(app.clipboard?.writes.at(-1)?.concealed).toBe(false);
    await code.closeDialog('export-dialog');

    // Import the recipe into Bob's profile: Acme Corp's acme.com resolves by name there.
    await code.asCode('Import');
    await code.importText('Bob', app.clipboard?.current() ?? '');
    expect(await code.dialog('import-report').innerText()).toContain('Everything resolved');
    await saveThemedScreenshots(page, 'policy-02-import-report');
    await code.openInWizard('import-dialog');
    const wizard = new WizardPage(page);
    await wizard.continue();
    await wizard.review();
    expect(JSON.parse(await wizard.body())).toMatchObject({ name: TOKEN });
    await wizard.create();
    await wizard.done();
    // Bob's copy has the same name: the rest of the story is about Alice's token.
    await new AppPage(page).showView('Alice');
    expect(sim.state.tokens({ userId: 'b0b00000000000000000000000000002' }).map((t) => t.name)).toContain(
      TOKEN,
    );

    // Duplicate: the wizard opens on the same policy, nothing sent until review.
    await list.open(TOKEN);
    await code.more('Duplicate(?! to)');
    await page.getByTestId('token-wizard').getByTestId('wizard-access').waitFor();
    expect(await page.getByTestId('token-wizard').getByLabel('Token name').inputValue()).toBe(
      `${TOKEN} (copy)`,
    );
    await saveThemedScreenshots(page, 'policy-03-duplicate');
    await page.getByTestId('token-wizard').getByRole('button', { name: 'Close' }).click();

    // Share a request: what the link carries and what the teammate adds by hand.
    await list.open(TOKEN);
    await code.more('Share a request');
    const share = code.dialog('share-dialog');
    expect(await share.getByTestId('share-carried').innerText()).toContain('Permission dns (edit)');
    await saveThemedScreenshots(page, 'policy-04-share');
    await share.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(() => app.clipboard?.current())
      .toMatch(/^https:\/\/dash\.cloudflare\.com\/profile\/api-tokens\?/u);
    await code.closeDialog('share-dialog');

    // Rotate with overlap.
    const oldSecret = sim.credential('alice-dns-acme').secret;
    await code.more('Rotate with overlap');
    const rotate = code.dialog('rotate-dialog');
    await rotate.getByRole('button', { name: 'Create the new token' }).click();
    await rotate.getByTestId('show-once-secret').waitFor({ timeout: 30_000 });
    const newSecret = await rotate.getByTestId('secret-value').inputValue();
    await saveThemedScreenshots(page, 'policy-05-rotate-secret');
    const verify = async (secret: string): Promise<number> =>
      (await fetch(`${sim.baseUrl}/user/tokens/verify`, { headers: { authorization: `Bearer ${secret}` } }))
        .status;
    expect([await verify(oldSecret), await verify(newSecret)]).toEqual([200, 200]);
    await rotate.getByRole('button', { name: 'I have the new secret' }).click();
    await rotate.getByRole('checkbox', { name: /Nothing uses/u }).check();
    await saveThemedScreenshots(page, 'policy-06-rotate-confirm');
    await rotate.getByRole('button', { name: 'Disable the old token' }).click();
    await rotate.getByText(/^Done: the new token replaced/u).waitFor();
    expect([await verify(oldSecret), await verify(newSecret)]).toEqual([401, 200]);
    await saveThemedScreenshots(page, 'policy-07-rotate-done');
    // The new secret went to the keychain and the show-once panel only: never the data folder.
    expect(scanDataDir(app.dataDir, [newSecret])).toEqual([]);
    expect(await pageStorageText(page).then((text) => text.storage + text.dom)).not.toContain(newSecret);
  });
});
