/**
 * One lane of the soak run: a profile that syncs, verifies its tokens and creates, rolls and
 * deletes tokens, through the core's channels only, as the window would.
 *
 * Lanes draw their work from one shared pool, so a lane that Cloudflare blocks for minutes does
 * not hold the run back. A block longer than a sync waits is met as a person would: switch the
 * profile to the login's other credential (which ends Keyflare's block on the one it leaves); if
 * that is blocked too, remove the profile and add it again (which ends the block on its own
 * credential); if adding it meets a block of its own — no profile holds that credential, so
 * nothing can end it — wait until the time Keyflare named.
 */
import type { Core } from '../src/main/core';
import type {
  CredentialInput,
  Profile,
  ShowOnceSecret,
  SyncRun,
  SyncStatus,
  TokenDraft,
  TokenOwner,
  VerifyResult,
} from '../src/shared/domain';
import type { Simulator } from '../src/sandbox';
import { ask, cacheDifferences, SoakCallError, visibleState } from './soak-checks';
import type { SoakLedger } from './soak-ledger';

/** A sync waits out blocks this long; a longer block makes the lane act (see above). */
export const SYNC_WAITS_MS = 15_000;
const VERIFIES_PER_ROUND = 5;
const ACME_COM = 'c0de0000000000000000000000000201';

/** The work left for all lanes together. */
export interface Pool {
  syncs: number;
  verifies: number;
  cycles: number;
}

export interface Lane {
  /** The login's credentials (simulator labels); the profile uses `labels[current]`. */
  readonly labels: readonly string[];
  current: number;
  /** null while the lane has no profile (removed, and adding it again has not worked yet). */
  profileId: string | null;
  /** Who owns the tokens this lane creates; null for a lane that only syncs and verifies. */
  readonly cycleOwner: TokenOwner | null;
  /** Who owns the tokens the lane verifies. */
  readonly targetOwner: TokenOwner;
  /** Tokens whose secret the lane keeps, verified in turn. */
  readonly targets: VerifyTarget[];
  adoptPending: boolean;
  /** A verify met a long block: a new profile starts a fresh verify budget. */
  freshProfileWanted: boolean;
  /** Until when Keyflare holds this lane's verifies (a 429 on one of them). */
  verifiesHeldUntil: number;
  /** Until when the lane can do nothing but wait (its credentials are blocked, no profile). */
  idleUntil: number;
  done: { syncs: number; verifies: number; cycles: number };
}

/** A token whose secret the lane keeps to verify it. */
export interface VerifyTarget {
  tokenId: string;
  secret: string;
  /** Whether the current profile keeps the secret (a profile added anew keeps none). */
  kept: boolean;
  /** Until when Cloudflare blocks this secret (a 429 on its verify). */
  heldUntil: number;
}

export interface LaneContext {
  core: Core;
  sim: Simulator;
  ledger: SoakLedger;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function codeOf(error: unknown): string {
  return error instanceof SoakCallError ? error.code : 'THROWN';
}

/** The block an error names, in ms from now (0 when it names none). */
function blockedFor(error: unknown): number {
  if (!(error instanceof SoakCallError) || error.code !== 'RATE_LIMITED') return 0;
  return Math.max(0, Date.parse(error.retryAt ?? '') - Date.now() || 0);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function credentialInput(sim: Simulator, label: string): CredentialInput {
  const credential = sim.credential(label);
  return credential.kind === 'global_key'
    ? { kind: 'global_key', email: credential.email ?? '', key: credential.secret }
    : { kind: 'api_token', token: credential.secret };
}

/** DNS Write on acme.com, a zone every lane's login can reach. */
function draft(sim: Simulator, name: string): TokenDraft {
  const dnsWrite = sim.state
    .permissionGroups()
    .find((group) => group.name === 'DNS Write' && group.scopes.includes('com.cloudflare.api.account.zone'));
  return {
    name,
    policies: [
      {
        effect: 'allow',
        permissionGroupIds: [dnsWrite?.id ?? ''],
        resources: [{ type: 'zone', zoneId: ACME_COM, include: true }],
      },
    ],
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
  };
}

function tokensPath(owner: TokenOwner): string {
  return owner.kind === 'user' ? '/client/v4/user/tokens' : `/client/v4/accounts/${owner.accountId}/tokens`;
}

/** Retries what failed for a passing reason; a block is not passing and ends the tries at once. */
export async function attempt<T>(times: number, work: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await work();
    } catch (error) {
      if (i >= times || blockedFor(error) > 0) throw error;
      await pause(500 * i);
    }
  }
}

export async function createToken(
  ctx: LaneContext,
  owner: TokenOwner,
  profileId: string,
  name: string,
  keep: boolean,
): Promise<ShowOnceSecret> {
  ctx.ledger.countWrite('POST', tokensPath(owner));
  const created = await ask<ShowOnceSecret>(ctx.core, 'tokens.create', {
    profileId,
    owner,
    draft: draft(ctx.sim, name),
    keepSecret: keep,
  });
  ctx.ledger.seen.add(created.secret);
  return created;
}

