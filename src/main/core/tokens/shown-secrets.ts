/**
 * Secrets just shown once after create or roll and not kept, held in main's memory for minutes.
 *
 * The show-once panel's copy buttons go through clipboard.copy like every other copy (main
 * writes the clipboard; the renderer never sends a secret back). When the user chose not to keep
 * the secret in the keychain, this is where main finds it for those few minutes. Memory only,
 * never written anywhere, and held no longer than it is useful: each secret has a timer (the
 * injected Timers port) that drops it when its time is up, whether or not anyone asks for it
 * again; a newer roll or a delete drops it, removing the profile or replacing its credential
 * drops every secret of that profile, and closing the core drops them all.
 */
import type { Clock, Timers } from '../ports';

/** How long a just-shown secret stays copyable without the keychain. */
export const SHOWN_SECRET_TTL_MS = 10 * 60 * 1000;

export interface ShownSecrets {
  remember(profileId: string, tokenId: string, secret: string): void;
  /** The secret if it was shown less than the TTL ago; null otherwise. */
  recall(profileId: string, tokenId: string): string | null;
  forget(profileId: string, tokenId: string): void;
  /** Drops every secret of the profile (it is being removed or gets another credential). */
  forgetProfile(profileId: string): void;
  /** How many secrets main holds right now (tests prove they leave memory). */
  size(): number;
  clear(): void;
}

interface Held {
  profileId: string;
  secret: string;
  until: number;
  timer: unknown;
}

export function createShownSecrets(clock: Clock, timers: Timers, ttlMs = SHOWN_SECRET_TTL_MS): ShownSecrets {
  const held = new Map<string, Held>();
  // Profile and token ids never hold a newline (the contract's id charsets), so this key is unique.
  const key = (profileId: string, tokenId: string): string => `${profileId}\n${tokenId}`;
  const drop = (entryKey: string): void => {
    const entry = held.get(entryKey);
    if (!entry) return;
    timers.clearTimeout(entry.timer);
    held.delete(entryKey);
  };
  return {
    remember(profileId, tokenId, secret) {
      const entryKey = key(profileId, tokenId);
      drop(entryKey);
      const entry: Held = { profileId, secret, until: clock.now().getTime() + ttlMs, timer: null };
      entry.timer = timers.setTimeout(() => {
        if (held.get(entryKey) === entry) held.delete(entryKey);
      }, ttlMs);
      held.set(entryKey, entry);
    },
    recall(profileId, tokenId) {
      const entryKey = key(profileId, tokenId);
      const entry = held.get(entryKey);
      if (!entry) return null;
      // The timer drops it on time; the clock check covers a machine that slept through it.
      if (clock.now().getTime() >= entry.until) {
        drop(entryKey);
        return null;
      }
      return entry.secret;
    },
    forget(profileId, tokenId) {
      drop(key(profileId, tokenId));
    },
    forgetProfile(profileId) {
      for (const [entryKey, entry] of [...held]) if (entry.profileId === profileId) drop(entryKey);
    },
    size: () => held.size,
    clear() {
      for (const entryKey of [...held.keys()]) drop(entryKey);
    },
  };
}
