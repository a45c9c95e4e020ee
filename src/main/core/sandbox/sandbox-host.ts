/**
 * The core host: the real core, and while the sandbox is open a second core on sample data.
 *
 * The window talks to `host.dispatch`, which answers from whichever core is active. Entering the
 * sandbox builds a core on the same ports (clipboard, clock, events) but with
 *   - its own data folder, `<data folder>/sandbox`, holding a marker file written first;
 *   - its own keychain service (default "Keyflare Sandbox"): it never opens the real one;
 *   - the in-process Cloudflare simulator as its `fetch` (demo scenario; no port, nothing sent
 *     anywhere, every URL outside the sandbox's origin refused);
 * then adds and syncs the sample profiles through the core's own channels. The real core stays
 * open and untouched underneath; its events are held back while the sandbox shows, so the window
 * only hears the core it shows. The sandbox core gets no tray, login item or desktop
 * notifications: sample tokens must never change the OS's settings or alert about themselves.
 *
 * Leaving answers from the real core again, closes the sandbox core, deletes every entry of the
 * sandbox's keychain service, then the folder. The order makes a crash safe at every step: the
 * folder (with its marker) exists before the first keychain entry and goes after the last, so a
 * sandbox folder found at start means a sandbox that did not finish leaving, and the same removal
 * runs then. The sandbox keychain service belongs to one data folder: Electron's single-instance
 * lock keeps a second window off the same folder, and tests give each host a service of its own.
 *
 * Plain Node: the Electron shell and the e2e bridge both use it, so the swap is tested without
 * Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { SANDBOX_BASE_URL } from '../../../shared/sandbox/sandbox-address';
import type { SandboxStatus } from '../../../shared/sandbox/contract-channels';
import { createInProcessSimulator } from '../../../sandbox/in-process';
import type { InProcessSimulator } from '../../../sandbox/types';
import type { Dispatch } from '../dispatch';
import { createCore, type Core, type CoreOptions } from '../index';
import { createKeytarStore } from '../secrets/keytar-store';
import type { SecretStore } from '../secrets/secret-store';
import { addSampleProfiles } from './sample-profiles';
import type { SandboxSwitch } from './sandbox-port';

/** The sandbox's keychain service; the real profiles use "Keyflare". */
export const SANDBOX_KEYCHAIN_SERVICE = 'Keyflare Sandbox';
/** The sandbox's folder inside the real data folder. */
export const SANDBOX_DIR_NAME = 'sandbox';
/** Written before anything else enters the sandbox folder: this folder is the sandbox's to delete. */
export const SANDBOX_MARKER = 'keyflare-sandbox.json';

export interface CoreHostOptions {
  /** The real core's options; the sandbox core takes its ports from them. */
  core: CoreOptions;
  /** The sandbox's keychain service (default SANDBOX_KEYCHAIN_SERVICE). */
  keychainService?: string;
  /** A secret store for a service (default: the OS keychain). */
  secretsFor?: (service: string) => SecretStore;
  /** Simulator latency in the sandbox, so progress shows as it would (default 0). */
  latencyMs?: number;
}

export interface CoreHost {
  /** Answers from the active core: the sandbox's while it is open, else the real one. */
  dispatch: Dispatch;
  /** The core answering now. */
  active(): Core;
  /** The real profiles' core, open the whole time. */
  readonly real: Core;
  readonly sandbox: SandboxSwitch;
  /** The sandbox's folder (exists only while the sandbox is open or was left by a crash). */
  readonly sandboxDir: string;
  /** Resolves once what a crashed sandbox left has been removed (started at creation). */
  readonly swept: Promise<void>;
  /**
   * On the way out: clears what either core put on the clipboard (only if still there; a real
   * secret copied before entering the sandbox too), then leaves the sandbox. The cores stay open.
   */
  beforeQuit(): Promise<void>;
  /** Leaves the sandbox (removing it) and closes both cores. */
  close(): Promise<void>;
  /**
   * Closes both cores now, without removing the sandbox (a quit that cannot wait): its folder
   * stays as the marker, and the next start removes it.
   */
  closeNow(): void;
}

interface OpenSandbox {
  core: Core;
  sim: InProcessSimulator;
}

const OFF: SandboxStatus = { active: false, address: null };

/**
 * What the window may not do in the sandbox: give it a credential. The sandbox's fetch would
 * refuse any real address anyway; refusing here says why, and keeps a real credential typed in by
 * mistake from ever reaching the sandbox's core.
 */
const CREDENTIAL_CHANNELS: ReadonlySet<string> = new Set([
  'profiles.add',
  'profiles.replaceCredential',
  'keychain.reattach',
]);
const SAMPLE_LOGINS_ONLY = new AppError('CONFLICT', { key: 'sandbox.errors.sampleLoginsOnly' }).toShape();

