/**
 * The user story, end to end against the Cloudflare simulator, the real core, a real SQLite file
 * in a temp data folder and the real keychain (inside the private keyring session):
 *
 * first start -> add a profile -> sync -> browse and filter -> Cloudflare goes away, browse the
 * cache offline -> it comes back -> create a token from a template -> its secret is shown once ->
 * verify says active -> copy curl (the clipboard port gets the exact command) -> roll (the old
 * secret stops working, the new one verifies) -> disable (verify says disabled) -> delete. Then
 * every secret used is looked for where it must never be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sandbox';
import { AddProfilePage } from './pages/add-profile-page';
import { AppPage } from './pages/app-page';
import { ProfilePage } from './pages/profile-page';
import { SettingsPage } from './pages/settings-page';
import { StatusBarPage } from './pages/status-bar-page';
import { TokenDetailPage } from './pages/token-detail-page';
import { TokenListPage } from './pages/token-list-page';
import { WizardPage } from './pages/wizard-page';
import { seriousAxeViolations } from './support/axe';
import { launchKeyflare, type KeyflareApp } from './support/harness';
import { saveThemedScreenshots } from './support/screenshots';
import { pageStorageText, scanDataDir, scanReplies } from './support/secret-scan';

let sim: Simulator;
let app: KeyflareApp;
const secretsUsed: string[] = [];

beforeAll(async () => {
  if (process.env['KEYFLARE_E2E_ELECTRON'] === '1') return;
  sim = await startSimulator({ scenario: 'demo' });
  app = await launchKeyflare();
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

async function verifyDirectly(secret: string): Promise<number> {
  const response = await fetch(`${sim.baseUrl}/user/tokens/verify`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return response.status;
}

async function expectAccessible(where: string): Promise<void> {
  expect(await seriousAxeViolations(app.page), where).toEqual([]);
}

// The story reads the in-process core's clipboard port and recorded replies: Chromium harness only.
const inProcessCore = process.env['KEYFLARE_E2E_ELECTRON'] !== '1';

describe.skipIf(!inProcessCore)('a token’s life in Keyflare', () => {
  let shell: AppPage;
  let list: TokenListPage;
  let detail: TokenDetailPage;
  let status: StatusBarPage;
  let created = '';
  let rolled = '';
  const tokenName = 'certbot — acme.com (e2e)';

  it('welcomes a first start', async () => {
    shell = new AppPage(app.page);
    list = new TokenListPage(app.page);
    detail = new TokenDetailPage(app.page);
    status = new StatusBarPage(app.page);
    await shell.waitUntilLoaded();
    await app.page.getByRole('heading', { name: 'Welcome to Keyflare' }).waitFor();
    await expectAccessible('welcome');
    await saveThemedScreenshots(app.page, 'story-01-welcome');
  });

  it('adds a profile, shows what its credential can do, and syncs it', async () => {
    const credential = sim.credential('alice-manager').secret;
    secretsUsed.push(credential);
    await shell.openAddProfile();
    const add = new AddProfilePage(app.page);
    await add.fill({ label: 'Alice', secret: credential, baseUrl: sim.baseUrl });
    await expectAccessible('add profile');
    await saveThemedScreenshots(app.page, 'story-02-add-profile');
    await add.submit();
    await add.dialog.getByTestId('capabilities').waitFor({ timeout: 30_000 });
    expect(await add.capabilities()).toContain('Create and change user tokens');
    await saveThemedScreenshots(app.page, 'story-03-capabilities');
    await add.done();

    await list.waitForRow('Keyflare manager (alice)');
    await status.waitForText(/Synced (just now|\d+ seconds? ago)/u);
    await status.sync();
    expect(await status.text()).toMatch(/Synced/u);
    expect(await list.names()).toEqual(
      expect.arrayContaining(['acme.com DNS bot', 'Edit DNS acme.com', 'Old deploy token']),
    );
    await expectAccessible('token table');
    await saveThemedScreenshots(app.page, 'story-04-token-table');
  });

  it('browses: search, filters, sort, detail', async () => {
    await list.searchFor('acme.com');
    const found = await list.names();
    expect(found).toContain('acme.com DNS bot');
    expect(found).toContain('Edit DNS acme.com');
    await list.clearSearch();

    await list.setKind('Account-owned');
    const accountOwned = await list.names();
    expect(accountOwned).toContain('acme.com DNS bot');
    expect(accountOwned).not.toContain('Edit DNS acme.com');
    await list.setKind('Any kind');
    await list.setStatus('Disabled');
    expect(await list.names()).toEqual(expect.arrayContaining(['Old deploy token', 'Retired DNS reader']));
    await list.setStatus('Any status');
    await list.toggle('No IP filter');
    expect(await list.names()).not.toContain('Office analytics');
    await list.clearFilters();

    await list.sortBy('Name');
    const descending = await list.names();
    expect(descending[0]?.localeCompare(descending[descending.length - 1] ?? '')).toBeGreaterThan(0);
    await list.sortBy('Name');

    // The list reads the allow + deny pair as the exclusion it is; the excluded zone still finds it.
    const excluding = 'Acme zones except internal';
    await list.searchFor('acme-internal');
    expect(await list.names()).toEqual([excluding]);
    expect((await list.cellText(excluding, 'col-permissions')).split(', ').sort()).toEqual([
      'DNS Read',
      'Zone Read',
    ]);
    expect(await list.cellText(excluding, 'col-resources')).toBe(
      'all zones in account Acme Corp except zone acme-internal.org',
    );
    await list.clearSearch();

    await list.open(excluding);
    const access = await detail.panel.getByRole('region', { name: 'Access' }).innerText();
    expect(access).toContain('Exclude');
    expect(access).toContain('acme-internal.org');
    await expectAccessible('token detail');
    await saveThemedScreenshots(app.page, 'story-05-token-detail');

    // Edit opens on the token's exact draft from main: the exclusion is there to change.
    await detail.edit();
    const editor = new WizardPage(app.page);
    await editor.dialog.getByTestId('wizard-access').waitFor();
    expect(
      await editor.dialog
        .getByRole('combobox', { name: 'Include or exclude (Policy 1, resource 2)' })
        .inputValue(),
    ).toBe('exclude');
    await editor.dialog.getByRole('button', { name: 'Cancel' }).click();
    await editor.dialog.waitFor({ state: 'detached' });
    await detail.close();
  });

  it('keeps working from the cache while Cloudflare cannot be reached', async () => {
    await sim.stop();
    await status.sync();
    await status.offlineBadge().waitFor();
    expect(await status.offlineBadge().innerText()).toMatch(/Showing cached data from \d{1,2}:\d{2}/u);
    await list.searchFor('dns');
    expect((await list.names()).length).toBeGreaterThan(0);
    await list.clearSearch();
    await list.open('Edit DNS acme.com');
    expect(await detail.unavailableReason('Roll')).toBe('Cloudflare cannot be reached: showing cached data');
    await saveThemedScreenshots(app.page, 'story-06-offline');
    await detail.close();

    await sim.restart();
    await status.sync();
    await expect.poll(() => status.offlineBadge().count()).toBe(0);
  });

  it('creates a token from a template and shows its secret once', async () => {
    const wizard = new WizardPage(app.page);
    await wizard.openWithShortcut();
    await wizard.dialog.locator('.template-card:not(.template-card-loading)').nth(3).waitFor();
    await expectAccessible('wizard templates');
    await saveThemedScreenshots(app.page, 'story-07-wizard-templates');
    await wizard.chooseTemplate('Edit Zone DNS');
    await wizard.name(tokenName);
    await wizard.addResource(1);
    await wizard.chooseResource(1, 'acme.com');
    await expectAccessible('wizard access');
    await saveThemedScreenshots(app.page, 'story-08-wizard-access');
    await wizard.continue();
    await wizard.expiresIn('30 days');
    await saveThemedScreenshots(app.page, 'story-09-wizard-limits');
    await wizard.review();
    // The expiry day as the browser's locale writes it.
    expect(await wizard.summary()).toMatch(/^DNS Write on zone acme\.com; expires \S.*\d{4}$/u);
    expect(await wizard.body()).toContain(`"name": "${tokenName}"`);
    await expectAccessible('wizard review');
    await saveThemedScreenshots(app.page, 'story-10-wizard-review');
    await wizard.create();
    created = await wizard.secret();
    secretsUsed.push(created);
    expect(created).toMatch(/^cfut_/u);
    expect(await wizard.keychainNote()).toContain('Kept in the keychain');
    await expectAccessible('show-once secret');
    await saveThemedScreenshots(app.page, 'story-11-secret-once');
    await wizard.done();
    // Shown once: the secret is nowhere on the page any more.
    expect((await pageStorageText(app.page)).dom).not.toContain(created);
    expect(await verifyDirectly(created)).toBe(200);
  });

  it('verifies the new token as active and copies the exact curl command', async () => {
    await detail.panel.getByRole('heading', { level: 2, name: tokenName }).waitFor();
    expect(await detail.verify()).toContain('Verify: Active');
    await expect.poll(() => detail.lastVerify()).toContain('Cloudflare says this token is active');
    await expect.poll(() => list.cellText(tokenName, 'col-verify')).toContain('Active');

    await detail.copyCurl('With the secret');
    await shell.lastToast(/Curl command copied — clears in \d+ s/u);
    const clipboard = app.clipboard;
    expect(clipboard).not.toBeNull();
    expect(clipboard?.current()).toBe(
      `curl "${sim.baseUrl}/user/tokens/verify" -H "Authorization: Bearer ${created}"`,
    );
    await detail.copyCurl('With $CLOUDFLARE_API_TOKEN');
    await expect
      .poll(() => clipboard?.current())
      .toBe(`curl "${sim.baseUrl}/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`);
    await saveThemedScreenshots(app.page, 'story-12-verified-copied');
  });

  it('rolls: the old secret stops working and the new one verifies', async () => {
    rolled = await detail.roll();
    secretsUsed.push(rolled);
    expect(rolled).not.toBe(created);
    expect(await verifyDirectly(created)).toBe(401);
    expect(await verifyDirectly(rolled)).toBe(200);
    expect(await detail.verify()).toContain('Verify: Active');
  });

  it('disables the token, and verify then says disabled', async () => {
    await detail.setEnabled(false);
    expect(await detail.verify()).toContain('Verify: Disabled');
    await expect.poll(() => list.cellText(tokenName, 'col-status')).toContain('Disabled');
  });

  it('deletes the token after the name is typed', async () => {
    await detail.delete(tokenName);
    await list.row(tokenName).waitFor({ state: 'detached' });
    expect(await verifyDirectly(rolled)).toBe(401);
  });

  it('shows the profile and settings screens', async () => {
    await shell.dismissToasts();
    await shell.openProfile('Alice');
    const profile = new ProfilePage(app.page);
    expect(await profile.capabilities()).toContain('Acme Corp');
    await expectAccessible('profile dialog');
    await saveThemedScreenshots(app.page, 'story-13-profile');
    await profile.close();
    await shell.openSettings();
    const settings = new SettingsPage(app.page);
    await expectAccessible('settings');
    await saveThemedScreenshots(app.page, 'story-14-settings');
    await settings.close();
  });

  it('never left a secret where it does not belong', async () => {
    expect(secretsUsed).toHaveLength(3);
    const { storage, dom } = await pageStorageText(app.page);
    for (const secret of secretsUsed) {
      expect(storage.includes(secret)).toBe(false);
      expect(dom.includes(secret)).toBe(false);
    }
    expect(scanReplies(app.replies, secretsUsed)).toEqual([]);
    // The show-once replies did carry the two token secrets, and only they did.
    const showOnce = app.replies.filter((r) => r.channel === 'tokens.create' || r.channel === 'tokens.roll');
    expect(
      showOnce.map(
        (r) => JSON.stringify(r.reply).includes(created) || JSON.stringify(r.reply).includes(rolled),
      ),
    ).toEqual([true, true]);
    await app.close();
    expect(scanDataDir(app.dataDir, secretsUsed)).toEqual([]);
  });
});
