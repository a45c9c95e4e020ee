/**
 * What a failed create, edit, status change, delete or roll means for the user, in one sentence.
 *
 * Writes are sent exactly once (the gateway never retries them). When the request may have
 * reached Cloudflare (a 5xx, a reset, a timeout, an unreadable reply) the gateway answers
 * UNCERTAIN; this module words the exact uncertainty for each operation and says how to find
 * out ("The roll may have happened: verify the token to check."). A clear refusal keeps its own
 * code (VALIDATION, PERMISSION_DENIED, AUTH_INVALID, NOT_FOUND, RATE_LIMITED with retryAt, …)
 * and says that nothing happened.
 */
import { AppError, isAppError, type ErrorDetails } from '../../../shared/errors';

export type WriteOperation = 'create' | 'update' | 'setStatus' | 'delete' | 'roll';

const MAY_HAVE_HAPPENED: Record<WriteOperation, string> = {
  create: 'The token may have been created: sync to check.',
  update: 'The change may have been saved: sync to check.',
  setStatus: 'The status change may have been saved: sync to check.',
  delete: 'The token may have been deleted: sync to check.',
  roll:
    'The roll may have happened: verify the token to check. If its current secret no longer verifies, ' +
    'roll it again to get a secret you can see.',
};

const NOTHING_HAPPENED: Record<WriteOperation, string> = {
  create: 'Nothing was created.',
  update: 'Nothing was changed.',
  setStatus: 'Nothing was changed.',
  delete: 'Nothing was deleted.',
  roll: 'Nothing was rolled: the current secret still works.',
};

function uncertainCause(details: ErrorDetails | undefined): string {
  return details?.status !== undefined
    ? `(Cloudflare answered HTTP ${details.status} instead of confirming.)`
    : '(The connection failed, timed out or returned an unreadable reply before Cloudflare confirmed.)';
}

/** The error to report when a write's request failed. */
export function writeFailure(operation: WriteOperation, error: unknown): AppError {
  if (!isAppError(error)) {
    return new AppError('UNCERTAIN', `${MAY_HAVE_HAPPENED[operation]} ${uncertainCause(undefined)}`, {
      operation,
    });
  }
  if (error.code === 'CANCELLED') return error;
  const status = error.details?.status;
  if (error.code === 'UNCERTAIN') {
    // A 4xx the gateway could not classify is still a refusal: the request did not take effect.
    if (status !== undefined && status >= 400 && status < 500) {
      return new AppError(
        'UPSTREAM',
        `${NOTHING_HAPPENED[operation]} Cloudflare refused the request (HTTP ${status}).`,
        {
          ...error.details,
          operation,
        },
      );
    }
    return new AppError('UNCERTAIN', `${MAY_HAVE_HAPPENED[operation]} ${uncertainCause(error.details)}`, {
      ...error.details,
      operation,
    });
  }
  return new AppError(error.code, `${NOTHING_HAPPENED[operation]} ${error.message}`, {
    ...(error.details ?? {}),
    operation,
  });
}

/** The error to report when a read a write depends on failed: nothing was sent that changes anything. */
export function readBeforeWriteFailure(operation: WriteOperation, error: unknown): AppError {
  if (!isAppError(error))
    return new AppError('INTERNAL', `${NOTHING_HAPPENED[operation]} Keyflare hit an unexpected problem.`);
  if (error.code === 'CANCELLED') return error;
  return new AppError(error.code, `${NOTHING_HAPPENED[operation]} ${error.message}`, {
    ...(error.details ?? {}),
    operation,
  });
}
