/**
 * The data folder through the window: a released single-file folder upgrades in place, a folder
 * from a newer Keyflare is refused untouched, a damaged cache is rebuilt by a sync with the
 * profiles intact, and a damaged profile list is recovered from the keychain by re-attaching.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME, PROFILE_STORE_FILE_NAME } from '../../src/main/core/db/data-files';
import { encodeCredential } from '../../src/main/core/secrets/credential';
import { createMemoryStore, type MemoryStore } from '../../src/main/core/secrets/memory-store';
import type { Simulator } from '../../src/sandbox';
import { AppPage } from './pages/app-page';
import { SettingsPage } from './pages/settings-page';
import { StatusBarPage } from './pages/status-bar-page';
import { TokenListPage } from './pages/token-list-page';
import { seriousAxeViolations } from './support/axe';
import { makeDataDir, type KeyflareApp } from './support/harness';
import { addAlice, useScenario } from './support/scenario';
import { saveThemedScreenshots } from './support/screenshots';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/data-folders/schema-3');

const scenario = useScenario();

function launch(dataDir: string, secrets: MemoryStore): Promise<KeyflareApp> {
  return scenario.launch({ dataDir, core: { secrets } });
}

/** A folder where Alice was added and synced through the window; the app is closed again. */
async function folderWithAlice(sim: Simulator, secrets: MemoryStore): Promise<string> {
  const dataDir = makeDataDir();
  const app = await launch(dataDir, secrets);
  await addAlice(app, sim);
  await app.close();
  return dataDir;
}

function damage(dataDir: string, fileName: string): void {
  for (const suffix of ['-wal', '-shm'])
    fs.rmSync(path.join(dataDir, `${fileName}${suffix}`), { force: true });
  fs.writeFileSync(path.join(dataDir, fileName), crypto.randomBytes(16 * 1024));
}

// These inject core options (an in-memory keychain kept across restarts): Chromium harness only.
const inProcessCore = process.env['KEYFLARE_E2E_ELECTRON'] !== '1';

describe.skipIf(!inProcessCore)('the data folder', () => {
  it('upgrades a folder of the released single-file layout in place, offline', async () => {
    const dataDir = makeDataDir();
    fs.copyFileSync(path.join(FIXTURE, CACHE_FILE_NAME), path.join(dataDir, CACHE_FILE_NAME));
    const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'fixture.json'), 'utf8')) as {
      profiles: { profileId: string }[];
    };
    const secrets = createMemoryStore();
    for (const { profileId } of fixture.profiles)
      await secrets.set(
        `profile:${profileId}`,
        encodeCredential({ kind: 'user_token', token: 'cfut_unused' }),
      );
    const app = await launch(dataDir, secrets);
    const shell = new AppPage(app.page);
    const list = new TokenListPage(app.page);
    // The fixture's simulator is long gone: everything shown comes from the upgraded files.
    await list.waitForRow('Edit DNS acme.com');
    await shell.sidebar.getByText('Alice (personal, renamed)').waitFor();
    expect((await list.names()).length).toBeGreaterThan(5);
    await expect(shell.banner('data-banner-cache').count()).resolves.toBe(0);
    await expect(shell.banner('data-banner-profiles').count()).resolves.toBe(0);
    await app.close();
    expect(fs.existsSync(path.join(dataDir, PROFILE_STORE_FILE_NAME))).toBe(true);
    expect([...secrets.entries().keys()]).toHaveLength(fixture.profiles.length);
  });

  it('refuses a folder from a newer Keyflare and leaves its files byte for byte', async () => {
    const dataDir = makeDataDir();
    const file = path.join(dataDir, PROFILE_STORE_FILE_NAME);
    const newer = new Database(file);
    newer.pragma('journal_mode = DELETE');
    newer.exec('CREATE TABLE profiles_v9 (id TEXT)');
    newer.pragma('user_version = 99');
    newer.close();
    const before = fs.readFileSync(file);
    const app = await launch(dataDir, createMemoryStore());
    const banner = new AppPage(app.page).banner('data-banner-profiles');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(/written by a newer Keyflare[\s\S]*will not modify it/u);
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await saveThemedScreenshots(app.page, 'data-folder-newer');
    await app.close();
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(dataDir).filter((name) => name.endsWith('.sqlite'))).toEqual([
      PROFILE_STORE_FILE_NAME,
    ]);
  });

  it('a damaged cache: the profiles stay, the banner says so, and Sync now brings the tokens back', async () => {
    const sim = await scenario.simulator();
    const secrets = createMemoryStore();
    const dataDir = await folderWithAlice(sim, secrets);
    damage(dataDir, CACHE_FILE_NAME);
    const app = await launch(dataDir, secrets);
    const shell = new AppPage(app.page);
    const banner = shell.banner('data-banner-cache');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('Keyflare’s token cache could not be read');
    expect(text).toContain('Your profiles, settings and history are intact');
    const moved = fs.readdirSync(dataDir).filter((n) => n.startsWith(`${CACHE_FILE_NAME}.corrupt-`));
    expect(moved.some((name) => text.includes(name))).toBe(true);
    await shell.sidebar.getByText('Alice').first().waitFor();
    await saveThemedScreenshots(app.page, 'data-folder-cache-moved');
    await banner.getByRole('button', { name: 'Sync now' }).click();
    await new TokenListPage(app.page).waitForRow('Keyflare manager (alice)');
  });

  it('a damaged profile list: the keychain’s credential is re-attached as Alice and her tokens come back', async () => {
    const sim = await scenario.simulator();
    const secrets = createMemoryStore();
    const dataDir = await folderWithAlice(sim, secrets);
    const keychainBefore = [...secrets.entries().keys()];
    damage(dataDir, PROFILE_STORE_FILE_NAME);
    const app = await launch(dataDir, secrets);
    const shell = new AppPage(app.page);
    const banner = shell.banner('data-banner-profiles');
    await banner.waitFor();
    expect(await banner.innerText()).toContain('Nothing was deleted from the keychain');
    await app.page.getByRole('heading', { name: 'Welcome to Keyflare' }).waitFor();
    expect([...secrets.entries().keys()]).toEqual(keychainBefore);
    await saveThemedScreenshots(app.page, 'data-folder-profiles-moved');

    await banner.getByRole('button', { name: 'Open keychain entries' }).click();
    const settings = new SettingsPage(app.page);
    await settings.keychainEntries().first().waitFor();
    expect(await settings.keychainEntries().count()).toBe(1);
    expect(await settings.keychainEntries().first().innerText()).toContain(
      'Login credential (user API token)',
    );
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await saveThemedScreenshots(app.page, 'settings-keychain-entries');
    await settings.reattach(0, 'Alice (re-attached)', sim.baseUrl);
    await app.page
      .getByTestId('keychain-section')
      .getByText(/Every credential and secret/u)
      .waitFor();
    await settings.close();
    await shell.sidebar.getByText('Alice (re-attached)').first().waitFor();
    await new StatusBarPage(app.page).sync();
    await new TokenListPage(app.page).waitForRow('Keyflare manager (alice)');
  });
});
