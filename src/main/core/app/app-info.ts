/**
 * app.info: what Keyflare is, where its data lives, and the state of the data files and keychain.
 */
import type { AppInfo, BackgroundSupport } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { CACHE_SCHEMA_VERSION } from '../db/cache-migrations';
import { PROFILE_STORE_SCHEMA_VERSION } from '../db/profile-store-migrations';

/**
 * `background`: what the Electron shell reported (tray, launch at login); null without a shell.
 * `systemLocales`: the OS's preferred languages as the shell read them; none without a shell.
 */
export async function readAppInfo(
  ctx: CoreContext,
  background: BackgroundSupport | null = null,
  systemLocales: readonly string[] = [],
): Promise<AppInfo> {
  return {
    name: 'Keyflare',
    version: ctx.appVersion,
    dataDir: ctx.dataDir,
    schemaVersions: { profiles: PROFILE_STORE_SCHEMA_VERSION, cache: CACHE_SCHEMA_VERSION },
    platform: ctx.platform,
    keychain: await ctx.secrets.status(),
    dataEvents: ctx.dataEvents,
    background,
    systemLocales: [...systemLocales],
  };
}
