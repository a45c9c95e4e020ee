/**
 * SecretStore: where credentials and kept token secrets live — the OS keychain, nothing else.
 *
 * Entries are keyed by service "Keyflare" and an account string: `profile:<profileId>` for a
 * profile's credential, `token:<profileId>:<tokenId>` for a token secret the user chose to keep.
 * Implementations map their failures to KEYCHAIN_UNAVAILABLE / KEYCHAIN_LOCKED AppErrors with a
 * sentence a person can act on, and never fall back to disk or memory.
 */
import type { Message } from '../../../shared/i18n/message';

export const SECRET_SERVICE = 'Keyflare';

export interface KeychainStatus {
  available: boolean;
  /** Why it is unavailable and how to fix it, as a message each face words; null when available. */
  message: Message | null;
}

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when an entry was removed, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Account names of every entry whose account starts with `prefix`. */
  list(prefix: string): Promise<string[]>;
  /** Probes the keychain without touching any entry. */
  status(): Promise<KeychainStatus>;
}

export function profileSecretAccount(profileId: string): string {
  return `profile:${profileId}`;
}

export function tokenSecretAccount(profileId: string, tokenId: string): string {
  return `token:${profileId}:${tokenId}`;
}

export function tokenSecretPrefix(profileId: string): string {
  return `token:${profileId}:`;
}
