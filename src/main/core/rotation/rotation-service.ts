/**
 * Rotate with overlap: replace a token without breaking whatever still uses it.
 *
 * Cloudflare's roll kills the old secret at once. A rotation instead (1) creates a duplicate of
 * the token, whose secret is shown once (and kept in the keychain if asked), (2) waits while the
 * user updates every place the old token is used, the old one untouched and working, and
 * (3) disables or deletes the old token only when the user confirms it is unused.
 *
 * Each write is the token service's own (create, setStatus, delete) and is sent once. The step is
 * recorded in the profile store before its write is sent, so after a crash, a lost reply or a
 * closed window the rotation says exactly what is unknown, and `resume` finds out with reads
 * only (a sync), never by sending the write again. History links both tokens: each gets a
 * `rotation` entry naming the other.
 */
import type { Rotation, RotationStart } from '../../../shared/export/export-schemas';
import { AppError, isAppError, shapeMessage } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import { issueDetail } from '../../../shared/i18n/issue-message';
import { sentencesMessage } from '../../../shared/policy/labels';
import type { CoreContext } from '../context';
import { recordHistory } from '../db/history-repository';
import type { InventoryService } from '../inventory/inventory-service';
import type { SyncService } from '../sync/sync-service';
import type { TokenService } from '../tokens/token-service';
import {
  deleteRotation,
  findRotation,
  insertRotation,
  listRotations,
  updateRotation,
  type RotationRow,
} from '../db/rotation-repository';

type HistoryLine = Parameters<typeof recordHistory>[2][number];
type RotationPatch = Omit<Parameters<typeof updateRotation>[2], 'updatedAt'>;

export interface RotationService {
  start(profileId: string, tokenId: string, keepSecret: boolean): Promise<RotationStart>;
  list(query: { profileId?: string; tokenId?: string }): Rotation[];
  retire(rotationId: number, action: 'disable' | 'delete'): Promise<Rotation>;
  resume(rotationId: number): Promise<Rotation>;
  cancel(rotationId: number): Rotation;
}

export interface RotationDeps {
  inventory: InventoryService;
  tokens: TokenService;
  sync: SyncService;
}

const OPEN_STATES = new Set<Rotation['state']>(['creating', 'awaiting_confirmation', 'retiring']);
/** A token issued this long before the rotation started is not its new token (clock skew allowance). */
const ISSUE_SKEW_MS = 5 * 60_000;

/** Where the rotation stands and what to do next, as a message (`outcomes.rotation.*`). */
function describe(row: RotationRow, inFlight: boolean): Message {
  if (row.note !== null && (row.state === 'cancelled' || row.state === 'done')) return row.note;
  const name = row.oldTokenName;
  const action = row.retireAction ?? 'disable';
  switch (row.state) {
    case 'creating':
      return msg(inFlight ? 'outcomes.rotation.creating' : 'outcomes.rotation.creatingUnknown', { name });
    case 'awaiting_confirmation':
      return msg('outcomes.rotation.ready', { name, secretLost: row.secretLost ? 'yes' : 'no' });
    case 'retiring':
      return inFlight
        ? msg('outcomes.rotation.retiring', { name })
        : msg('outcomes.rotation.retiringUnknown', { name, action });
    case 'done':
      return msg('outcomes.rotation.done', { name, action });
    case 'cancelled':
      return msg('outcomes.rotation.cancelled');
  }
}

