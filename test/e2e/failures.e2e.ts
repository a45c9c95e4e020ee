/**
 * When things go wrong: a credential Cloudflare rejects, a rate-limited login, a keychain that
 * fails every call, and a roll whose answer is lost (damaged data files: data-folder.e2e.ts). Each runs against the
 * simulator and the real core; each says what happened and what to do, in plain words.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import { AddProfilePage } from './pages/add-profile-page';
import { AppPage } from './pages/app-page';
import { StatusBarPage } from './pages/status-bar-page';
import { TokenDetailPage } from './pages/token-detail-page';
import { TokenListPage } from './pages/token-list-page';
import { seriousAxeViolations } from './support/axe';
import { addAlice, useScenario } from './support/scenario';
import { saveThemedScreenshots } from './support/screenshots';
import { scanDataDir } from './support/secret-scan';

const { simulator, launch } = useScenario();

// These inject core options (a failing secret store) and read recorded replies: Chromium harness only.
const inProcessCore = process.env['KEYFLARE_E2E_ELECTRON'] !== '1';

describe.skipIf(!inProcessCore)('when things go wrong', () => {
  it('explains a credential Cloudflare rejects, and keeps nothing of it', async () => {
    const sim = await simulator();
    const app = await launch();
    const wrong = `cfut_${'Wr0ngWr0ngWr0ngWr0ngWr0ngWr0ngWr0ngWr0ng'}`;
    await new AppPage(app.page).openAddProfile();
    const add = new AddProfilePage(app.page);
    await add.fill({ label: 'Typo', secret: wrong, baseUrl: sim.baseUrl });
    await add.submit();
    const alert = add.error();
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Cloudflare did not accept this login’s credential');
    expect(await add.secretValue()).toBe('');
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await saveThemedScreenshots(app.page, 'failure-wrong-credential');
    await add.cancel();
    expect(await app.page.getByRole('heading', { name: 'Welcome to Keyflare' }).isVisible()).toBe(true);
    await app.close();
    expect(scanDataDir(app.dataDir, [wrong])).toEqual([]);
  });

  it('says until when Cloudflare rate-limits a login, and blocks calls until then', async () => {
    const sim = await simulator();
    const app = await launch();
    await addAlice(app, sim);
    sim.control.setRateLimit({ limit: 2, windowMs: 5 * 60_000 });
    const status = new StatusBarPage(app.page);
    await status.startSync();
    // Promptly, while the sync waits the block out rather than hammering Cloudflare.
    await status.rateLimitBadge().waitFor({ timeout: 10_000 });
    expect(await status.rateLimitBadge().innerText()).toMatch(/^Rate-limited until \d{1,2}:\d{2}/u);
    const requestsDuringBlock = sim.control.requestLog().length;
    await status.cancelSync();
    expect(sim.control.requestLog().length - requestsDuringBlock).toBeLessThanOrEqual(1);
    const list = new TokenListPage(app.page);
    await list.open('Edit DNS acme.com');
    expect(await new TokenDetailPage(app.page).unavailableReason('Roll')).toMatch(
      /^Cloudflare is rate-limiting this login until \d{1,2}:\d{2}/u,
    );
    await saveThemedScreenshots(app.page, 'failure-rate-limited');
    sim.control.resetRateLimits();
  });

  it('says the keychain is unavailable and how to fix it, and writes the credential nowhere', async () => {
    const sim = await simulator();
    const secrets = createMemoryStore();
    secrets.setAvailable(false);
    const app = await launch({ core: { secrets } });
    const shell = new AppPage(app.page);
    const banner = shell.banner('keychain-banner');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(
      /The system keychain is unavailable[\s\S]*GNOME Keyring or KWallet/u,
    );
    const credential = sim.credential('alice-manager').secret;
    await shell.openAddProfile();
    const add = new AddProfilePage(app.page);
    // The dialog says so before anything is typed, and refuses to send a credential it could not keep.
    await add.error().waitFor();
    expect(await add.error().innerText()).toContain('The system keychain is unavailable');
    await add.fill({ label: 'Alice', secret: credential, baseUrl: sim.baseUrl });
    expect(await add.submitUnavailableReason()).toMatch(/keychain is unavailable/u);
    await add.pressEnter();
    expect(app.replies.filter((r) => r.channel === 'profiles.add')).toEqual([]);
    expect(await seriousAxeViolations(app.page)).toEqual([]);
    await saveThemedScreenshots(app.page, 'failure-keychain-unavailable');
    await app.close();
    expect(scanDataDir(app.dataDir, [credential])).toEqual([]);
    expect(secrets.entries().size).toBe(0);
  });

  it('adopts a secret, and says a roll may have happened when its answer is lost', async () => {
    const sim = await simulator();
    const app = await launch();
    await addAlice(app, sim);
    const list = new TokenListPage(app.page);
    const detail = new TokenDetailPage(app.page);
    await list.open('Edit DNS acme.com');
    expect(await detail.unavailableReason('Verify')).toBe(
      'Keyflare does not hold this token’s secret: adopt it first',
    );
    await detail.adopt(sim.credential('alice-dns-acme').secret);
    await expect.poll(() => detail.unavailableReason('Verify')).toBeNull();
    expect(await detail.verify()).toContain('Verify: Active');

    sim.control.injectFault({ kind: 'reset', method: 'PUT', path: '/user/tokens/*/value', phase: 'after' });
    const dialog = await detail.startRoll();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('The roll may have happened: verify to check');
    await saveThemedScreenshots(app.page, 'failure-uncertain-roll');
    // The roll did happen on Cloudflare, and Keyflare did not send it a second time.
    const rolls = sim.control
      .requestLog()
      .filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/value'));
    expect(rolls).toHaveLength(1);
  });
});
