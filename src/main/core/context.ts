/**
 * CoreContext: what every core service receives — the injected ports plus the opened cache.
 */
import type { CacheEvent } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Db } from './db/open-cache';
import type { ClipboardPort, Clock, EmitEvent, Logger, Timers } from './ports';
import type { SecretStore } from './secrets/secret-store';

export interface CoreContext {
  dataDir: string;
  appVersion: string;
  platform: string;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  emit: EmitEvent;
  secrets: SecretStore;
  clipboard: ClipboardPort;
  /** fetch used for every Cloudflare call (tests may wrap it to count or observe requests). */
  fetch: typeof fetch;
  /** The cache; throws CACHE_NEWER when the file belongs to a newer Keyflare. */
  db(): Db;
  schemaVersion: number;
  cacheEvent: CacheEvent | null;
}

export function refusedCache(event: CacheEvent): () => never {
  return () => {
    throw new AppError('CACHE_NEWER', event.message);
  };
}
