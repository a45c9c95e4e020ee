import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NOW, IDS, syncStatus } from '../../fixtures/renderer/fixtures';
import { AppWindow } from '../pages/app-window';
import type { RenderAppOptions } from '../support/render-app';
import { msg } from '../../../src/shared/i18n/message';

const NO_TRAY =
  'This desktop (GNOME) shows no tray icons without an extension such as “AppIndicator and KStatusNotifierItem Support”, so Keyflare quits when its window is closed. Restart Keyflare after adding one.';

/** An ISO time on FIXTURE_NOW's day at this local clock time. */
const at = (hours: number, minutes: number): string => {
  const date = new Date(FIXTURE_NOW);
  date.setHours(hours, minutes, 0, 0);
  return date.toISOString();
};

async function openBackgroundSettings(options: RenderAppOptions = {}) {
  const app = await AppWindow.open({
    channels: ['settings.update', 'keychain.entries', ...(options.channels ?? [])],
    ...options,
  });
  const settings = await app.openSettings();
  const section = within(await settings.backgroundSection());
  return { user: app.user, mock: app.mock, section };
}

describe('settings → in the background', () => {
  it('keeps running in the tray, starts at login and syncs on a schedule, as the user sets them', async () => {
    const { user, mock, section } = await openBackgroundSettings();
    const tray = section.getByRole('checkbox', {
      name: /Keep running in the tray when the window is closed/u,
    });
    const login = section.getByRole('checkbox', { name: /Start Keyflare when you log in/u });
    const every = section.getByLabelText('Sync every profile automatically');
    expect(tray).toBeChecked();
    expect(login).not.toBeChecked();
    expect(every).toHaveDisplayValue('Every 6 hours');
    expect(section.getByText(/starts hidden in the tray/u)).toBeInTheDocument();

    await user.click(tray);
    await user.click(login);
    await user.selectOptions(every, 'Every 12 hours');
    await user.selectOptions(every, 'Off');
    await waitFor(() =>
      expect(mock.callsOf('settings.update')).toEqual([
        { keepInTray: false },
        { launchAtLogin: true },
        { syncEveryHours: 12 },
        { syncEveryHours: 0 },
      ]),
    );
    expect(tray).not.toBeChecked();
    expect(login).toBeChecked();
    expect(section.queryByTestId('no-tray-note')).not.toBeInTheDocument();
  });

  it('says plainly when the desktop has no tray, and offers no tray setting', async () => {
    const { section } = await openBackgroundSettings({
      info: {
        background: {
          tray: false,
          trayUnavailableReason: msg('notifications.background.noTrayGnome'),
          launchAtLogin: true,
          launchAtLoginUnavailableReason: null,
        },
      },
    });
    const tray = section.getByRole('checkbox', { name: /Keep running in the tray/u });
    expect(tray).toBeDisabled();
    expect(tray).not.toBeChecked();
    expect(section.getByTestId('no-tray-note')).toHaveTextContent(NO_TRAY);
    expect(section.getByText(/opens its window: this desktop has no tray/u)).toBeInTheDocument();
  });

  it('says why a copy run from source cannot start at login', async () => {
    const reason =
      'Launch at login is set by an installed Keyflare; this copy runs from source, so it adds nothing to your system.';
    const { section } = await openBackgroundSettings({
      info: {
        background: {
          tray: true,
          trayUnavailableReason: null,
          launchAtLogin: false,
          launchAtLoginUnavailableReason: msg('notifications.background.fromSource'),
        },
      },
    });
    expect(section.getByRole('checkbox', { name: /Start Keyflare when you log in/u })).toBeDisabled();
    expect(section.getByTestId('no-login-item-note')).toHaveTextContent(reason);
  });

  it('shows what the system refused and leaves the setting as it was', async () => {
    const refusal =
      'Keyflare could not add itself to the programs your system starts at login. The autostart entry /home/alex/.config/autostart/keyflare.desktop could not be written: permission denied. The setting was not changed.';
    const { user, section } = await openBackgroundSettings({
      before: (mock) => mock.fail('settings.update', 'INTERNAL', refusal),
    });
    const login = section.getByRole('checkbox', { name: /Start Keyflare when you log in/u });
    await user.click(login);
    expect(await section.findByRole('alert')).toHaveTextContent(refusal);
    expect(login).not.toBeChecked();
  });
});

describe('status bar → next scheduled sync', () => {
  it('shows the soonest next run of the profiles shown, each in the tooltip', async () => {
    const app = await AppWindow.open({
      before: (mock) =>
        mock.answer('sync.status', [
          syncStatus(IDS.personal, { nextSyncAt: at(19, 40) }),
          syncStatus(IDS.acme, { nextSyncAt: at(16, 5) }),
          syncStatus(IDS.globex, { nextSyncAt: null }),
        ]),
    });
    const next = app.statusBar.nextSync();
    expect(next).toHaveTextContent('Next sync 16:05');
    expect(next).toHaveAttribute('title', 'Next scheduled sync: Acme Corp 16:05, Personal 19:40');
  });

  it('shows nothing when the scheduled sync is off', async () => {
    const app = await AppWindow.open({ settings: { syncEveryHours: 0 } });
    expect(app.statusBar.nextSync()).not.toBeInTheDocument();
  });

  it('is read again when the interval changes in the settings, and goes at Off', async () => {
    const app = await AppWindow.open({ channels: ['settings.update', 'keychain.entries'] });
    expect(app.statusBar.nextSync()).toBeInTheDocument();
    const reads = app.mock.callsOf('sync.status').length;
    const settings = await app.openSettings();
    await settings.syncEvery('Every 24 hours');
    await waitFor(() => expect(app.mock.callsOf('sync.status').length).toBe(reads + 1));
    await settings.syncEvery('Off');
    await waitFor(() => expect(app.statusBar.nextSync()).not.toBeInTheDocument());
  });
});
