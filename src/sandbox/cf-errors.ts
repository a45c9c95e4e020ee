/**
 * Error codes and messages the simulator answers with, and where each one comes from.
 *
 * "Observed" codes are what the live API sends (seen in public bug reports of Cloudflare's
 * own tools). "Chosen" codes fill gaps the documentation leaves; they follow the schema's
 * rule that error codes are integers >= 1000 (iam_messages-2) and Cloudflare's habit of
 * using 1001 for invalid token requests. Keyflare must key off the HTTP status first.
 */

export interface CfError {
  code: number;
  message: string;
  error_chain?: CfError[];
}

/** An error response: HTTP status plus envelope errors. */
export interface CfFailure {
  status: number;
  errors: CfError[];
}

function failure(status: number, code: number, message: string, chain?: CfError[]): CfFailure {
  return { status, errors: [chain ? { code, message, error_chain: chain } : { code, message }] };
}

export const cfErrors = {
  /** Observed: wrangler #5175 and others. Authorization present but not `Bearer <token>`. */
  malformedAuthorization: (): CfFailure =>
    failure(400, 6003, 'Invalid request headers', [
      { code: 6111, message: 'Invalid format for Authorization header' },
    ]),
  /** Observed: 6003 with 6103 for a malformed X-Auth-Key. */
  malformedAuthKey: (): CfFailure =>
    failure(400, 6003, 'Invalid request headers', [
      { code: 6103, message: 'Invalid format for X-Auth-Key header' },
    ]),
  /** Observed pattern (6102 is the X-Auth-Email sibling of 6103). */
  malformedAuthEmail: (): CfFailure =>
    failure(400, 6003, 'Invalid request headers', [
      { code: 6102, message: 'Invalid format for X-Auth-Email header' },
    ]),
  /** Observed: no credential headers at all. */
  missingCredentials: (): CfFailure =>
    failure(400, 9106, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers'),
  /** Observed: a Global API Key at /user/tokens/verify (the verify endpoints take tokens only). */
  missingAuthorizationHeader: (): CfFailure => failure(400, 1001, 'Missing "Authorization" header'),
  /** Observed: verify endpoints answer 401/1000 for unknown, expired, disabled or foreign tokens. */
  invalidApiToken: (): CfFailure => failure(401, 1000, 'Invalid API Token'),
  /** Observed: other endpoints answer 403/10000 for a token that does not authenticate. */
  authenticationError: (): CfFailure => failure(403, 10000, 'Authentication error'),
  /** Observed: unknown Global API Key or email. */
  unknownGlobalKey: (): CfFailure => failure(403, 9103, 'Unknown X-Auth-Key or X-Auth-Email'),
  /** Observed: the token's request_ip condition rejects the caller's address. */
  ipNotAllowed: (ip: string): CfFailure =>
    failure(403, 9109, `Cannot use the access token from location: ${ip}`),
  /**
   * Observed (terraform-provider-cloudflare #3227) for missing permissions. Also chosen for
   * account-owned tokens at /user, where Cloudflare's exact answer is undocumented.
   */
  unauthorized: (): CfFailure => failure(403, 9109, 'Unauthorized to access requested resource'),
  /** Observed: Cloudflare's answer for an unknown route. */
  noRoute: (): CfFailure => failure(404, 7000, 'No route for that URI'),
  /** Observed wording for ids that do not resolve (malformed or unknown object identifiers). */
  invalidObjectId: (path: string): CfFailure =>
    failure(400, 7003, `Could not route to ${path}, perhaps your object identifier is invalid?`),
  /** Chosen: a method the route does not offer. */
  methodNotAllowed: (method: string): CfFailure =>
    failure(405, 7001, `Method ${method} not available for that URI`),
  /** Observed code 6007 for a body that is not JSON. */
  malformedJson: (): CfFailure => failure(400, 6007, 'Malformed JSON in request body'),
  /** Chosen: 413 for bodies over 1 MiB. */
  bodyTooLarge: (): CfFailure => failure(413, 1001, 'Request body too large'),
  /** Chosen: a well-formed token id that does not exist (or is not the caller's). */
  tokenNotFound: (): CfFailure => failure(404, 1003, 'Token not found'),
  /** Observed code 1001 is how the token service reports invalid requests; messages are ours. */
  invalidRequest: (message: string): CfFailure => failure(400, 1001, message),
  /** Observed: code 971 with status 429 (below the schema's minimum 1000; see openapi-validator). */
  rateLimited: (): CfFailure => failure(429, 971, 'Please wait and consider throttling your request speed'),
  /** Chosen: envelopes for injected 5xx faults. */
  serverError: (status: 500 | 502 | 503): CfFailure => {
    const text = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' } as const;
    return failure(status, 10000 + status, text[status]);
  },
} as const;