export function createCoreHost(options: CoreHostOptions): CoreHost {
  const dataDir = options.core.dataDir;
  const sandboxDir = path.join(dataDir, SANDBOX_DIR_NAME);
  const service = options.keychainService ?? SANDBOX_KEYCHAIN_SERVICE;
  const secrets = (options.secretsFor ?? ((name) => createKeytarStore({ service: name })))(service);
  let open: OpenSandbox | null = null;
  /** Enter and leave run one at a time, in the order asked. */
  let line: Promise<unknown> = Promise.resolve();
  const inLine = <T>(run: () => Promise<T>): Promise<T> => {
    const next = line.then(run, run);
    line = next.catch(() => undefined);
    return next;
  };
  const status = (): SandboxStatus => (open ? { active: true, address: open.sim.baseUrl } : OFF);

  const sandbox: SandboxSwitch = {
    status,
    enter: () => inLine(enter),
    leave: () => inLine(leave),
  };
  const real = createCore({
    ...options.core,
    sandbox,
    // Held back while the sandbox shows: the window hears only the core it shows.
    emit: (event, payload) => {
      if (!open) options.core.emit?.(event, payload);
    },
  });

  /** Deletes every entry of the sandbox's service, then the folder. Never anything else. */
  const removeSandbox = async (): Promise<void> => {
    for (const account of await secrets.list('')) await secrets.delete(account);
    fs.rmSync(sandboxDir, { recursive: true, force: true });
  };

  /**
   * Removes the sandbox, or leaves it for later when the keychain refuses (locked, unavailable):
   * the folder stays as the marker, so the next enter or start removes it. Logged, never thrown.
   */
  const removeSandboxOrLater = async (when: string): Promise<void> => {
    try {
      await removeSandbox();
    } catch (error) {
      real.context.logger.warn('sandbox not removed yet; the next start removes it', {
        when,
        errorName: error instanceof Error ? error.name : typeof error,
      });
    }
  };

  const swept: Promise<void> = (async () => {
    if (!fs.existsSync(sandboxDir)) return;
    real.context.logger.warn('removing a sandbox left open by an earlier run', {});
    await removeSandboxOrLater('start');
  })();

  async function enter(): Promise<SandboxStatus> {
    if (open) return status();
    await swept;
    // A folder here is a leftover of a failed enter or leave in this run: remove it first.
    if (fs.existsSync(sandboxDir)) await removeSandbox();
    fs.mkdirSync(sandboxDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(
      path.join(sandboxDir, SANDBOX_MARKER),
      `${JSON.stringify({ service, startedAt: new Date().toISOString() })}\n`,
      { mode: 0o600 },
    );
    const sim = createInProcessSimulator({ scenario: 'demo', latencyMs: options.latencyMs ?? 0 });
    let core: Core | null = null;
    try {
      const { background: _background, notifier: _notifier, logger: _logger, ...ports } = options.core;
      core = createCore({
        ...ports,
        ...(options.core.logger ? { logger: options.core.logger } : {}),
        dataDir: sandboxDir,
        secrets,
        fetch: sim.fetch,
        sandbox,
        emit: (event, payload) => {
          if (open?.core === core) options.core.emit?.(event, payload);
        },
      });
      if (sim.baseUrl !== SANDBOX_BASE_URL) throw new Error('the sandbox simulator is not at its address');
      await addSampleProfiles(core.dispatch, sim);
      open = { core, sim };
      return status();
    } catch (error) {
      core?.close();
      await sim.close();
      await removeSandboxOrLater('enter failed');
      throw error;
    }
  }

  async function leave(): Promise<SandboxStatus> {
    const closing = open;
    if (!closing) return status();
    // The real core answers from here on, whatever the removal below meets.
    open = null;
    // A sample secret copied in the sandbox leaves the clipboard with it (only if still there).
    await closing.core.services.clipboard.flush().catch(() => undefined);
    closing.core.close();
    await closing.sim.close();
    await removeSandboxOrLater('leave');
    return status();
  }

  return {
    dispatch: (channel, input) => {
      if (!open) return real.dispatch(channel, input);
      if (CREDENTIAL_CHANNELS.has(channel)) return Promise.resolve({ ok: false, error: SAMPLE_LOGINS_ONLY });
      return open.core.dispatch(channel, input);
    },
    active: () => (open ? open.core : real),
    real,
    sandbox,
    sandboxDir,
    swept,
    beforeQuit: async () => {
      await Promise.all([real.services.clipboard.flush(), open?.core.services.clipboard.flush()]);
      await inLine(leave);
    },
    close: async () => {
      await swept.catch(() => undefined);
      await inLine(leave).catch(() => undefined);
      real.close();
    },
    closeNow: () => {
      const closing = open;
      open = null;
      closing?.core.close();
      void closing?.sim.close();
      real.close();
    },
  };
}
