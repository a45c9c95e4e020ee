/**
 * The production SecretStore: the OS keychain through keytar (libsecret, Keychain, Credential Vault).
 *
 * keytar is loaded lazily, on the first call, so a missing native module or D-Bus session turns
 * into a KEYCHAIN_UNAVAILABLE error at that call instead of a crash at start. Every call —
 * including the load itself — is bounded by a timeout: a keychain prompt nobody answers or a hung
 * D-Bus call is abandoned with a clear error. There is no fallback to disk or memory: on failure
 * nothing is written anywhere, and the caller decides what to refuse.
 */
import { AppError } from '../../../shared/errors';
import { SECRET_SERVICE, type KeychainStatus, type SecretStore } from './secret-store';

/** The subset of keytar's API Keyflare uses (injectable for tests of the failure paths). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

export interface KeytarStoreOptions {
  /** Milliseconds before a keychain call is abandoned. */
  timeoutMs?: number;
  /** Loads keytar; overridable to simulate a missing module. */
  load?: () => Promise<KeytarLike>;
  service?: string;
}

export const KEYCHAIN_UNAVAILABLE_HELP =
  'The system keychain is not available. On Linux, Keyflare needs a running Secret Service ' +
  '(GNOME Keyring or KWallet) in your session: install gnome-keyring and libsecret, log in to a ' +
  'desktop session (or start one with dbus-run-session), and try again. Cached tokens stay visible.';

export const KEYCHAIN_LOCKED_HELP =
  'The system keychain is locked. Unlock it (log in again or open your keyring app) and try again.';

const PROBE_ACCOUNT = 'keyflare:probe';

/** Maps whatever keytar/libsecret threw to a sentence a person can act on; never echoes the raw text. */
function classify(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/\block(ed)?\b|dismissed|cancel(l)?ed|prompt/iu.test(text))
    return new AppError('KEYCHAIN_LOCKED', KEYCHAIN_LOCKED_HELP);
  return new AppError('KEYCHAIN_UNAVAILABLE', KEYCHAIN_UNAVAILABLE_HELP);
}

async function defaultLoad(): Promise<KeytarLike> {
  // A dynamic import: the native module loads on first use, and electron-vite leaves it external.
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  const keytar = mod.default ?? mod;
  if (typeof keytar.getPassword !== 'function') throw new Error('keytar did not load');
  return keytar;
}

function checkAccount(account: string): void {
  if (account.length === 0 || account.length > 300) {
    throw new AppError('INTERNAL', 'Keyflare asked the keychain for an entry with an invalid name.');
  }
}

export function createKeytarStore(options: KeytarStoreOptions = {}): SecretStore {
  const timeoutMs = options.timeoutMs ?? 5000;
  const service = options.service ?? SECRET_SERVICE;
  const load = options.load ?? defaultLoad;
  let keytar: Promise<KeytarLike> | null = null;

  const call = async <T>(what: string, fn: (k: KeytarLike) => Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      keytar ??= load();
      const pending = keytar;
      // A failed load is retried on the next call (the user may have started the keyring since).
      pending.catch(() => {
        if (keytar === pending) keytar = null;
      });
      const work = pending.then(fn);
      // The abandoned call may still settle later; its outcome must not become an unhandled rejection.
      work.catch(() => undefined);
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(
              new AppError(
                'KEYCHAIN_UNAVAILABLE',
                `The system keychain did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s (${what}). ` +
                  'It may be waiting for an unlock prompt, or not running. Nothing was saved; try again once it answers.',
              ),
            );
          }, timeoutMs);
        }),
      ]);
    } catch (error) {
      throw classify(error);
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  return {
    get: (account) => {
      checkAccount(account);
      return call('read', (k) => k.getPassword(service, account));
    },
    set: (account, secret) => {
      checkAccount(account);
      return call('write', (k) => k.setPassword(service, account, secret));
    },
    delete: (account) => {
      checkAccount(account);
      return call('delete', (k) => k.deletePassword(service, account));
    },
    list: async (prefix) => {
      const found = await call('list', (k) => k.findCredentials(service));
      return found
        .map((entry) => entry.account)
        .filter((account) => account.startsWith(prefix) && account !== PROBE_ACCOUNT);
    },
    status: async (): Promise<KeychainStatus> => {
      try {
        await call('probe', (k) => k.getPassword(service, PROBE_ACCOUNT));
        return { available: true, message: null };
      } catch (error) {
        return {
          available: false,
          message: error instanceof AppError ? error.message : KEYCHAIN_UNAVAILABLE_HELP,
        };
      }
    },
  };
}
