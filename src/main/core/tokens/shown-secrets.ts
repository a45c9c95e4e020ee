/**
 * Secrets just shown once after create or roll, held in main's memory for a few minutes.
 *
 * The show-once panel's copy buttons go through clipboard.copy like every other copy (main
 * writes the clipboard; the renderer never sends a secret back). When the user chose not to keep
 * the secret in the keychain, this is where main finds it for those few minutes. Memory only:
 * never written anywhere, dropped on expiry, on a newer roll or delete, and when the core closes.
 */
import type { Clock } from '../ports';

/** How long a just-shown secret stays copyable without the keychain. */
export const SHOWN_SECRET_TTL_MS = 10 * 60 * 1000;

export interface ShownSecrets {
  remember(profileId: string, tokenId: string, secret: string): void;
  /** The secret if it was shown less than the TTL ago; null otherwise. */
  recall(profileId: string, tokenId: string): string | null;
  forget(profileId: string, tokenId: string): void;
  clear(): void;
}

export function createShownSecrets(clock: Clock, ttlMs = SHOWN_SECRET_TTL_MS): ShownSecrets {
  const held = new Map<string, { secret: string; until: number }>();
  const key = (profileId: string, tokenId: string): string => `${profileId}:${tokenId}`;
  return {
    remember(profileId, tokenId, secret) {
      held.set(key(profileId, tokenId), { secret, until: clock.now().getTime() + ttlMs });
    },
    recall(profileId, tokenId) {
      const entry = held.get(key(profileId, tokenId));
      if (!entry) return null;
      if (clock.now().getTime() >= entry.until) {
        held.delete(key(profileId, tokenId));
        return null;
      }
      return entry.secret;
    },
    forget(profileId, tokenId) {
      held.delete(key(profileId, tokenId));
    },
    clear() {
      held.clear();
    },
  };
}
