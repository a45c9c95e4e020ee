/**
 * Ports: the small interfaces through which the core reaches the outside world.
 *
 * Everything here is injected through `createCore(options)`, so tests pass fakes that record
 * (clipboard, events) and production passes Electron-backed implementations from src/main/electron.
 */
import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';
import type { BackgroundSupport } from '../../shared/domain';

/** Wall-clock time, injectable so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clipboard.
 *
 * `write` may mark the entry as concealed where the platform supports it (macOS
 * org.nspasteboard.ConcealedType, Linux x-kde-passwordManagerHint) so clipboard managers skip it.
 */
export interface ClipboardPort {
  write(text: string, options: { concealed: boolean }): Promise<void>;
  read(): Promise<string>;
  clear(): Promise<void>;
}

/** Pushes a typed event to the renderer. */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Where the core writes its log lines. Callers never pass secrets; see logger.ts. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Timers, injectable so the clipboard-clear delay can be driven by tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The OS's own list of programs started at login: login items on macOS, the Run key on Windows,
 * an XDG autostart entry on Linux. `setEnabled` throws an Error whose message says, in words a
 * person can act on, what the OS refused.
 */
export interface LoginItemPort {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/**
 * What the Electron shell offers for running in the background: whether a tray exists (for
 * app.info and the settings dialog) and the OS's login items (null where Keyflare may not set
 * them, e.g. a build run from source). A core without a shell has none.
 */
export interface BackgroundHost {
  support(): BackgroundSupport;
  loginItem: LoginItemPort | null;
}
