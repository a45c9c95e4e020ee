/**
 * An in-memory SecretStore for unit tests of callers. Never used in production.
 */
import { AppError } from '../../../shared/errors';
import type { SecretStore } from './secret-store';

export interface MemoryStore extends SecretStore {
  /** Every entry, for assertions. */
  entries(): Map<string, string>;
  /** Makes every following call fail as an unavailable keychain would. */
  setAvailable(available: boolean): void;
}

export function createMemoryStore(initial: Record<string, string> = {}): MemoryStore {
  const map = new Map(Object.entries(initial));
  let available = true;
  const guard = (): void => {
    if (!available) throw new AppError('KEYCHAIN_UNAVAILABLE', 'The system keychain is not available (test store).');
  };
  return {
    get: async (account) => (guard(), map.get(account) ?? null),
    set: async (account, secret) => {
      guard();
      map.set(account, secret);
    },
    delete: async (account) => (guard(), map.delete(account)),
    list: async (prefix) => (guard(), [...map.keys()].filter((key) => key.startsWith(prefix))),
    status: async () =>
      available ? { available: true, message: null } : { available: false, message: 'The system keychain is not available (test store).' },
    entries: () => map,
    setAvailable: (value) => {
      available = value;
    },
  };
}
