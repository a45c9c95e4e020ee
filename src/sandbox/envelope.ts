/**
 * The v4 response envelope: {success, errors, messages, result, result_info?}.
 */
import type { CfFailure } from './cf-errors';

export interface CfMessage {
  code: number;
  message: string;
  type?: string | null;
}

/** What a route handler returns; the server serialises it. */
export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Why the OpenAPI check is skipped for this response (documented deviations only). */
  skipValidation?: string;
}

export function ok(
  result: unknown,
  extra: { messages?: CfMessage[]; resultInfo?: object } = {},
): ApiResponse {
  const body: Record<string, unknown> = {
    success: true,
    errors: [],
    messages: extra.messages ?? [],
    result,
  };
  if (extra.resultInfo) body['result_info'] = extra.resultInfo;
  return { status: 200, body };
}

export function fail(failure: CfFailure): ApiResponse {
  return {
    status: failure.status,
    body: { success: false, errors: failure.errors, messages: [], result: null },
  };
}
