/**
 * The renderer's only door to main: window.api, typed from the contract.
 */
import type { KeyflareApi } from '../../shared/api-types';
import type { AppErrorShape, ErrorCode, Result } from '../../shared/errors';

declare global {
  interface Window {
    readonly api: KeyflareApi;
  }
}

/** A failed call, carrying the contract's error code for the UI to switch on. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorShape['details'];

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details;
  }

  toShape(): AppErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function getApi(): KeyflareApi {
  return window.api;
}

/** Unwraps an envelope: the value, or an ApiError thrown with the contract's code. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

/** The error of anything caught, as a contract error shape. */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof ApiError) return error.toShape();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : 'Something went wrong.' };
}
