/**
 * The core: every Keyflare capability as plain Node, with no Electron import.
 *
 * `createCore(options)` opens the cache in `dataDir`, builds every service from the injected
 * ports and returns `dispatch(channel, input)` — the one entry point the Electron shell and the
 * tests call. `dispatch` validates input against the contract and never throws.
 */
import { AppError } from '../../shared/errors';
import { msg } from '../../shared/i18n/message';
import { readAppInfo } from './app/app-info';
import type { CoreContext } from './context';
import { refusedData } from './context';
import { openDataFiles } from './db/data-files';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createFileLogger } from './logger';
import {
  systemClock,
  systemTimers,
  type BackgroundHost,
  type ClipboardPort,
  type Clock,
  type EmitEvent,
  type Logger,
  type Timers,
} from './ports';
import { createKeytarStore } from './secrets/keytar-store';
import type { SecretStore } from './secrets/secret-store';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createSyncSchedule, type ScheduleOptions, type SyncSchedule } from './schedule/sync-schedule';
import { createCloudflareGateway, type CloudflareGateway, type GatewayOptions } from './cloudflare/gateway';
import { closeInterruptedRuns, closeOwnRuns } from './db/sync-run-repository';
import { createKeychainService } from './keychain/keychain-service';
import { createInventoryService, type InventoryService } from './inventory/inventory-service';
import { createProfileService, type ProfileService } from './profiles/profile-service';
import { createInFlightWrites } from './tokens/in-flight-writes';
import { createSyncService, type SyncOptions, type SyncService } from './sync/sync-service';
import { createShownSecrets, type ShownSecrets } from './tokens/shown-secrets';
import { createTokenService, type TokenService } from './tokens/token-service';
import { createClipboardService, type ClipboardService } from './clipboard/clipboard-service';
import { createExportService } from './export/export-service';
import { createRotationService } from './rotation/rotation-service';
import { createAccessService, type AccessService } from './access/access-service';
import { createBulkService, type BulkService } from './bulk/bulk-service';
import { createHealthService, type HealthService } from './health/health-service';
import { noNotifier, type DesktopNotifier } from './reminders/notifier-port';
import type { LanguageChoice, Message } from '../../shared/i18n';
import { userLanguage, type UserLanguage } from './settings/user-language';
import {
  createReminderService,
  type ReminderOptions,
  type ReminderService,
} from './reminders/reminder-service';
import { createReportService, type ReportService } from './reports/report-service';
import type { SaveDialogPort } from './reports/save-dialog-port';
import { noSandbox, type SandboxSwitch } from './sandbox/sandbox-port';
import { createHttpFetch } from './cloudflare/http-fetch';

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
  /** Sends every Cloudflare call; defaults to Node's http client (cloudflare/http-fetch.ts). */
  fetch?: typeof fetch;
  /** Tuning of Cloudflare calls (timeouts, read attempts, backoff, request budget). */
  cloudflare?: Pick<GatewayOptions, 'timeoutMs' | 'maxReadAttempts' | 'backoffBaseMs' | 'budget'>;
  sync?: SyncOptions;
  /** The Electron shell's tray and login items (absent in tests and the e2e bridge). */
  background?: BackgroundHost;
  /** The OS's preferred languages (the Electron shell's; absent elsewhere: the window speaks English). */
  systemLocales?: readonly string[];
  /** Tuning of the scheduled sync, which runs only once `services.schedule.start()` is called. */
  schedule?: ScheduleOptions & { random?: () => number };
  /** Test hook: runs inside each sync's snapshot transaction just before it commits. */
  beforeSnapshotCommit?: (profileId: string) => void;
  /** The desktop's notifications and badge (the Electron shell's; none in tests and the e2e bridge). */
  notifier?: DesktopNotifier;
  /** Where reports are saved (the shell's save dialog; tests answer a path of their own). */
  saveDialog?: SaveDialogPort;
  /** Tuning of the reminders, which run only once `services.reminders.start()` is called. */
  reminders?: ReminderOptions;
  /** The host's sandbox switch (sandbox/sandbox-host.ts); without one the sandbox stays off. */
  sandbox?: SandboxSwitch;
}

/** The core's services, for tests, the benchmark and (later) token operations. */
export interface CoreServices {
  gateway: CloudflareGateway;
  profiles: ProfileService;
  sync: SyncService;
  inventory: InventoryService;
  tokens: TokenService;
  clipboard: ClipboardService;
  shownSecrets: ShownSecrets;
  settings: SettingsService;
  schedule: SyncSchedule;
  access: AccessService;
  health: HealthService;
  reminders: ReminderService;
  bulk: BulkService;
  reports: ReportService;
  /** The user's language now (Settings → Language, or the OS's): what notifications and the tray speak. */
  language: () => UserLanguage;
}

export interface Core {
  dispatch: Dispatch;
  /** The context, for tests that inspect the cache or ports. */
  context: CoreContext;
  services: CoreServices;
  close(): void;
}

