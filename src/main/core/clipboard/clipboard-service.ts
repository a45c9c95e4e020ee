/**
 * clipboard.copy: main builds the text, writes the clipboard itself and clears it later.
 *
 * The renderer never receives a secret: it asks for a format and gets back only how long until
 * the clipboard is cleared (and the command itself for curl_env, which holds no secret). After
 * settings.clipboardClearSeconds the clipboard is cleared — only if it still holds what Keyflare
 * wrote, so something the user copied since is never wiped — and `clipboard.cleared` is
 * emitted. A newer copy cancels the older timer. Only a SHA-256 of the written text is kept
 * for that comparison, not the text.
 */
import { createHash } from 'node:crypto';
import type { CopyFormat } from '../../../shared/domain';
import { AppError, isAppError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import type { InventoryService } from '../inventory/inventory-service';
import type { ProfileService } from '../profiles/profile-service';
import { tokenSecretAccount } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { ShownSecrets } from '../tokens/shown-secrets';
import { NO_SECRET_MESSAGE } from '../tokens/verify-tokens';
import { copyText, needsSecret } from './copy-text';

export interface ClipboardDeps {
  profiles: ProfileService;
  inventory: InventoryService;
  settings: SettingsService;
  /** Secrets just shown after create or roll (copyable for a few minutes without the keychain). */
  shownSecrets?: ShownSecrets;
}

export interface CopyReply {
  clearsInSeconds: number;
  /** The copied text when it holds no secret; null otherwise. */
  text: string | null;
}

export interface ClipboardService {
  copy(profileId: string, tokenId: string, format: CopyFormat): Promise<CopyReply>;
  /** Clears now what the pending timer would clear later (e.g. when the app quits). */
  flush(): Promise<void>;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createClipboardService(ctx: CoreContext, deps: ClipboardDeps): ClipboardService {
  let pending: { handle: unknown; digest: string } | null = null;

  const clearIfUnchanged = async (written: string): Promise<void> => {
    if (pending?.digest !== written) return;
    pending = null;
    try {
      const current = await ctx.clipboard.read();
      if (digest(current) !== written) {
        ctx.logger.info('clipboard left as is: it changed since Keyflare wrote it');
        return;
      }
      await ctx.clipboard.clear();
      ctx.emit('clipboard.cleared', { clearedAt: ctx.clock.now().toISOString() });
    } catch (error) {
      ctx.logger.warn('clipboard not cleared', { code: isAppError(error) ? error.code : 'unknown' });
    }
  };

  return {
    async copy(profileId, tokenId, format) {
      const profile = deps.profiles.get(profileId);
      const row = deps.inventory.row(profileId, tokenId);
      let secret: string | null = null;
      if (needsSecret(format)) {
        secret =
          deps.shownSecrets?.recall(profileId, tokenId) ??
          (await ctx.secrets.get(tokenSecretAccount(profileId, tokenId)));
        if (secret === null) throw new AppError('NOT_FOUND', NO_SECRET_MESSAGE, { profileId, tokenId });
      }
      const { text, concealed } = copyText(
        format,
        { baseUrl: profile.baseUrl, kind: row.kind, accountId: row.accountId },
        secret,
      );
      await ctx.clipboard.write(text, { concealed });

      const seconds = deps.settings.get().clipboardClearSeconds;
      if (pending) ctx.timers.clearTimeout(pending.handle);
      const written = digest(text);
      pending = {
        handle: ctx.timers.setTimeout(() => void clearIfUnchanged(written), seconds * 1000),
        digest: written,
      };
      ctx.logger.info('copied to the clipboard', { profileId, tokenId, format });
      return { clearsInSeconds: seconds, text: concealed ? null : text };
    },
    async flush() {
      if (!pending) return;
      ctx.timers.clearTimeout(pending.handle);
      await clearIfUnchanged(pending.digest);
    },
  };
}
