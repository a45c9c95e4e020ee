/**
 * The desktop's notifications and badge for the reminders (core/reminders/notifier-port.ts).
 *
 * Electron's Notification shows a native notification where the desktop has a notification
 * service; a click brings the window up at the Health view. Each notification is held until it
 * is clicked or closed: one dropped by the garbage collector would lose its click handler on
 * some platforms. The badge is app.setBadgeCount: the Dock on macOS, the launcher on Linux
 * desktops that show counts (Unity's API); Windows has none there, so the count is skipped.
 */
import { app, Notification } from 'electron';
import type { DesktopNotifier } from '../core/reminders/notifier-port';

export interface NotifierOptions {
  /** A notification was clicked: show the window at the Health view. */
  onClick: () => void;
  /** The app icon shown in the notification where the OS does not add it. */
  iconPath?: string;
}

export function createElectronNotifier(options: NotifierOptions): DesktopNotifier {
  const live = new Set<Notification>();
  return {
    show({ title, body }) {
      if (!Notification.isSupported()) return false;
      const notification = new Notification({
        title,
        body,
        ...(options.iconPath ? { icon: options.iconPath } : {}),
      });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        options.onClick();
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
      return true;
    },
    setBadgeCount(count) {
      if (process.platform === 'win32') return;
      app.setBadgeCount(Math.max(0, Math.floor(count)));
    },
  };
}