export function createRotationService(ctx: CoreContext, deps: RotationDeps): RotationService {
  const inFlight = new Set<number>();
  const now = (): string => ctx.clock.now().toISOString();

  const view = (row: RotationRow): Rotation => {
    const running = inFlight.has(row.id);
    return {
      id: row.id,
      profileId: row.profileId,
      oldTokenId: row.oldTokenId,
      oldTokenName: row.oldTokenName,
      newTokenId: row.newTokenId,
      state: row.state,
      retireAction: row.retireAction,
      uncertain: (row.state === 'creating' || row.state === 'retiring') && !running,
      secretLost: row.secretLost,
      startedAt: row.startedAt,
      updatedAt: row.updatedAt,
      message: describe(row, running),
    };
  };

  const load = (rotationId: number): RotationRow => {
    const row = findRotation(ctx.db(), rotationId);
    if (!row)
      throw new AppError('NOT_FOUND', msg('errors.rotation.unknown'), {
        operation: `rotation ${rotationId}`,
      });
    return row;
  };

  const patch = (id: number, change: RotationPatch): RotationRow => {
    updateRotation(ctx.db(), id, { ...change, updatedAt: now() });
    return load(id);
  };

  /** History on both tokens, written best-effort: the rotation's own row is the record that counts. */
  const link = (row: RotationRow, newName: string, stage: 'started' | 'finished'): void => {
    const at = now();
    const ids = { rotationId: row.id, oldTokenId: row.oldTokenId, newTokenId: row.newTokenId };
    const newId = row.newTokenId ?? '';
    const params = {
      oldName: row.oldTokenName,
      oldId: row.oldTokenId,
      newName,
      newId: newId === '' ? '?' : newId,
      retired: row.retireAction ?? 'disable',
    };
    const line = (tokenId: string, tokenName: string, message: Message): HistoryLine => ({
      tokenId,
      tokenName,
      kind: 'rotation',
      at,
      source: 'keyflare',
      message,
      before: null,
      after: ids,
    });
    const lines: HistoryLine[] =
      stage === 'started'
        ? [
            line(row.oldTokenId, row.oldTokenName, msg('history.rotation.started', params)),
            line(newId, newName, msg('history.rotation.replacing', params)),
          ]
        : [
            line(row.oldTokenId, row.oldTokenName, msg('history.rotation.finishedOld', params)),
            line(newId, newName, msg('history.rotation.finishedNew', params)),
          ];
    try {
      recordHistory(ctx.db(), row.profileId, lines);
    } catch (error) {
      ctx.logger.error('rotation not recorded in history', {
        profileId: row.profileId,
        rotationId: row.id,
        code: isAppError(error) ? error.code : 'unknown',
      });
    }
  };

  const newTokenName = (row: RotationRow): string => {
    if (row.newTokenId === null) return row.oldTokenName;
    return (
      deps.inventory.tokens(row.profileId).find((token) => token.id === row.newTokenId)?.name ??
      row.oldTokenName
    );
  };

  /** Runs a sync (reads only) so the cache shows what Cloudflare holds now; throws when it failed. */
  const refresh = async (profileId: string): Promise<void> => {
    const [run] = await deps.sync.start(profileId);
    if (run && run.outcome !== 'ok') {
      throw new AppError(
        run.error?.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'OFFLINE',
        msg(
          'errors.rotation.notChecked',
          nest('cause', shapeMessage(run.error ?? {}, msg('errors.rotation.syncUnfinished'))),
        ),
        { profileId },
      );
    }
  };

  return {
    async start(profileId, tokenId, keepSecret) {
      const detail = deps.inventory.token(profileId, tokenId);
      const open = listRotations(ctx.db(), { profileId, tokenId }).find(
        (row) => row.oldTokenId === tokenId && OPEN_STATES.has(row.state),
      );
      if (open)
        throw new AppError('CONFLICT', msg('errors.rotation.underWay', { name: detail.name }), {
          profileId,
          tokenId,
          operation: `rotation ${open.id}`,
        });
      const draft = detail.edit.draft;
      // The detail's messages crossed the contract as data; they are the core's own `validation.edit.*`.
      const parts = detail.edit.unrepresentable as Message[];
      if (draft === null)
        throw new AppError(
          'VALIDATION',
          msg('errors.rotation.cannotDuplicate', {
            name: detail.name,
            ...nest('parts', sentencesMessage(parts)),
          }),
          { issues: parts.map((message) => issueDetail('(token)', message)) },
        );
      if (!detail.allowed.delete)
        throw new AppError(
          'PERMISSION_DENIED',
          msg('errors.rotation.cannotRetireOld', {
            name: detail.name,
            ...nest(
              'reason',
              (detail.allowed.reason as Message | null) ?? msg('errors.write.denied.mayNotChange'),
            ),
          }),
          { profileId, tokenId },
        );
      const owner =
        detail.kind === 'account' && detail.accountId !== null
          ? { kind: 'account' as const, accountId: detail.accountId }
          : { kind: 'user' as const };
      const id = insertRotation(ctx.db(), {
        profileId,
        oldTokenId: tokenId,
        oldTokenName: detail.name,
        owner,
        startedAt: now(),
      });
      inFlight.add(id);
      let created: RotationStart['created'];
      try {
        created = await deps.tokens.create({ profileId, owner, draft, keepSecret });
      } catch (error) {
        // UNCERTAIN: the create may have happened; the row stays in `creating` for resume to check.
        if (!isAppError(error) || error.code !== 'UNCERTAIN') deleteRotation(ctx.db(), id);
        throw error;
      } finally {
        inFlight.delete(id);
      }
      const row = patch(id, { newTokenId: created.token.id, state: 'awaiting_confirmation' });
      ctx.logger.info('rotation started', {
        profileId,
        rotationId: id,
        oldTokenId: tokenId,
        newTokenId: created.token.id,
      });
      link(row, created.token.name, 'started');
      return { rotation: view(row), created };
    },

    list(query) {
      return listRotations(ctx.db(), query).map(view);
    },

    async retire(rotationId, action) {
      const row = load(rotationId);
      if (row.state !== 'awaiting_confirmation' || inFlight.has(row.id))
        throw new AppError(
          'CONFLICT',
          msg('errors.rotation.cannotRetire', { state: inFlight.has(row.id) ? 'busy' : row.state }),
          {
            operation: `rotation ${rotationId}`,
          },
        );
      const known = deps.inventory.tokens(row.profileId).some((token) => token.id === row.oldTokenId);
      if (!known) {
        // Gone already (deleted elsewhere and synced): nothing to send.
        const done = patch(row.id, {
          state: 'done',
          retireAction: action,
          note: msg('outcomes.rotation.alreadyGone', { name: row.oldTokenName }),
        });
        return view(done);
      }
      patch(row.id, { state: 'retiring', retireAction: action });
      inFlight.add(row.id);
      try {
        if (action === 'disable') await deps.tokens.setStatus(row.profileId, row.oldTokenId, 'disabled');
        else await deps.tokens.delete(row.profileId, row.oldTokenId);
      } catch (error) {
        // A clear refusal changed nothing: back to waiting. UNCERTAIN stays `retiring` for resume.
        if (!isAppError(error) || error.code !== 'UNCERTAIN')
          patch(row.id, { state: 'awaiting_confirmation' });
        throw error;
      } finally {
        inFlight.delete(row.id);
      }
      const done = patch(row.id, { state: 'done' });
      ctx.logger.info('rotation finished', { profileId: row.profileId, rotationId: row.id, action });
      link(done, newTokenName(done), 'finished');
      return view(done);
    },

    async resume(rotationId) {
      const row = load(rotationId);
      if (inFlight.has(row.id) || (row.state !== 'creating' && row.state !== 'retiring')) return view(row);
      await refresh(row.profileId);
      const tokens = deps.inventory.tokens(row.profileId);
      if (row.state === 'creating') {
        const claimed = new Set(
          listRotations(ctx.db(), { profileId: row.profileId }).map((other) => other.newTokenId),
        );
        const since = Date.parse(row.startedAt) - ISSUE_SKEW_MS;
        const candidates = tokens.filter(
          (token) =>
            token.id !== row.oldTokenId &&
            token.name === row.oldTokenName &&
            !claimed.has(token.id) &&
            token.issuedOn !== null &&
            Date.parse(token.issuedOn) >= since,
        );
        const [found] = candidates;
        if (candidates.length === 1 && found) {
          const next = patch(row.id, {
            newTokenId: found.id,
            state: 'awaiting_confirmation',
            secretLost: true,
          });
          link(next, found.name, 'started');
          return view(next);
        }
        if (candidates.length === 0) {
          return view(
            patch(row.id, {
              state: 'cancelled',
              note: msg('outcomes.rotation.nothingCreated', { name: row.oldTokenName }),
            }),
          );
        }
        throw new AppError(
          'CONFLICT',
          msg('errors.rotation.ambiguous', {
            count: candidates.length,
            name: row.oldTokenName,
            ids: candidates.map((token) => token.id).join(', '),
          }),
          { operation: `rotation ${rotationId}` },
        );
      }
      const old = tokens.find((token) => token.id === row.oldTokenId);
      const happened = old === undefined || (row.retireAction === 'disable' && old.status !== 'active');
      if (happened) {
        const done = patch(row.id, { state: 'done' });
        link(done, newTokenName(done), 'finished');
        return view(done);
      }
      return view(patch(row.id, { state: 'awaiting_confirmation' }));
    },

    cancel(rotationId) {
      const row = load(rotationId);
      if (inFlight.has(row.id) || (row.state !== 'creating' && row.state !== 'awaiting_confirmation'))
        throw new AppError(
          'CONFLICT',
          msg('errors.rotation.cannotCancel', { state: inFlight.has(row.id) ? 'busy' : row.state }),
          {
            operation: `rotation ${rotationId}`,
          },
        );
      const note =
        row.newTokenId === null
          ? msg('outcomes.rotation.cancelledMaybeCreated')
          : msg('outcomes.rotation.cancelledKeepsNew', { newId: row.newTokenId, name: row.oldTokenName });
      return view(patch(row.id, { state: 'cancelled', note }));
    },
  };
}
