/**
 * A fake keytar whose calls take a few milliseconds and count how many overlap: libsecret crashes
 * when a delete runs beside another call, so the keychain tests hold the store to one at a time.
 */
import type { KeytarLike } from '../../../src/main/core/secrets/keytar-store';

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The fake, and the most calls that were ever in flight at once. */
export function countingKeytar(): { keytar: KeytarLike; most: () => number } {
  let inFlight = 0;
  let most = 0;
  const slowly =
    <T>(value: T) =>
    async (): Promise<T> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await settle(3);
      inFlight -= 1;
      return value;
    };
  return {
    keytar: {
      getPassword: slowly<string | null>(null),
      setPassword: slowly<void>(undefined),
      deletePassword: slowly(true),
      findCredentials: slowly<{ account: string; password: string }[]>([]),
    },
    most: () => most,
  };
}
