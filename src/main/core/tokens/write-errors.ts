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
import { msg, nest } from '../../../shared/i18n/message';

export type WriteOperation = 'create' | 'update' | 'setStatus' | 'delete' | 'roll';

/** The HTTP status Cloudflare answered instead of confirming, or 'none' when no answer came. */
function answered(details: ErrorDetails | undefined): number | 'none' {
  return details?.status ?? 'none';
}

/** The error to report when a write's request failed. */
export function writeFailure(operation: WriteOperation, error: unknown): AppError {
  if (!isAppError(error)) {
    return new AppError('UNCERTAIN', msg('errors.write.mayHaveHappened', { operation, status: 'none' }), {
      operation,
    });
  }
  if (error.code === 'CANCELLED') return error;
  const status = error.details?.status;
  if (error.code === 'UNCERTAIN') {
    // A 4xx the gateway could not classify is still a refusal: the request did not take effect.
    if (status !== undefined && status >= 400 && status < 500) {
      return new AppError('UPSTREAM', msg('errors.write.refusedStatus', { operation, status }), {
        ...error.details,
        operation,
      });
    }
    return new AppError(
      'UNCERTAIN',
      msg('errors.write.mayHaveHappened', { operation, status: answered(error.details) }),
      { ...error.details, operation },
    );
  }
  return nothingHappened(operation, error);
}

/** The error to report when a read a write depends on failed: nothing was sent that changes anything. */
export function readBeforeWriteFailure(operation: WriteOperation, error: unknown): AppError {
  if (!isAppError(error)) return new AppError('INTERNAL', msg('errors.write.unexpected', { operation }));
  if (error.code === 'CANCELLED') return error;
  return nothingHappened(operation, error);
}

/** A clear refusal: its own code and sentence, after saying that nothing happened. */
function nothingHappened(operation: WriteOperation, error: AppError): AppError {
  return new AppError(
    error.code,
    msg('errors.write.nothingHappened', { operation, ...nest('cause', error.text) }),
    {
      ...(error.details ?? {}),
      operation,
    },
  );
}
