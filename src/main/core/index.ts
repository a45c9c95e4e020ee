/**
 * The core: every Keyflare capability as plain Node, with no Electron import.
 *
 * `createCore(options)` opens the cache in `dataDir`, builds every service from the injected
 * ports and returns `dispatch(channel, input)` — the one entry point the Electron shell and the
 * tests call. `dispatch` validates input against the contract and never throws.
 */
import type { ChannelName } from '../../shared/channels';
import { AppError } from '../../shared/errors';
import type { CacheEvent } from '../../shared/domain';
import { readAppInfo } from './app/app-info';
import type { CoreContext } from './context';
import { refusedCache } from './context';
import { openCache, type Db } from './db/open-cache';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createFileLogger } from './logger';
import { systemClock, systemTimers, type ClipboardPort, type Clock, type EmitEvent, type Logger, type Timers } from './ports';
import { createKeytarStore } from './secrets/keytar-store';
import type { SecretStore } from './secrets/secret-store';
import { createSettingsService } from './settings/settings-service';

export interface CoreOptions {
  dataDir: string;
  appVersion?: string;
  platform?: string;
  /** Defaults to the OS keychain (keytar). Tests of callers may pass an in-memory store. */
  secrets?: SecretStore;
  clipboard?: ClipboardPort;
  clock?: Clock;
  timers?: Timers;
  logger?: Logger;
  emit?: EmitEvent;
  fetch?: typeof fetch;
  /** Check each reply against its output schema (default: true). */
  validateOutput?: boolean;
}

export interface Core {
  dispatch: Dispatch;
  /** The context, for tests that inspect the cache or ports. */
  context: CoreContext;
  close(): void;
}

/** A clipboard that refuses: used when the host gives none (e.g. a headless test of other parts). */
const noClipboard: ClipboardPort = {
  write: () => {
    throw new AppError('INTERNAL', 'No clipboard is available in this environment.');
  },
  read: () => '',
  clear: () => undefined,
};

function notYet(channel: ChannelName): () => never {
  return () => {
    throw new AppError('INTERNAL', `${channel} is not available yet.`);
  };
}

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createFileLogger({ dataDir: options.dataDir, now: () => clock.now() });
  let db: Db | null = null;
  let cacheEvent: CacheEvent | null = null;
  try {
    const opened = openCache({ dataDir: options.dataDir, now: () => clock.now() });
    db = opened.db;
    cacheEvent = opened.event;
    if (cacheEvent) logger.warn('cache moved aside', { movedTo: cacheEvent.movedTo });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CACHE_NEWER') throw error;
    cacheEvent = { kind: 'newer_schema', message: error.message, movedTo: [], at: clock.now().toISOString() };
    logger.warn('cache refused: newer schema');
  }
  const openedDb = db;
  const context: CoreContext = {
    dataDir: options.dataDir,
    appVersion: options.appVersion ?? '0.0.0-dev',
    platform: options.platform ?? process.platform,
    clock,
    timers: options.timers ?? systemTimers,
    logger,
    emit: options.emit ?? (() => undefined),
    secrets: options.secrets ?? createKeytarStore(),
    clipboard: options.clipboard ?? noClipboard,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    db: openedDb ? () => openedDb : refusedCache(cacheEvent as CacheEvent),
    schemaVersion: LATEST_SCHEMA_VERSION,
    cacheEvent,
  };

  const settings = createSettingsService(context);

  const handlers: Handlers = {
    'app.info': () => readAppInfo(context),
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
    'profiles.list': notYet('profiles.list'),
    'profiles.add': notYet('profiles.add'),
    'profiles.rename': notYet('profiles.rename'),
    'profiles.replaceCredential': notYet('profiles.replaceCredential'),
    'profiles.remove': notYet('profiles.remove'),
    'accounts.list': notYet('accounts.list'),
    'zones.list': notYet('zones.list'),
    'permissionGroups.list': notYet('permissionGroups.list'),
    'sync.start': notYet('sync.start'),
    'sync.cancel': notYet('sync.cancel'),
    'sync.status': notYet('sync.status'),
    'tokens.list': notYet('tokens.list'),
    'tokens.get': notYet('tokens.get'),
    'tokens.history': notYet('tokens.history'),
    'templates.list': notYet('templates.list'),
    'tokens.preview': notYet('tokens.preview'),
    'tokens.create': notYet('tokens.create'),
    'tokens.update': notYet('tokens.update'),
    'tokens.setStatus': notYet('tokens.setStatus'),
    'tokens.delete': notYet('tokens.delete'),
    'tokens.roll': notYet('tokens.roll'),
    'tokens.verify': notYet('tokens.verify'),
    'tokens.verifyAll': notYet('tokens.verifyAll'),
    'tokens.verifySecret': notYet('tokens.verifySecret'),
    'tokens.adopt': notYet('tokens.adopt'),
    'tokens.forgetSecret': notYet('tokens.forgetSecret'),
    'clipboard.copy': notYet('clipboard.copy'),
  };

  const dispatch = createDispatcher(handlers, { logger, validateOutput: options.validateOutput ?? true });

  return {
    dispatch,
    context,
    close() {
      openedDb?.close();
    },
  };
}
