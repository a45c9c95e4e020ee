/**
 * health.list, health.dismiss and health.restore: every problem across logins, answered from the
 * cache, the profile store (history, snoozes) and, for the secret format only, the keychain.
 *
 * The rules are src/shared/health/health-rules.ts. The kept secrets are read in main to tell an
 * older-format secret from a prefixed one; only that yes or no leaves this module, and a
 * keychain that cannot be read makes the report say so instead of failing. The answers per
 * token are remembered until the token changes (a roll or an adopt moves its modified date or its
 * last verify), so opening the Health view again does not read the keychain again.
 *
 * Snoozes and ignores are per token and problem kind; they stay when the token leaves the cache
 * (a sync may bring it back) and go with the profile.
 */
import pLimit from 'p-limit';
import type { Profile, Settings, TokenRow } from '../../../shared/domain';
import { errorTitleKey, isAppError } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import {
  applyDismissals,
  countBySeverity,
  isOlderFormatSecret,
  quotaProblem,
  sortProblems,
  tokenProblems,
  tokenQuotas,
} from '../../../shared/health/health-rules';
import type {
  HealthDismissal,
  HealthProblem,
  HealthReport,
  TokenProblemKind,
  TokenQuota,
} from '../../../shared/health/health-schemas';
import type { CoreContext } from '../context';
import { lastRolls } from '../db/access-repository';
import { deleteDismissal, listDismissals, saveDismissal } from '../db/health-repository';
import { listProfiles, requireProfile } from '../db/profile-repository';
import type { InventoryService } from '../inventory/inventory-service';
import { tokenPermissions } from '../inventory/token-permissions';
import { tokenSecretAccount } from '../secrets/secret-store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Keychain reads in flight at once while checking secret formats. */
const SECRET_READS = 4;

/** A problem with what the reminders need: the crossing it belongs to. */
export interface ProblemWithSubject {
  problem: HealthProblem;
  /** Names the crossing: the expiry date for expiring/expired, the last roll for rotation due. */
  subject: string;
}

interface ProblemSet {
  problems: ProblemWithSubject[];
  quotas: TokenQuota[];
}

export interface HealthService {
  report(): Promise<HealthReport>;
  /** Problems without the secret-format check (no keychain read), dismissals applied: for reminders. */
  activeProblems(): ProblemWithSubject[];
  dismiss(input: {
    profileId: string;
    tokenId: string;
    kind: TokenProblemKind;
    days?: number | undefined;
  }): HealthDismissal;
  restore(profileId: string, tokenId: string, kind: TokenProblemKind): boolean;
  /** Called after a dismissal or restore, e.g. so the reminders update the badge. */
  onChange(listener: () => void): void;
}

export interface HealthDeps {
  inventory: InventoryService;
  settings: { get(): Settings };
}

function subjectOf(problem: HealthProblem, row: TokenRow, lastRolledAt: string | null): string {
  if (problem.kind === 'rotation_due') return lastRolledAt ?? row.modifiedOn ?? row.issuedOn ?? '';
  return row.expiresOn ?? row.status;
}

