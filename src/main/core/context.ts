/**
 * CoreContext: what every core service receives — the injected ports plus the opened cache.
 */
import type { DataFileEvent } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { msg } from '../../shared/i18n/message';
import type { Db } from './db/sqlite-file';
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
  /**
   * The profile store with the snapshot cache attached (db/data-files.ts); throws CACHE_NEWER
   * when the data folder belongs to a newer Keyflare.
   */
  db(): Db;
  /** What happened to the data files at start (moved aside or refused). */
  dataEvents: DataFileEvent[];
}

export function refusedData(event: DataFileEvent): () => never {
  return () => {
    throw new AppError('CACHE_NEWER', msg('errors.cache.newerFolder', { store: event.store }));
  };
}
