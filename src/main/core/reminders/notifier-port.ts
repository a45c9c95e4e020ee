/**
 * The desktop's notifications and badge, as the core sees them (the ports.ts style).
 *
 * The Electron shell implements it with Electron's Notification and app.setBadgeCount (the dock
 * on macOS, the launcher on Linux desktops that show one); a click on a notification brings the
 * window up at the Health view. Tests pass a recording one. A core without a shell has none.
 */

/** One notification: a title and a line of text, never a secret. */
export interface DesktopNotification {
  title: string;
  body: string;
}

export interface DesktopNotifier {
  /** Shows a notification; a click on it opens the Health view. False when the desktop has none. */
  show(notification: DesktopNotification): boolean;
  /** The number on the app's icon (0 clears it); ignored where the OS has no badge. */
  setBadgeCount(count: number): void;
}

/** The notifier of a core without a desktop (tests of other parts, the e2e bridge, the command line). */
export const noNotifier: DesktopNotifier = {
  show: () => false,
  setBadgeCount: () => undefined,
};