export async function addProfile(ctx: LaneContext, label: string): Promise<string> {
  ctx.ledger.seen.add(ctx.sim.credential(label).secret);
  const profile = await attempt(4, () =>
    ask<Profile>(ctx.core, 'profiles.add', {
      label,
      credential: credentialInput(ctx.sim, label),
      baseUrl: ctx.sim.baseUrl,
    }),
  );
  return profile.id;
}

export function laneName(lane: Lane): string {
  return lane.labels[0] ?? 'lane';
}

/**
 * Keeps the lane's verify targets' secrets again (after its profile was added anew), and creates
 * a new user-token target when every one it has is blocked.
 */
async function adoptTargets(ctx: LaneContext, lane: Lane, profileId: string): Promise<void> {
  const now = Date.now();
  for (const target of lane.targets) {
    if (target.kept || target.heldUntil > now) continue;
    try {
      await ask(ctx.core, 'tokens.adopt', { profileId, tokenId: target.tokenId, secret: target.secret });
      target.kept = true;
    } catch (error) {
      ctx.ledger.noteError(error);
    }
  }
  // A new token of a shared account would change other lanes' views mid-sync: user tokens only.
  if (
    lane.targetOwner.kind === 'user' &&
    !lane.targets.some((target) => target.kept && target.heldUntil <= now)
  ) {
    try {
      const name = `soak ${laneName(lane)} verify ${lane.targets.length}`;
      const created = await createToken(ctx, lane.targetOwner, profileId, name, true);
      lane.targets.push({ tokenId: created.token.id, secret: created.secret, kept: true, heldUntil: 0 });
    } catch (error) {
      ctx.ledger.noteError(error);
    }
  }
  lane.adoptPending = lane.targets.some((target) => !target.kept && target.heldUntil <= now);
}

async function sync(ctx: LaneContext, lane: Lane, profileId: string): Promise<void> {
  const { core, sim, ledger } = ctx;
  const before = await visibleState(core, profileId);
  const [run] = await ask<SyncRun[]>(core, 'sync.start', { profileId });
  lane.done.syncs += 1;
  if (run?.outcome === 'ok') {
    ledger.syncs.ok += 1;
    const differences = await cacheDifferences(core, sim, profileId);
    if (differences.length > 0) {
      ledger.inconsistentSyncs += 1;
      ledger.firstDifferences.push(...differences.slice(0, 3).map((d) => `${laneName(lane)}: ${d}`));
    }
    if (lane.adoptPending) await adoptTargets(ctx, lane, profileId);
    return;
  }
  ledger.syncs.failed += 1;
  bump(ledger.syncs.byCode, run?.error?.code ?? 'unknown');
  if ((await visibleState(core, profileId)) !== before) ledger.failedSyncsThatChangedTheCache += 1;
}

/** Verifies the next usable target; false when the lane has none to verify now. */
async function verify(ctx: LaneContext, lane: Lane, profileId: string, index: number): Promise<boolean> {
  const now = Date.now();
  const usable = lane.targets.filter((target) => target.kept && target.heldUntil <= now);
  const target = usable[index % Math.max(1, usable.length)];
  if (!target) return false;
  lane.done.verifies += 1;
  try {
    const result = await ask<VerifyResult>(ctx.core, 'tokens.verify', { profileId, tokenId: target.tokenId });
    bump(ctx.ledger.verifies, result.outcome);
  } catch (error) {
    bump(ctx.ledger.verifies, codeOf(error));
    ctx.ledger.noteError(error);
    const blocked = blockedFor(error);
    if (blocked > SYNC_WAITS_MS) {
      // The secret is blocked for minutes, and so is every verify of this profile.
      target.heldUntil = Date.now() + blocked;
      lane.freshProfileWanted = true;
    } else if (blocked > 0) lane.verifiesHeldUntil = Date.now() + blocked;
    else if (codeOf(error) === 'NOT_FOUND') {
      target.kept = false;
      lane.adoptPending = true;
    }
  }
  return true;
}

async function cycle(ctx: LaneContext, lane: Lane, owner: TokenOwner, profileId: string): Promise<void> {
  const { core, ledger } = ctx;
  lane.done.cycles += 1;
  const keep = lane.done.cycles % 2 === 0;
  let tokenId: string;
  try {
    const name = `soak ${laneName(lane)} ${lane.done.cycles}`;
    tokenId = (await createToken(ctx, owner, profileId, name, keep)).token.id;
    bump(ledger.writes, 'create ok');
  } catch (error) {
    bump(ledger.writes, `create ${codeOf(error)}`);
    ledger.noteError(error);
    return;
  }
  const tokenPath = `${tokensPath(owner)}/${tokenId}`;
  try {
    ledger.countWrite('PUT', `${tokenPath}/value`);
    const rolled = await ask<ShowOnceSecret>(core, 'tokens.roll', { profileId, tokenId, keepSecret: keep });
    ledger.seen.add(rolled.secret);
    bump(ledger.writes, 'roll ok');
  } catch (error) {
    bump(ledger.writes, `roll ${codeOf(error)}`);
    ledger.noteError(error);
  }
  try {
    ledger.countWrite('DELETE', tokenPath);
    await ask(core, 'tokens.delete', { profileId, tokenId });
    bump(ledger.writes, 'delete ok');
  } catch (error) {
    bump(ledger.writes, `delete ${codeOf(error)}`);
    ledger.noteError(error);
  }
}

