/**
 * Access and health, end to end against the simulator's two demo logins (Alice and Bob share
 * Acme Corp), the real core and a real SQLite file: the access explorer answers across both
 * logins -> the Health view lists what needs care -> two tokens are disabled in one bulk action
 * (each write once, Cloudflare agrees) -> a report of the disabled tokens is saved through the
 * save dialog, and holds no secret. Screenshots in light and dark; axe on every screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaveDialogPort } from '../../src/main/core/reports/save-dialog-port';
import { startSimulator, type Simulator } from '../../src/sandbox';
import { AccessHealthPage } from './pages/access-health-page';
import { AddProfilePage } from './pages/add-profile-page';
import { AppPage } from './pages/app-page';
import { TokenListPage } from './pages/token-list-page';
import { seriousAxeViolations } from './support/axe';
import { launchKeyflare, makeDataDir, type KeyflareApp } from './support/harness';
import { saveThemedScreenshots } from './support/screenshots';
import { scanReplies } from './support/secret-scan';

const inProcessCore = process.env['KEYFLARE_E2E_ELECTRON'] !== '1';

let sim: Simulator;
let app: KeyflareApp;
const reportFolder = makeDataDir();
const saved: string[] = [];
const saveDialog: SaveDialogPort = {
  choose: (request) => {
    const file = path.join(reportFolder, request.defaultName);
    saved.push(file);
    return Promise.resolve(file);
  },
};

beforeAll(async () => {
  if (!inProcessCore) return;
  sim = await startSimulator({ scenario: 'demo' });
  app = await launchKeyflare({ core: { saveDialog } });
});

afterAll(async () => {
  await app?.close();
  await sim?.close();
});

async function expectAccessible(where: string): Promise<void> {
  expect(await seriousAxeViolations(app.page), where).toEqual([]);
}

async function addLogin(label: string, credential: string): Promise<void> {
  await new AppPage(app.page).openAddProfile();
  const add = new AddProfilePage(app.page);
  await add.add({ label, secret: sim.credential(credential).secret, baseUrl: sim.baseUrl });
  await add.done();
}

describe.skipIf(!inProcessCore)('who can do what, and what needs care', () => {
  let screens: AccessHealthPage;
  let list: TokenListPage;

  it('answers across both logins who can touch acme.com, write access first', async () => {
    screens = new AccessHealthPage(app.page);
    list = new TokenListPage(app.page);
    await new AppPage(app.page).waitUntilLoaded();
    await addLogin('Alice', 'alice-manager');
    await list.waitForRow('Keyflare manager (alice)');
    await addLogin('Bob', 'bob-manager');
    await list.waitForRow('Keyflare manager (bob)');

    await screens.openAccess();
    const answer = await screens.explore('acme.com');
    expect(await answer.locator('.grant-group').first().getAttribute('aria-label')).toBe('DNS Write');
    expect((await screens.grants('DNS Write')).sort()).toEqual(
      ['Edit DNS acme.com', 'acme.com DNS bot', 'acme.com DNS bot'].sort(),
    );
    const zoneRead = await screens.grants('Zone Read');
    expect(zoneRead).toEqual(expect.arrayContaining(['Keyflare manager (alice)', 'Keyflare manager (bob)']));
    await expectAccessible('access explorer');
    await saveThemedScreenshots(app.page, 'access-01-explorer');

    // The deny policy keeps acme-internal.org out of "Acme zones except internal".
    await screens.explore('acme-internal.org');
    expect(await screens.grants('Zone Read')).not.toContain('Acme zones except internal');
  });

  it('lists every problem across the logins by severity, with its actions', async () => {
    await screens.openHealth();
    const now = await screens.problems('Act now');
    expect(now).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CI token 2024: Expired on (31 Dec 2024|Dec 31, 2024)\.$/u),
      ]),
    );
    const toFix = await screens.problems('To fix');
    expect(toFix.some((p) => p.startsWith('Edit DNS acme.com: '))).toBe(true);
    await expectAccessible('health');
    await saveThemedScreenshots(app.page, 'access-02-health');
  });

  it('disables two tokens in one bulk action, each sent once, with the plan shown first', async () => {
    await new AppPage(app.page).showView('All tokens');
    await list.waitForRow('Edit DNS acme.com');
    await screens.pick('Edit DNS acme.com');
    await screens.pick('Office analytics');
    await screens.pick('Keyflare manager (alice)');
    const summary = await screens.startBulk('Disable');
    expect(summary).toBe('Disable 2 tokens: 2 requests to Cloudflare, each sent once. 1 token is left out.');
    await expect(screens.bulkDialog().innerText()).resolves.toContain('disabling it would lock Keyflare out');
    await expectAccessible('bulk plan');
    await saveThemedScreenshots(app.page, 'access-03-bulk-plan');

    sim.control.resetLog();
    const outcome = await screens.confirmBulk(/^Disable 2 tokens$/u);
    expect(outcome).toContain('2 tokens disabled. 1 token left out.');
    const puts = sim.control.requestLog().filter((e) => e.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(sim.state.token(sim.credential('alice-dns-acme').tokenId ?? '')?.status).toBe('disabled');
    expect(sim.state.token(sim.credential('alice-ip-restricted').tokenId ?? '')?.status).toBe('disabled');
    expect(await screens.bulkDialog().getByRole('button', { name: 'Enable again' }).isVisible()).toBe(true);
    await expectAccessible('bulk outcome');
    await saveThemedScreenshots(app.page, 'access-04-bulk-done');
    await screens.closeBulk();
    await expect.poll(() => list.cellText('Edit DNS acme.com', 'col-status')).toBe('Disabled');
  });

  it('saves a report of the disabled tokens, with no secret in it', async () => {
    await list.setStatus('Disabled');
    await screens.saveReport('Markdown');
    const toast = await new AppPage(app.page).lastToast(/^Report saved as/u);
    expect(toast).toMatch(/^Report saved as keyflare-report-\d{4}-\d{2}-\d{2}\.md: \d+ tokens/u);
    expect(saved).toHaveLength(1);
    const text = fs.readFileSync(saved[0] ?? '', 'utf8');
    expect(text).toContain('Filters: status disabled.');
    expect(text).toMatch(/\| Edit DNS acme\.com \| Alice \|/u);
    expect(text).not.toContain('Keyflare manager (alice)');
    const secrets = sim.credentials.map((c) => c.secret);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(scanReplies(app.replies, secrets)).toEqual([]);
    await saveThemedScreenshots(app.page, 'access-05-report-saved');
  });

  it('sets the health thresholds and reminders in Settings', async () => {
    await new AppPage(app.page).openSettings();
    const section = app.page.getByTestId('health-settings');
    await section.scrollIntoViewIfNeeded();
    await section
      .getByRole('combobox', { name: 'Warn before a token expires' })
      .selectOption({ label: '30 days before' });
    const warnDays = async (): Promise<number | null> => {
      const reply = await app.core?.dispatch('settings.get', {});
      return reply?.ok ? (reply.value as { expiryWarningDays: number }).expiryWarningDays : null;
    };
    await expect.poll(warnDays).toBe(30);
    await expectAccessible('health settings');
    await saveThemedScreenshots(app.page, 'access-06-settings');
  });
});
