/**
 * The sandbox, end to end: a first start without a Cloudflare login explores the sample data from
 * the welcome screen, goes through create -> verify -> copy curl -> roll -> disable -> delete
 * against the built-in simulator (no port, nothing sent anywhere), and leaves. Adding a real login
 * is not offered inside. Nothing was written under the real
 * keychain service and no file of the real data folder changed; the sandbox's folder and keychain
 * entries are gone. Screenshots of the welcome screen and the banner, light and dark.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_KEYCHAIN_SERVICE } from '../../src/main/core/sandbox/sandbox-host';
import { createKeytarStore } from '../../src/main/core/secrets/keytar-store';
import { SECRET_SERVICE } from '../../src/main/core/secrets/secret-store';
import { SANDBOX_CURL_NOTE } from '../../src/shared/curl';
import { AppPage } from './pages/app-page';
import { SandboxPage } from './pages/sandbox-page';
import { SettingsPage } from './pages/settings-page';
import { TokenDetailPage } from './pages/token-detail-page';
import { TokenListPage } from './pages/token-list-page';
import { WizardPage } from './pages/wizard-page';
import { seriousAxeViolations } from './support/axe';
import { launchKeyflare, type KeyflareApp } from './support/harness';
import { saveThemedScreenshots } from './support/screenshots';
import { filesOutsideSandbox } from '../support/data-folder-files';

const realKeychain = createKeytarStore({ service: SECRET_SERVICE });
const sandboxKeychain = createKeytarStore({ service: SANDBOX_KEYCHAIN_SERVICE });

// The story reads the in-process core's clipboard port: Chromium harness only.
const inProcessCore = process.env['KEYFLARE_E2E_ELECTRON'] !== '1';
let app: KeyflareApp;

beforeAll(async () => {
  if (!inProcessCore) return;
  app = await launchKeyflare();
});

afterAll(async () => {
  await app?.close();
});

describe.skipIf(!inProcessCore)('trying Keyflare in the sandbox', () => {
  let shell: AppPage;
  let sandbox: SandboxPage;
  let list: TokenListPage;
  let detail: TokenDetailPage;
  let entriesBefore: string[] = [];
  let filesBefore: Record<string, string> = {};
  const tokenName = 'Sandbox DNS bot (e2e)';
  let created = '';

  it('offers sample data on the welcome screen', async () => {
    shell = new AppPage(app.page);
    sandbox = new SandboxPage(app.page);
    list = new TokenListPage(app.page);
    detail = new TokenDetailPage(app.page);
    await shell.waitUntilLoaded();
    await app.page.getByRole('heading', { name: 'Welcome to Keyflare' }).waitFor();
    expect(await app.page.getByRole('button', { name: 'Explore with sample data' }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await saveThemedScreenshots(app.page, 'sandbox-01-welcome');
    entriesBefore = await realKeychain.list('');
    filesBefore = filesOutsideSandbox(app.dataDir);
  });

  it('enters from the welcome screen onto synced sample logins, under a banner', async () => {
    await sandbox.enterFromWelcome();
    expect(await sandbox.banner.innerText()).toContain('Sandbox: sample data, nothing reaches Cloudflare');
    await list.waitForRow('Keyflare manager (alice)');
    expect((await list.names()).length).toBeGreaterThan(5);
    expect(await sandboxKeychain.list('profile:')).toHaveLength(3);
    expect(await realKeychain.list('')).toEqual(entriesBefore);
    // No real login can be added here: the sidebar's button is disabled and says why.
    const add = shell.sidebar.getByRole('button', { name: 'Add profile' });
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    expect(await add.getAttribute('title')).toBe(
      'The sandbox holds sample logins only. Leave the sandbox to add your own Cloudflare login.',
    );
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await saveThemedScreenshots(app.page, 'sandbox-02-banner');
  });

  it('creates a token from a template and shows its secret once', async () => {
    const wizard = new WizardPage(app.page);
    await wizard.openWithShortcut();
    await wizard.chooseTemplate('Edit Zone DNS');
    await wizard.name(tokenName);
    await wizard.addResource(1);
    await wizard.chooseResource(1, 'acme.com');
    await wizard.continue();
    await wizard.review();
    await wizard.create();
    created = await wizard.secret();
    expect(created).toMatch(/^cfut_/u);
    await saveThemedScreenshots(app.page, 'sandbox-03-secret-once');
    await wizard.done();
  });

  it('verifies it, and the copied curl command says it is a sample of the sandbox', async () => {
    await detail.panel.getByRole('heading', { level: 2, name: tokenName }).waitFor();
    expect(await detail.verify()).toContain('Verify: Active');
    await detail.copyCurl('With $CLOUDFLARE_API_TOKEN');
    await expect
      .poll(() => app.clipboard?.current())
      .toBe(
        `${SANDBOX_CURL_NOTE}\ncurl "https://sandbox.keyflare.invalid/client/v4/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`,
      );
  });

  it('rolls it: a new secret that verifies', async () => {
    const rolled = await detail.roll();
    expect(rolled).toMatch(/^cfut_/u);
    expect(rolled).not.toBe(created);
    expect(await detail.verify()).toContain('Verify: Active');
    // The kept secrets went to the sandbox's service; the real one has not changed, and every
    // file the sandbox wrote is inside its own folder.
    expect(await realKeychain.list('')).toEqual(entriesBefore);
    expect(await sandboxKeychain.list('token:')).not.toEqual([]);
    expect(filesOutsideSandbox(app.dataDir)).toEqual(filesBefore);
  });

  it('disables it, then deletes it: gone from the list and from the sandbox keychain', async () => {
    await shell.dismissToasts();
    const keptBefore = await sandboxKeychain.list('token:');
    await detail.setEnabled(false);
    await detail.delete(tokenName);
    await expect.poll(async () => (await list.names()).includes(tokenName)).toBe(false);
    const keptAfter = await sandboxKeychain.list('token:');
    expect(keptBefore.filter((entry) => !keptAfter.includes(entry))).toHaveLength(1);
    expect(keptAfter.every((entry) => keptBefore.includes(entry))).toBe(true);
    expect(await realKeychain.list('')).toEqual(entriesBefore);
    expect(filesOutsideSandbox(app.dataDir)).toEqual(filesBefore);
  });

  it('Settings says the window is in the sandbox and offers the way out there too', async () => {
    await shell.dismissToasts();
    await shell.openSettings();
    const settings = new SettingsPage(app.page);
    const section = settings.dialog.getByTestId('sandbox-settings');
    expect(await section.innerText()).toContain('You are in the sandbox');
    await section.scrollIntoViewIfNeeded();
    await saveThemedScreenshots(app.page, 'sandbox-04-settings');
    await settings.close();
  });

  it('leaves: the welcome screen again, the sandbox gone, the real data folder and keychain untouched', async () => {
    await shell.dismissToasts();
    await sandbox.leave();
    expect(await sandbox.banner.count()).toBe(0);
    expect(await app.page.getByRole('heading', { name: 'Welcome to Keyflare' }).isVisible()).toBe(true);
    expect(fs.existsSync(path.join(app.dataDir, 'sandbox'))).toBe(false);
    expect(await sandboxKeychain.list('')).toEqual([]);
    expect(await realKeychain.list('')).toEqual(entriesBefore);
    expect(filesOutsideSandbox(app.dataDir)).toEqual(filesBefore);
  });
});