/** A clipboard that refuses: used when the host gives none (e.g. a headless test of other parts). */
const noClipboard: ClipboardPort = {
  write: () => Promise.reject(new AppError('INTERNAL', msg('errors.clipboard.none'))),
  read: () => Promise.resolve(''),
  clear: () => Promise.resolve(),
};

export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createFileLogger({ dataDir: options.dataDir, now: () => clock.now() });
  const opened = openDataFiles({ dataDir: options.dataDir, now: () => clock.now() });
  for (const event of opened.events)
    logger.warn(event.kind === 'newer_schema' ? 'data file refused: newer schema' : 'data file moved aside', {
      store: event.store,
      movedTo: event.movedTo,
    });
  const openedDb = opened.db;
  // Reminders are checked after every sync; they are built below, once their services exist.
  let reminders: ReminderService | null = null;
  const emit: EmitEvent = (event, payload) => {
    options.emit?.(event, payload);
    if (event === 'sync.finished') reminders?.afterSync();
  };
  // Cloudflare's connections, kept alive between requests; closed with the core.
  const transport = createHttpFetch();
  const context: CoreContext = {
    dataDir: options.dataDir,
    appVersion: options.appVersion ?? '0.0.0-dev',
    platform: options.platform ?? process.platform,
    clock,
    timers: options.timers ?? systemTimers,
    logger,
    emit,
    secrets: options.secrets ?? createKeytarStore(),
    clipboard: options.clipboard ?? noClipboard,
    fetch: options.fetch ?? transport.fetch,
    db: opened.refused === null ? () => opened.db : refusedData(opened.refused),
    dataEvents: opened.events,
  };

  // Only runs whose process is gone: the window and the command line may be syncing right now.
  if (openedDb) closeInterruptedRuns(openedDb, clock.now().toISOString());

  const settings = createSettingsService(context, {
    loginItem: options.background?.loginItem ?? null,
    // The shell's own message (login-item.ts), so its key is in the catalogues.
    loginItemUnavailable: () =>
      (options.background?.support().launchAtLoginUnavailableReason as Message | undefined) ?? null,
  });
  let sync: SyncService | null = null;
  const gateway = createCloudflareGateway({
    fetch: context.fetch,
    clock,
    userAgent: `Keyflare/${context.appVersion}`,
    ...options.cloudflare,
    onRateLimited: (profileId) => sync?.rateLimited(profileId),
  });
  // Secrets shown once and not kept: they leave memory on a timer, with their profile, or at close.
  const shownSecrets = createShownSecrets(clock, context.timers);
  const profiles = createProfileService(context, {
    gateway,
    beforeChange: (profileId) => {
      shownSecrets.forgetProfile(profileId);
      return sync?.stop(profileId);
    },
  });
  // Token writes and syncs share it: a sync commits only after the writes in flight landed.
  const writes = createInFlightWrites();
  sync = createSyncService(context, {
    gateway,
    profiles,
    writes,
    ...(options.sync ? { options: options.sync } : {}),
    ...(options.beforeSnapshotCommit ? { beforeCommit: options.beforeSnapshotCommit } : {}),
  });
  const syncService = sync;
  const schedule = createSyncSchedule(
    {
      clock,
      timers: context.timers,
      logger,
      everyHours: () => settings.get().syncEveryHours,
      states: () => syncService.status(),
      sync: (profileId) => syncService.start(profileId),
      ...(options.schedule?.random ? { random: options.schedule.random } : {}),
    },
    options.schedule,
  );
  settings.onChange((_settings, patch) => {
    if (patch.syncEveryHours !== undefined) schedule.refresh();
  });
  const inventory = createInventoryService(context);
  const keychain = createKeychainService(context);
  const tokens = createTokenService(
    context,
    { gateway, profiles, inventory },
    { verifyBudget: options.cloudflare?.budget, shownSecrets, writes },
  );
  const clipboard = createClipboardService(context, { profiles, inventory, settings, shownSecrets });
  const policyCode = createExportService(context, { profiles, inventory });
  const rotations = createRotationService(context, { inventory, tokens, sync: syncService });
  const access = createAccessService(context);
  const health = createHealthService(context, { inventory, settings });
  // A data folder that cannot be read (the tray says so) leaves the OS's language.
  const language = (): UserLanguage => {
    let choice: LanguageChoice = 'system';
    try {
      choice = settings.get().language;
    } catch {
      // The OS's language, below.
    }
    return userLanguage(choice, options.systemLocales ?? []);
  };
  const reminderService = createReminderService(
    context,
    { health, settings, notifier: options.notifier ?? noNotifier, language },
    options.reminders,
  );
  reminders = reminderService;
  health.onChange(() => reminderService.refreshBadge());
  settings.onChange((_settings, patch) => {
    if (patch.expiryWarningDays !== undefined || patch.rotationDueDays !== undefined)
      reminderService.refreshBadge();
  });
  const bulk = createBulkService(context, { inventory, tokens });
  const reports = createReportService(context, {
    inventory,
    health,
    saveDialog: options.saveDialog ?? null,
    language,
  });

  const handlers: Handlers = {
    'app.info': () =>
      readAppInfo(context, options.background?.support() ?? null, options.systemLocales ?? []),
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
    'profiles.list': () => profiles.list(),
    'profiles.add': (input) => profiles.add(input),
    'profiles.rename': (input) => profiles.rename(input.profileId, input.label),
    'profiles.replaceCredential': (input) => profiles.replaceCredential(input.profileId, input.credential),
    'profiles.remove': async (input) => {
      await profiles.remove(input.profileId);
      return { removed: true as const };
    },
    'keychain.entries': () => keychain.entries(),
    'keychain.reattach': (input) => profiles.reattach(input),
    'keychain.forget': (input) => keychain.forget(input.profileId, input.tokenId ?? null),
    'accounts.list': (input) => inventory.accounts(input.profileId),
    'zones.list': (input) => inventory.zones(input.profileId, input.accountId),
    'permissionGroups.list': (input) => inventory.permissionGroups(input.profileId, input.owner),
    'sync.start': (input) => syncService.start(input.profileId),
    'sync.cancel': (input) => ({ cancelled: syncService.cancel(input.profileId) }),
    'sync.status': () => schedule.withNextSync(syncService.status()),
    'tokens.list': (input) => inventory.tokens(input.profileId),
    'tokens.get': (input) => inventory.token(input.profileId, input.tokenId),
    'tokens.history': (input) => inventory.history(input),
    'templates.list': (input) => tokens.templates(input.profileId, input.owner),
    'tokens.preview': (input) => tokens.preview(input.profileId, input.owner, input.draft, input.tokenId),
    'tokens.create': (input) => tokens.create(input),
    'tokens.update': (input) => tokens.update(input.profileId, input.tokenId, input.draft),
    'tokens.setStatus': (input) => tokens.setStatus(input.profileId, input.tokenId, input.status),
    'tokens.delete': async (input) => {
      await tokens.delete(input.profileId, input.tokenId);
      return { deleted: true as const };
    },
    'tokens.roll': (input) => tokens.roll(input.profileId, input.tokenId, input.keepSecret),
    'tokens.verify': (input) => tokens.verify(input.profileId, input.tokenId),
    'tokens.verifyAll': (input) => tokens.verifyAll(input.profileId),
    'tokens.verifySecret': (input) => tokens.verifySecret(input.profileId, input.secret, input.owner),
    'tokens.adopt': (input) => tokens.adopt(input.profileId, input.tokenId, input.secret),
    'tokens.forgetSecret': (input) => tokens.forgetSecret(input.profileId, input.tokenId),
    'clipboard.copy': (input) => clipboard.copy(input.profileId, input.tokenId, input.format),
    'export.tokens': (input) => policyCode.exportTokens(input.tokens, input.format),
    'export.copy': (input) => policyCode.copy(input.tokens, input.format),
    'import.resolve': (input) => policyCode.resolveImport(input),
    'tokens.duplicateTo': (input) => policyCode.duplicateTo(input, input.targetProfileId, input.targetOwner),
    'rotation.start': (input) => rotations.start(input.profileId, input.tokenId, input.keepSecret),
    'rotation.list': (input) => rotations.list(input),
    'rotation.retire': (input) => rotations.retire(input.rotationId, input.action),
    'rotation.resume': (input) => rotations.resume(input.rotationId),
    'rotation.cancel': (input) => rotations.cancel(input.rotationId),
    'access.explore': (input) => access.explore(input.target),
    'health.list': () => health.report(),
    'health.dismiss': (input) => health.dismiss(input),
    'health.restore': (input) => ({ restored: health.restore(input.profileId, input.tokenId, input.kind) }),
    'bulk.plan': (input) => bulk.plan(input.action, input.tokens),
    'bulk.run': (input) => bulk.run(input.action, input.tokens),
    'reports.save': (input) => reports.save(input),
    'sandbox.status': () => (options.sandbox ?? noSandbox).status(),
    'sandbox.enter': () => (options.sandbox ?? noSandbox).enter(),
    'sandbox.leave': () => (options.sandbox ?? noSandbox).leave(),
  };

  const dispatch = createDispatcher(handlers, { logger });

  return {
    dispatch,
    context,
    services: {
      gateway,
      profiles,
      sync: syncService,
      inventory,
      tokens,
      clipboard,
      shownSecrets,
      settings,
      schedule,
      access,
      health,
      reminders: reminderService,
      bulk,
      reports,
      language,
    },
    close() {
      schedule.stop();
      reminderService.stop();
      // A sync still running would write into a closed cache; stop it, and end its run here: the
      // process may go on (another core, a test), so no later start would find its owner gone.
      if (openedDb?.open) {
        const running = syncService
          .status()
          .filter((status) => status.running)
          .map((status) => status.profileId);
        for (const profileId of running) syncService.cancel(profileId);
        closeOwnRuns(openedDb, running, clock.now().toISOString());
      }
      shownSecrets.clear();
      openedDb?.close();
      transport.close();
    },
  };
}
