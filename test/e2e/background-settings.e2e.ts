/**
 * The settings' "In the background" section and the status bar's next scheduled sync, in the
 * built renderer (demo data), light and dark: with a tray, and on a desktop without one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BackgroundSupport } from '../../src/shared/domain';
import { createDemoBackend, type DemoOptions } from '../fixtures/renderer/demo-backend';
import { AppPage } from './pages/app-page';
import { saveThemedScreenshots } from './support/screenshots';
import { launchStub, type StubApp, type StubHandler } from './support/stub-harness';
import { msg } from '../../src/shared/i18n/message';

const opened: StubApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

async function open(options: DemoOptions = {}): Promise<StubApp> {
  const backend = createDemoBackend({ now: () => new Date(), ...options });
  const app = await launchStub({
    handlers: backend as unknown as Record<string, StubHandler>,
    colorScheme: 'light',
  });
  opened.push(app);
  await new AppPage(app.page).waitUntilLoaded();
  return app;
}

async function showBackgroundSection(app: StubApp): Promise<void> {
  await new AppPage(app.page).openSettings();
  const section = app.page.getByTestId('background-section');
  await section.scrollIntoViewIfNeeded();
  await section.getByLabel('Sync every profile automatically').waitFor();
}

describe('background settings (screenshots)', () => {
  it('with a tray: keep running, start at login, sync every 6 hours; the status bar shows the next run', async () => {
    const app = await open({ settings: { launchAtLogin: true } });
    await expect.poll(() => app.page.getByTestId('next-sync').textContent()).toMatch(/^Next sync /u);
    await showBackgroundSection(app);
    const section = app.page.getByTestId('background-section');
    expect(await section.getByRole('checkbox', { name: /Keep running in the tray/u }).isChecked()).toBe(true);
    await saveThemedScreenshots(app.page, '10b-settings-background');
  });

  it('on a desktop without a tray: the reason, in plain words', async () => {
    const noTray: BackgroundSupport = {
      tray: false,
      trayUnavailableReason: msg('notifications.background.noTrayGnome'),
      launchAtLogin: true,
      launchAtLoginUnavailableReason: null,
    };
    const app = await open({ info: { background: noTray } });
    await showBackgroundSection(app);
    const note = app.page.getByTestId('no-tray-note');
    expect(await note.textContent()).toContain('shows no tray icons');
    expect(await app.page.getByRole('checkbox', { name: /Keep running in the tray/u }).isDisabled()).toBe(
      true,
    );
    await saveThemedScreenshots(app.page, '10c-settings-no-tray');
  });
});
