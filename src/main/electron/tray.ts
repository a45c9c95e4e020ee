/**
 * The tray (menu-bar) icon: draws a TrayModel (core/background/tray-menu.ts) as Electron's Tray
 * and Menu, and nothing else — what the menu says is decided in the core.
 *
 * Icons come from resources/tray (copied beside the app as `tray/` when packaged): a template
 * image on macOS (the menu bar tints it; the attention count is the title beside it), 16 px with
 * a @2x twin on Windows, 32 px on Linux (panels draw 22–24 px and scale down better than up).
 */
import path from 'node:path';
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayModel } from '../core/background/tray-menu';

export type TrayHandlers = Record<TrayAction, () => void>;

export interface KeyflareTray {
  update(model: TrayModel): void;
  destroy(): void;
}

/** The icon file for this platform and state. */
export function trayIconPath(dir: string, platform: NodeJS.Platform, attention: boolean): string {
  if (platform === 'darwin') return path.join(dir, 'trayTemplate.png');
  const name = attention ? 'tray-attention' : 'tray';
  return path.join(dir, platform === 'linux' ? `${name}-32.png` : `${name}.png`);
}

function menuItem(item: TrayModel['items'][number], handlers: TrayHandlers): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'info':
      return { label: item.label, enabled: false };
    case 'action':
      return { label: item.label, enabled: item.enabled, click: () => handlers[item.action]() };
  }
}

/** Creates the icon; null when this desktop refuses one (the constructor threw). */
export function createKeyflareTray(
  dir: string,
  platform: NodeJS.Platform,
  handlers: TrayHandlers,
): KeyflareTray | null {
  let tray: Tray;
  try {
    tray = new Tray(trayIconPath(dir, platform, false));
  } catch {
    return null;
  }
  tray.setToolTip('Keyflare');
  // Windows opens a tray app on a left click; macOS and Linux show the menu on any click.
  if (platform === 'win32') tray.on('click', () => handlers.open());
  let shownAttention = false;
  return {
    update(model) {
      if (tray.isDestroyed()) return;
      if (model.attention !== shownAttention) {
        shownAttention = model.attention;
        tray.setImage(trayIconPath(dir, platform, model.attention));
      }
      if (platform === 'darwin') tray.setTitle(model.title);
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(Menu.buildFromTemplate(model.items.map((item) => menuItem(item, handlers))));
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
