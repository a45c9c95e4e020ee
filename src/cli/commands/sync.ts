/**
 * `keyflare sync`: the window's sync, with progress on stderr — a cli-progress bar per profile on
 * a terminal (the widely used bar library; it redraws in place and stops cleanly), plain lines
 * at each quarter otherwise, so CI logs stay readable.
 */
import type { SyncRun } from '../../shared/domain';
import { isErrorCode } from '../../shared/errors';
import type { MessageKey } from '../../shared/i18n/message';
import type { CommandContext } from '../context';
import { coreSentence } from '../errors';
import { EXIT, exitCodeFor } from '../exit-codes';
import { ADD_PROFILE, findProfile } from '../refs';
import { displayWidth, padToWidth } from '../width';

interface ProgressView {
  update(profileId: string, done: number, planned: number): void;
  stop(): void;
}

async function progressView(ctx: CommandContext, labels: Map<string, string>): Promise<ProgressView> {
  if (ctx.out.options.quiet) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    // A CommonJS package: its exports arrive as the module's default, bundled or not.
    const { MultiBar, Presets } = (await import('cli-progress')).default;
    const bars = new MultiBar(
      {
        stream: process.stderr,
        format: ` {label} [{bar}] ${ctx.lang.t('cli.sync.barRequests', { done: '{value}', planned: '{total}' })}`,
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        noTTYOutput: false,
      },
      Presets.shades_classic,
    );
    const width = Math.max(...[...labels.values()].map((label) => displayWidth(label)));
    const byProfile = new Map<string, ReturnType<typeof bars.create>>();
    return {
      update(profileId, done, planned) {
        const label = padToWidth(labels.get(profileId) ?? profileId, width);
        let bar = byProfile.get(profileId);
        if (!bar) {
          bar = bars.create(Math.max(planned, 1), 0, { label });
          byProfile.set(profileId, bar);
        }
        bar.setTotal(Math.max(planned, 1));
        bar.update(done, { label });
      },
      stop: () => bars.stop(),
    };
  }
  const lastQuarter = new Map<string, number>();
  return {
    update(profileId, done, planned) {
      const quarter = planned > 0 ? Math.floor((done / planned) * 4) : 0;
      if ((lastQuarter.get(profileId) ?? -1) >= quarter) return;
      lastQuarter.set(profileId, quarter);
      ctx.out.note(
        ctx.lang.t('cli.sync.progress', { label: labels.get(profileId) ?? profileId, done, planned }),
      );
    },
    stop: () => undefined,
  };
}

/** How long a run took, in seconds with one decimal as the locale writes it; 'none' when unknown. */
function seconds(ctx: CommandContext, run: SyncRun): string {
  if (!run.endedAt) return 'none';
  const value = Math.round((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 100) / 10;
  return value.toLocaleString(ctx.lang.formats.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/** Syncs and reports each run; the exit code of the first failure, else 0. */
export async function runSync(ctx: CommandContext, profileRef: string | undefined): Promise<number> {
  let view: ProgressView | null = null;
  const session = await ctx.session({
    onEvent: (event, payload) => {
      if (event !== 'sync.progress' || !view) return;
      const progress = payload as { profileId: string; done: number; planned: number };
      view.update(progress.profileId, progress.done, progress.planned);
    },
  });
  const profiles = await session.call('profiles.list', {});
  const chosen = profileRef === undefined ? null : findProfile(profiles, profileRef);
  if (profiles.length === 0) {
    ctx.out.note(ctx.lang.t('cli.sync.noProfiles', ADD_PROFILE.params));
    return EXIT.ok;
  }
  const labels = new Map(profiles.map((profile) => [profile.id, profile.label]));
  view = await progressView(ctx, labels);
  let runs: SyncRun[];
  try {
    runs = await session.call('sync.start', chosen ? { profileId: chosen.id } : {});
  } finally {
    view.stop();
  }
  let code: number = EXIT.ok;
  for (const run of runs) {
    const label = labels.get(run.profileId) ?? run.profileId;
    if (run.outcome === 'ok') {
      ctx.out.note(
        ctx.lang.t('cli.sync.synced', {
          label,
          synced: ctx.out.good(ctx.lang.t('cli.sync.syncedWord')),
          seconds: seconds(ctx, run),
          requests: run.requestCount,
        }),
      );
      continue;
    }
    const message = run.error
      ? coreSentence(ctx.lang, { ...run.error, key: run.error.key as MessageKey | undefined })
      : ctx.lang.t('cli.sync.ended', { outcome: run.outcome });
    ctx.out.error(
      ctx.lang.t('cli.sync.failed', {
        label,
        notSynced: ctx.out.bad(ctx.lang.t('cli.sync.notSyncedWord')),
        message,
      }),
    );
    if (code === EXIT.ok)
      code = run.error && isErrorCode(run.error.code) ? exitCodeFor(run.error.code) : EXIT.network;
  }
  return code;
}

export function sync(ctx: CommandContext, options: { profile?: string }): Promise<number> {
  return runSync(ctx, options.profile);
}