/**
 * Gets the lane's profile out of a long block (see the header); false when it must wait.
 * `fresh` asks for a new profile (a fresh verify budget) rather than another credential.
 */
async function unblock(ctx: LaneContext, lane: Lane, fresh: boolean): Promise<boolean> {
  const { core, ledger } = ctx;
  const other = (lane.current + 1) % lane.labels.length;
  lane.freshProfileWanted = false;
  if (!fresh && lane.profileId !== null && other !== lane.current) {
    try {
      await ask(core, 'profiles.replaceCredential', {
        profileId: lane.profileId,
        credential: credentialInput(ctx.sim, lane.labels[other] ?? ''),
      });
      lane.current = other;
      bump(ledger.unblocking, 'switched credential');
      return true;
    } catch (error) {
      bump(ledger.unblocking, `switch ${codeOf(error)}`);
    }
  }
  if (lane.profileId !== null) {
    await ask(core, 'profiles.remove', { profileId: lane.profileId });
    lane.profileId = null;
    for (const target of lane.targets) target.kept = false;
    lane.adoptPending = true;
  }
  let wait = Number.POSITIVE_INFINITY;
  for (let tries = 0; tries < lane.labels.length; tries += 1) {
    try {
      lane.profileId = await addProfile(ctx, lane.labels[lane.current] ?? '');
      bump(ledger.unblocking, 'removed and added again');
      return true;
    } catch (error) {
      bump(ledger.unblocking, `add ${codeOf(error)}`);
      const blocked = blockedFor(error);
      if (blocked === 0) throw error;
      wait = Math.min(wait, blocked);
      lane.current = (lane.current + 1) % lane.labels.length;
    }
  }
  lane.idleUntil = Date.now() + wait;
  bump(ledger.unblocking, 'waited for a block to end');
  return false;
}

/** Runs rounds of sync, verifies and a cycle until the pool is empty or the deadline passes. */
export async function runLane(ctx: LaneContext, lane: Lane, pool: Pool, deadline: number): Promise<void> {
  let round = 0;
  while ((pool.syncs > 0 || pool.verifies > 0 || pool.cycles > 0) && Date.now() < deadline) {
    round += 1;
    if (Date.now() < lane.idleUntil) {
      await ctx.ledger.timed('blocked', () =>
        pause(Math.min(lane.idleUntil - Date.now(), deadline - Date.now(), 2000)),
      );
      continue;
    }
    try {
      const status = (await ask<SyncStatus[]>(ctx.core, 'sync.status', {})).find(
        (s) => s.profileId === lane.profileId,
      );
      const blocked = Date.parse(status?.rateLimitedUntil ?? '') - Date.now() > SYNC_WAITS_MS;
      const fresh = lane.freshProfileWanted;
      if (
        (blocked || fresh || lane.profileId === null) &&
        !(await ctx.ledger.timed('unblock', () => unblock(ctx, lane, fresh && !blocked)))
      )
        continue;
      const profileId = lane.profileId;
      if (profileId === null) continue;
      const { ledger } = ctx;
      let worked = false;
      // A profile added anew syncs before its kept secrets can be adopted again, goal or not.
      if (pool.syncs > 0 || lane.adoptPending) {
        pool.syncs = Math.max(0, pool.syncs - 1);
        worked = true;
        await ledger.timed('sync', () => sync(ctx, lane, profileId));
      }
      for (let i = 0; i < VERIFIES_PER_ROUND && pool.verifies > 0 && !lane.freshProfileWanted; i += 1) {
        if (Date.now() < lane.verifiesHeldUntil) break;
        pool.verifies -= 1;
        const sent = await ledger.timed('verify', () =>
          verify(ctx, lane, profileId, round * VERIFIES_PER_ROUND + i),
        );
        if (!sent) {
          pool.verifies += 1;
          break;
        }
        worked = true;
      }
      const owner = lane.cycleOwner;
      if (owner && pool.cycles > 0) {
        pool.cycles -= 1;
        worked = true;
        await ledger.timed('cycle', () => cycle(ctx, lane, owner, profileId));
      }
      // Nothing this lane may do now (its verifies are held): let the others work meanwhile.
      if (!worked)
        await ledger.timed('held', () =>
          pause(Math.min(lane.verifiesHeldUntil - Date.now(), deadline - Date.now(), 1000)),
        );
    } catch (error) {
      process.stderr.write(`soak: ${laneName(lane)}: round ${round} stopped at ${codeOf(error)}\n`);
      await pause(1000);
    }
  }
}
