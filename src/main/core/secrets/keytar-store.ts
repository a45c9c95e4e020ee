/**
 * The production SecretStore: the OS keychain through keytar (libsecret, Keychain, Credential Vault).
 *
 * keytar is loaded lazily, on the first call, so a missing native module or D-Bus session turns
 * into a KEYCHAIN_UNAVAILABLE error at that call instead of a crash at start. Every call —
 * including the load itself — is bounded by a timeout: a keychain prompt nobody answers or a hung
 * D-Bus call is abandoned with a clear error. There is no fallback to disk or memory: on failure
 * nothing is written anywhere, and the caller decides what to refuse.
 *
 * An abandoned write may still land later (the keychain answers an unlock prompt a minute on).
 * The error said "nothing was saved", so the keychain must agree: a write that lands after its
 * timeout is undone — the entry is put back as it was before (deleted if there was none) —
 * unless a later write or delete of the same entry has been asked for since, which then wins.
 *
 * Calls reach keytar one at a time, in the order asked: libsecret crashes the whole process
 * (SIGSEGV, "secret_value_get_text: assertion 'value' failed") when an entry is deleted while
 * another call reads or lists entries, which a sync listing kept secrets next to a token delete
 * would otherwise do. A call waiting in line counts against its own timeout.
 */
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
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

export const KEYCHAIN_UNAVAILABLE_HELP = msg('errors.keychain.unavailable');

export const KEYCHAIN_LOCKED_HELP = msg('errors.keychain.locked');

const PROBE_ACCOUNT = 'keyflare:probe';

/** The kinds of keychain call; a timed-out one's error says what it means for the entry. */
type KeychainCall = 'read' | 'list' | 'probe' | 'write' | 'delete';

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
    throw new AppError('INTERNAL', msg('errors.keychain.invalidName'));
  }
}

/**
 * The last keytar call in line, per native module: each call starts only when the one before it
 * has settled. One line for every store that loads the same module, not one per store: libsecret
 * crashes the process when calls overlap, also calls of two stores (the real profiles' service
 * and the sandbox's). Tests that load a fake keytar get a line of their own.
 */
const lines = new WeakMap<object, { last: Promise<unknown> }>();
function lineOf(load: object): <T>(run: () => Promise<T>) => Promise<T> {
  let line = lines.get(load);
  if (!line) {
    line = { last: Promise.resolve() };
    lines.set(load, line);
  }
  const shared = line;
  return (run) => {
    const next = shared.last.then(run);
    shared.last = next.catch(() => undefined);
    return next;
  };
}

export function createKeytarStore(options: KeytarStoreOptions = {}): SecretStore {
  const timeoutMs = options.timeoutMs ?? 5000;
  const service = options.service ?? SECRET_SERVICE;
  const load = options.load ?? defaultLoad;
  const inLine = lineOf(load);
  let keytar: Promise<KeytarLike> | null = null;

  /** Per entry: how many writes and deletes were asked for, so a late undo knows if it is stale. */
  const changes = new Map<string, number>();
  const noteChange = (account: string): number => {
    const next = (changes.get(account) ?? 0) + 1;
    changes.set(account, next);
    return next;
  };

  /** Puts the entry back as it was before a write that landed after its timeout. */

  const undoLateWrite = (account: string, change: number, previous: string | null): void => {
    if (changes.get(account) !== change) return;
    void inLine(async () => {
      const k = await (keytar ?? load());
      if (previous === null) await k.deletePassword(service, account);
      else await k.setPassword(service, account, previous);
    }).catch(() => undefined);
  };

  const call = async <T>(
    what: KeychainCall,
    fn: (k: KeytarLike) => Promise<T>,
    onLateSuccess?: () => void,
  ): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    try {
      keytar ??= load();
      const pending = keytar;
      // A failed load is retried on the next call (the user may have started the keyring since).
      pending.catch(() => {
        if (keytar === pending) keytar = null;
      });
      const work = inLine(() => pending.then(fn));
      // The abandoned call may still settle later; its outcome must not become an unhandled rejection.
      work.then(
        () => {
          if (timedOut) onLateSuccess?.();
        },
        () => undefined,
      );
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(
              new AppError(
                'KEYCHAIN_UNAVAILABLE',
                msg('errors.keychain.timeout', { seconds: Math.max(1, Math.round(timeoutMs / 1000)), what }),
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
    set: async (account, secret) => {
      checkAccount(account);
      const change = noteChange(account);
      // What to put back should this write land after its timeout.
      const previous = await call('read', (k) => k.getPassword(service, account));
      await call(
        'write',
        (k) => k.setPassword(service, account, secret),
        () => undoLateWrite(account, change, previous),
      );
    },
    delete: (account) => {
      checkAccount(account);
      noteChange(account);
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
          message:
            error instanceof AppError && error.key !== undefined ? error.text : KEYCHAIN_UNAVAILABLE_HELP,
        };
      }
    },
  };
}
