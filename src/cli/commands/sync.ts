/**
 * `keyflare sync`: the window's sync, with progress on stderr — a cli-progress bar per profile on
 * a terminal (the widely used bar library; it redraws in place and stops cleanly), plain lines
 * at each quarter otherwise, so CI logs stay readable.
 */
import type { SyncRun } from '../../shared/domain';
import { isErrorCode } from '../../shared/errors';
import type { CommandContext } from '../context';
import { EXIT, exitCodeFor } from '../exit-codes';
import { findProfile } from '../refs';

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
        format: ' {label} [{bar}] {value}/{total} requests',
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        noTTYOutput: false,
      },
      Presets.shades_classic,
    );
    const width = Math.max(...[...labels.values()].map((label) => label.length));
    const byProfile = new Map<string, ReturnType<typeof bars.create>>();
    return {
      update(profileId, done, planned) {
        const label = (labels.get(profileId) ?? profileId).padEnd(width);
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
      ctx.out.note(`${labels.get(profileId) ?? profileId}: ${done}/${planned} requests`);
    },
    stop: () => undefined,
  };
}

function seconds(run: SyncRun): string {
  if (!run.endedAt) return '';
  return ` in ${((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1)} s`;
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
    ctx.out.note('No profiles to sync. Add one with `keyflare profiles add <label>`.');
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
      ctx.out.note(`${label}: ${ctx.out.good('synced')}${seconds(run)} (${run.requestCount} requests)`);
      continue;
    }
    const message = run.error?.message ?? `the sync ended ${run.outcome}`;
    ctx.out.error(`${label}: ${ctx.out.bad('not synced')}: ${message} The previous snapshot is kept.`);
    if (code === EXIT.ok)
      code = run.error && isErrorCode(run.error.code) ? exitCodeFor(run.error.code) : EXIT.network;
  }
  return code;
}

export function sync(ctx: CommandContext, options: { profile?: string }): Promise<number> {
  return runSync(ctx, options.profile);
}
