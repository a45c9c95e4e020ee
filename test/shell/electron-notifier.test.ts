/**
 * The shell's ports for reminders and reports, with a mocked `electron`: a reminder becomes a
 * native notification whose click opens the Health view, the badge goes to app.setBadgeCount,
 * and the report's save dialog is the window's, proposing Documents and asking before overwriting.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = () => void;

const electron = vi.hoisted(() => {
  class FakeNotification {
    static supported = true;
    static created: FakeNotification[] = [];
    static isSupported(): boolean {
      return FakeNotification.supported;
    }
    readonly listeners = new Map<string, Listener>();
    shown = false;
    constructor(readonly options: { title: string; body: string; icon?: string }) {
      FakeNotification.created.push(this);
    }
    on(event: string, listener: Listener): this {
      this.listeners.set(event, listener);
      return this;
    }
    show(): void {
      this.shown = true;
    }
  }
  return {
    FakeNotification,
    app: { setBadgeCount: vi.fn(() => true), getPath: vi.fn(() => '/home/jo/Documents') },
    dialog: {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/home/jo/Documents/r.md' })),
    },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  dialog: electron.dialog,
  Notification: electron.FakeNotification,
}));

const { createElectronNotifier } = await import('../../src/main/electron/notifier');
const { createElectronSaveDialog } = await import('../../src/main/electron/save-dialog');

beforeEach(() => {
  electron.FakeNotification.created = [];
  electron.FakeNotification.supported = true;
  vi.clearAllMocks();
});

describe('the notifier', () => {
  it('shows a native notification whose click opens the Health view', () => {
    const onClick = vi.fn();
    const notifier = createElectronNotifier({ onClick, iconPath: '/app/icon.png' });
    expect(notifier.show({ title: 'CI deploy expires in 3 days', body: 'Work: extend it.' })).toBe(true);
    const [shown] = electron.FakeNotification.created;
    expect(shown?.options).toEqual({
      title: 'CI deploy expires in 3 days',
      body: 'Work: extend it.',
      icon: '/app/icon.png',
    });
    expect(shown?.shown).toBe(true);
    expect(onClick).not.toHaveBeenCalled();
    shown?.listeners.get('click')?.();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('shows nothing where the desktop has no notifications', () => {
    electron.FakeNotification.supported = false;
    expect(createElectronNotifier({ onClick: vi.fn() }).show({ title: 't', body: 'b' })).toBe(false);
    expect(electron.FakeNotification.created).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('sets the badge count on the app icon', () => {
    createElectronNotifier({ onClick: vi.fn() }).setBadgeCount(4);
    expect(electron.app.setBadgeCount).toHaveBeenCalledWith(4);
  });
});

describe('the save dialog', () => {
  it('asks on the Keyflare window, in Documents, before overwriting, and answers the chosen path', async () => {
    const window = { id: 1 };
    const port = createElectronSaveDialog(() => window as never);
    await expect(
      port.choose({
        title: 'Save',
        defaultName: 'keyflare-report-2026-03-10.md',
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      }),
    ).resolves.toBe('/home/jo/Documents/r.md');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      title: 'Save',
      defaultPath: '/home/jo/Documents/keyflare-report-2026-03-10.md',
      filters: [{ name: 'Markdown', extensions: ['md'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('answers null when the user cancels', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(
      createElectronSaveDialog(() => null).choose({ title: 'Save', defaultName: 'r.csv', filters: [] }),
    ).resolves.toBeNull();
  });
});
