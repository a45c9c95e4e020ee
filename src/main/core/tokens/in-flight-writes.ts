/**
 * Keyflare's own token writes still in flight, per profile, so a sync commits after them.
 *
 * A write (create, edit, status change, delete, roll) sends its request and then records the
 * answer in the cache, which notes the token in the write journal. A sync whose fetch ran while
 * such a write was in flight may already have seen its effect at Cloudflare; committing before
 * the write reaches the cache would record the change twice (once as seen by the sync, once as
 * Keyflare's) or let the write's later cache update replay over the snapshot. So once its fetch
 * is done, a sync waits for the writes that are in flight at that moment, then commits and
 * leaves the rows they journaled as they are. Writes that start later are not waited for: their
 * request leaves after every response the sync used, so the fetched data cannot contain them.
 * The wait is bounded by the writes' own request and keychain timeouts, and a cancel ends it.
 */
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';

export interface InFlightWrites {
  /** Runs one write of the profile's tokens, known to syncs until it settles (either way). */
  run<T>(profileId: string, write: () => Promise<T>): Promise<T>;
  /** Resolves once every write of the profile in flight now has settled; CANCELLED when `signal` aborts. */
  settled(profileId: string, signal: AbortSignal): Promise<void>;
}

export function createInFlightWrites(): InFlightWrites {
  const inFlight = new Map<string, Set<Promise<void>>>();
  return {
    run(profileId, write) {
      const promise = write();
      const done = promise.then(
        () => undefined,
        () => undefined,
      );
      const writes = inFlight.get(profileId) ?? new Set<Promise<void>>();
      inFlight.set(profileId, writes);
      writes.add(done);
      void done.then(() => {
        writes.delete(done);
        if (writes.size === 0 && inFlight.get(profileId) === writes) inFlight.delete(profileId);
      });
      return promise;
    },
    settled(profileId, signal) {
      const pending = [...(inFlight.get(profileId) ?? [])];
      if (pending.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const cancelled = (): void => reject(new AppError('CANCELLED', msg('errors.sync.cancelled')));
        if (signal.aborted) {
          cancelled();
          return;
        }
        signal.addEventListener('abort', cancelled, { once: true });
        void Promise.all(pending).then(() => {
          signal.removeEventListener('abort', cancelled);
          resolve();
        });
      });
    },
  };
}
