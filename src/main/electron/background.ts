/**
 * Keyflare in the background: the tray icon and its menu, closing to the tray, launch at login,
 * and the scheduled sync with the power events that catch it up.
 *
 * Two steps, because the core needs to know about the tray before it answers app.info:
 * `prepareBackground` (before the core) decides whether this desktop has a tray
 * (core/background/tray-support.ts) and how Keyflare starts at login (login-item.ts);
 * `run` (once the core and the window exist) wires the tray's actions, starts the schedule and
 * listens for 'resume' and 'unlock-screen'. Every decision — what the menu says, when a sync is
 * due, where the window goes — is made in plain modules under core/; this file only connects
 * them to Electron.
 */
import { net, powerMonitor } from 'electron';
import type { Core } from '../core';
import { trayModel, type TrayFacts } from '../core/background/tray-menu';
import { traySupport } from '../core/background/tray-support';
import type { BackgroundHost } from '../core/ports';
import type { BackgroundSupport } from '../../shared/domain';
import type { EventName } from '../../shared/channels';
import { loginItemFor, startedAtLogin } from './login-item';
import { hasStatusNotifierWatcher } from './session-bus';
import { createKeyflareTray, type TrayHandlers } from './tray';

export interface BackgroundEnv {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  argv: readonly string[];
  isPackaged: boolean;
  execPath: string;
  /** The folder of the tray icons. */
  iconDir: string;
}

export interface WindowControls {
  /** Shows, restores and focuses the main window. */
  showWindow(): void;
  quit(): void;
}

export interface BackgroundRuntime {
  /** Whether closing the window should hide it (a tray exists and the setting says so). */
  keepOnClose(): boolean;
  /** Told of every event the core emits, to redraw the menu when a sync starts or ends. */
  noteEvent(name: EventName, payload: unknown): void;
  dispose(): void;
}

export interface PreparedBackground {
  /** What the core reports in app.info and uses for launch at login. */
  host: BackgroundHost;
  /** A start at login on a desktop with a tray: the window stays hidden. */
  startHidden: boolean;
  run(core: Core, controls: WindowControls): BackgroundRuntime;
}

/** How often the menu is redrawn on its own, so "expires within 30 days" and dates stay true. */
const REDRAW_MS = 5 * 60_000;
/** Redraws asked for within this time become one. */
const SETTLE_MS = 1_000;

/** What the tray menu shows, read from the core; null when the data folder cannot be read. */
function trayFacts(core: Core): TrayFacts | null {
  try {
    const { profiles, sync, schedule, inventory } = core.services;
    return {
      profiles: profiles.list(),
      statuses: schedule.withNextSync(sync.status()),
      rows: inventory.tokens(),
      now: new Date(),
    };
  } catch {
    return null;
  }
}

export async function prepareBackground(
  env: BackgroundEnv,
  askBus: () => Promise<boolean | null> = hasStatusNotifierWatcher,
): Promise<PreparedBackground> {
  const noAction = (): void => undefined;
  let actions: TrayHandlers = { open: noAction, sync: noAction, quit: noAction };
  const watcher = env.platform === 'linux' ? await askBus() : null;
  let tray = createKeyflareTray(env.iconDir, env.platform, {
    open: () => actions.open(),
    sync: () => actions.sync(),
    quit: () => actions.quit(),
  });
  const trayState = traySupport({
    platform: env.platform,
    env: env.env,
    statusNotifierWatcher: watcher,
    trayFailed: tray === null,
  });
  if (!trayState.tray) {
    tray?.destroy();
    tray = null;
  }
  const login = loginItemFor(env);
  const support: BackgroundSupport = {
    tray: trayState.tray,
    trayUnavailableReason: trayState.reason,
    launchAtLogin: login.port !== null,
    launchAtLoginUnavailableReason: login.unavailable,
  };

  return {
    host: { support: () => support, loginItem: login.port },
    startHidden: trayState.tray && startedAtLogin(env.argv, env.platform),
    run(core, controls) {
      let settle: ReturnType<typeof setTimeout> | null = null;
      const redraw = (): void => {
        if (settle !== null) clearTimeout(settle);
        settle = null;
        const language = core.services.language();
        tray?.update(trayModel(trayFacts(core), { locale: language.formats.locale }, language.t));
      };
      const redrawSoon = (): void => {
        settle ??= setTimeout(redraw, SETTLE_MS);
      };
      actions = {
        open: () => controls.showWindow(),
        sync: () => {
          // Each profile's outcome is in its run; the menu shows it once the syncs end.
          void core.services.sync.start().then(redraw, redraw);
          redrawSoon();
        },
        quit: () => controls.quit(),
      };

      try {
        core.services.settings.syncLoginItem();
      } catch {
        // A data folder that cannot be read keeps its setting; the OS entry stays as it is.
      }
      core.services.schedule.start({ online: () => net.isOnline() });
      const wake = (): void => {
        core.services.schedule.wake();
        redrawSoon();
      };
      powerMonitor.on('resume', wake);
      powerMonitor.on('unlock-screen', wake);
      const stopListening = core.services.settings.onChange(redrawSoon);
      const timer = setInterval(redraw, REDRAW_MS);
      timer.unref();
      redraw();

      const syncing = new Set<string>();
      return {
        keepOnClose() {
          if (!tray) return false;
          try {
            return core.services.settings.get().keepInTray;
          } catch {
            return false;
          }
        },
        noteEvent(name, payload) {
          const profileId = (payload as { profileId?: unknown } | null)?.profileId;
          if (typeof profileId !== 'string') return;
          // A sync that starts or ends changes the menu; progress in between does not.
          if (name === 'sync.progress' && !syncing.has(profileId)) {
            syncing.add(profileId);
            redrawSoon();
          } else if (name === 'sync.finished') {
            syncing.delete(profileId);
            redrawSoon();
          }
        },
        dispose() {
          clearInterval(timer);
          if (settle !== null) clearTimeout(settle);
          powerMonitor.off('resume', wake);
          powerMonitor.off('unlock-screen', wake);
          stopListening();
          core.services.schedule.stop();
          tray?.destroy();
          tray = null;
        },
      };
    },
  };
}