export function createHealthService(ctx: CoreContext, deps: HealthDeps): HealthService {
  const formats = new Map<string, { stamp: string; older: boolean }>();
  const listeners: (() => void)[] = [];

  /** Whether each kept secret is of the older format; a keychain failure is a note, not an error. */
  const secretFormats = async (
    rows: readonly TokenRow[],
  ): Promise<{ older: Map<string, boolean>; note: Message | null }> => {
    const older = new Map<string, boolean>();
    const kept = rows.filter((r) => r.secretKept);
    let failed = 0;
    let firstError: Message | null = null;
    const limit = pLimit(SECRET_READS);
    await Promise.all(
      kept.map((row) =>
        limit(async () => {
          const stamp = `${row.modifiedOn ?? ''}|${row.lastVerify?.checkedAt ?? ''}`;
          const known = formats.get(row.key);
          if (known?.stamp === stamp) {
            older.set(row.key, known.older);
            return;
          }
          try {
            const secret = await ctx.secrets.get(tokenSecretAccount(row.profileId, row.id));
            if (secret === null) return;
            const isOlder = isOlderFormatSecret(secret);
            formats.set(row.key, { stamp, older: isOlder });
            older.set(row.key, isOlder);
          } catch (error) {
            failed += 1;
            firstError ??= !isAppError(error)
              ? msg('errors.unexpected')
              : error.key
                ? error.text
                : msg(errorTitleKey(error.code));
          }
        }),
      ),
    );
    const note =
      failed === 0
        ? null
        : msg('insights.problem.secretFormatUnchecked', {
            count: failed,
            ...nest('cause', firstError ?? msg('errors.unexpected')),
          });
    return { older, note };
  };

  const problemSet = (rows: readonly TokenRow[], olderFormat: Map<string, boolean> | null): ProblemSet => {
    const db = ctx.db();
    const settings = deps.settings.get();
    const thresholds = {
      expiryWarningDays: settings.expiryWarningDays,
      rotationDueDays: settings.rotationDueDays,
      unusedDays: settings.unusedDays,
    };
    const now = ctx.clock.now();
    const profiles = new Map<string, Profile>(listProfiles(db).map((p) => [p.id, p]));
    const rolls = lastRolls(db);
    const problems: ProblemWithSubject[] = [];
    for (const row of rows) {
      const profile = profiles.get(row.profileId);
      if (!profile) continue;
      const lastRolledAt = rolls.get(row.key) ?? null;
      for (const problem of tokenProblems(
        {
          row,
          lastRolledAt,
          olderFormat: olderFormat?.get(row.key) ?? null,
          allowed: tokenPermissions(profile, row),
        },
        thresholds,
        now,
      ))
        problems.push({ problem, subject: subjectOf(problem, row, lastRolledAt) });
    }
    const quotas = tokenQuotas(rows, [...profiles.values()]);
    for (const quota of quotas) {
      const problem = quotaProblem(quota);
      if (problem) problems.push({ problem, subject: `${quota.used}` });
    }
    return { problems, quotas };
  };

  const changed = (): void => {
    for (const listener of listeners) listener();
  };

  return {
    async report() {
      const rows = deps.inventory.tokens();
      const { older, note } = await secretFormats(rows);
      const set = problemSet(rows, older);
      const now = ctx.clock.now();
      const { shown, dismissed } = applyDismissals(
        set.problems.map((p) => p.problem),
        listDismissals(ctx.db()),
        now,
      );
      sortProblems(shown);
      return {
        checkedAt: now.toISOString(),
        problems: shown,
        counts: countBySeverity(shown),
        quotas: set.quotas,
        dismissed,
        secretFormatNote: note,
      };
    },

    activeProblems() {
      const set = problemSet(deps.inventory.tokens(), null);
      const { shown } = applyDismissals(
        set.problems.map((p) => p.problem),
        listDismissals(ctx.db()),
        ctx.clock.now(),
      );
      const visible = new Set(shown);
      return set.problems.filter((p) => visible.has(p.problem));
    },

    dismiss(input) {
      const row = deps.inventory.row(input.profileId, input.tokenId);
      const now = ctx.clock.now();
      const dismissal: HealthDismissal = {
        profileId: input.profileId,
        tokenId: input.tokenId,
        tokenName: row.name,
        kind: input.kind,
        until: input.days === undefined ? null : new Date(now.getTime() + input.days * DAY_MS).toISOString(),
      };
      saveDismissal(ctx.db(), dismissal, now.toISOString());
      ctx.logger.info(input.days === undefined ? 'health problem ignored' : 'health problem snoozed', {
        profileId: input.profileId,
        tokenId: input.tokenId,
        kind: input.kind,
      });
      changed();
      return dismissal;
    },

    restore(profileId, tokenId, kind) {
      requireProfile(ctx.db(), profileId);
      const restored = deleteDismissal(ctx.db(), profileId, tokenId, kind);
      if (restored) changed();
      return restored;
    },

    onChange(listener) {
      listeners.push(listener);
    },
  };
}
