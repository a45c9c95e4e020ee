/**
 * The names of every IPC channel and event, as plain data.
 *
 * This module imports nothing, so the sandboxed preload can bundle it without pulling in zod.
 * `contract.ts` declares a schema pair for each name and is checked against this list with
 * `satisfies`, so a channel missing on either side is a compile error.
 */

export const CHANNEL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'profiles.list',
  'profiles.add',
  'profiles.rename',
  'profiles.replaceCredential',
  'profiles.remove',
  'keychain.entries',
  'keychain.reattach',
  'keychain.forget',
  'accounts.list',
  'zones.list',
  'permissionGroups.list',
  'sync.start',
  'sync.cancel',
  'sync.status',
  'tokens.list',
  'tokens.get',
  'tokens.history',
  'templates.list',
  'tokens.preview',
  'tokens.create',
  'tokens.update',
  'tokens.setStatus',
  'tokens.delete',
  'tokens.roll',
  'tokens.verify',
  'tokens.verifyAll',
  'tokens.verifySecret',
  'tokens.adopt',
  'tokens.forgetSecret',
  'clipboard.copy',
  // Policies as code (src/shared/export/contract-channels.ts).
  'export.tokens',
  'export.copy',
  'import.resolve',
  'tokens.duplicateTo',
  'rotation.start',
  'rotation.list',
  'rotation.retire',
  'rotation.resume',
  'rotation.cancel',
  // Access and health (src/shared/health/contract-channels.ts).
  'access.explore',
  'health.list',
  'health.dismiss',
  'health.restore',
  'bulk.plan',
  'bulk.run',
  'reports.save',
  // The sandbox: sample data, no Cloudflare login (src/shared/sandbox/contract-channels.ts).
  'sandbox.status',
  'sandbox.enter',
  'sandbox.leave',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Events main pushes to the renderer. */
export const EVENT_NAMES = [
  'sync.progress',
  'sync.finished',
  'clipboard.cleared',
  'bulk.progress',
  'health.open',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** The IPC channel events travel on (one channel, the event name inside the payload). */
export const EVENT_CHANNEL = 'keyflare:event';

/** Prefix of every invoke channel on the wire, so Keyflare's channels never clash with others. */
export const INVOKE_PREFIX = 'keyflare:';

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
