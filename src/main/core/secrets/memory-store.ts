/**
 * An in-memory SecretStore for unit tests of callers. Never used in production.
 */
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { SecretStore } from './secret-store';

export interface MemoryStore extends SecretStore {
  /** Every entry, for assertions. */
  entries(): Map<string, string>;
  /** Makes every following call fail as an unavailable keychain would. */
  setAvailable(available: boolean): void;
}

const UNAVAILABLE = msg('errors.keychain.testStore');

export function createMemoryStore(initial: Record<string, string> = {}): MemoryStore {
  const map = new Map(Object.entries(initial));
  let available = true;
  /** Runs `fn` as the keychain would: asynchronously, failing with KEYCHAIN_UNAVAILABLE when switched off. */
  const call = <T>(fn: () => T): Promise<T> =>
    new Promise((resolve) => {
      if (!available) throw new AppError('KEYCHAIN_UNAVAILABLE', UNAVAILABLE);
      resolve(fn());
    });
  return {
    get: (account) => call(() => map.get(account) ?? null),
    set: (account, secret) =>
      call(() => {
        map.set(account, secret);
      }),
    delete: (account) => call(() => map.delete(account)),
    list: (prefix) => call(() => [...map.keys()].filter((key) => key.startsWith(prefix))),
    status: () =>
      Promise.resolve(
        available ? { available: true, message: null } : { available: false, message: UNAVAILABLE },
      ),
    entries: () => map,
    setAvailable: (value) => {
      available = value;
    },
  };
}
