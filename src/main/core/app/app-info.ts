/**
 * app.info: what Keyflare is, where its data lives, and the state of the cache and keychain.
 */
import type { AppInfo } from '../../../shared/domain';
import type { CoreContext } from '../context';

export async function readAppInfo(ctx: CoreContext): Promise<AppInfo> {
  return {
    name: 'Keyflare',
    version: ctx.appVersion,
    dataDir: ctx.dataDir,
    schemaVersion: ctx.schemaVersion,
    platform: ctx.platform,
    keychain: await ctx.secrets.status(),
    cacheEvent: ctx.cacheEvent,
  };
}
