/**
 * The verify command the user copies: a curl call to the right verify endpoint.
 *
 * User tokens verify at `{base}/user/tokens/verify`; account-owned tokens only at
 * `{base}/accounts/{account_id}/tokens/verify` (the user endpoint answers "invalid" for them).
 *
 * Every part goes inside double quotes, so the `$CLOUDFLARE_API_TOKEN` variant expands in the
 * shell, and so every other part must be unable to end the quotes or expand: secrets, ids and
 * the base URL are checked against narrow character sets and refused otherwise (`"`, `$`, a
 * backtick, `\`, `!`, spaces and newlines never get through). Error messages never repeat the
 * secret.
 *
 * A command copied in the sandbox names the sandbox's address and opens with a comment line that
 * says it is a sample, so it never passes for a real Cloudflare command (and a shell skips the
 * comment: pasted whole, it still runs, and reaches nothing, `.invalid` names no host).
 */
import type { TokenKind } from './domain';
import { AppError } from './errors';
import { msg } from './i18n/message';
import { isSandboxBaseUrl } from './sandbox/sandbox-address';

export interface VerifyCurlInput {
  baseUrl: string;
  kind: TokenKind;
  /** The owning account of an account-owned token; ignored for user tokens. */
  accountId: string | null;
  /** The token secret, or null to refer to $CLOUDFLARE_API_TOKEN instead. */
  secret: string | null;
}

export const TOKEN_ENV_VAR = 'CLOUDFLARE_API_TOKEN';

/** The first line of a command copied in the sandbox. */
export const SANDBOX_CURL_NOTE =
  "# Sample from Keyflare's sandbox: this address answers only inside Keyflare, not at Cloudflare.";

/**
 * Characters a secret may have: base64/base64url and Cloudflare's `cfut_`/`cfat_`/`cfk_`
 * prefixes. The underscore is included because Cloudflare's secrets contain it.
 */
const SECRET_PATTERN = /^[A-Za-z0-9_.~+/=-]+$/u;
/** Cloudflare's ids, as domain.ts's CfId. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/u;
/** http(s), a host (names, IPv4, bracketed IPv6), optional port and a plain path. */
const BASE_URL_PATTERN =
  /^https?:\/\/(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~%/-]*)?$/u;

/** The verify endpoint for a token of this kind. */
export function verifyUrl(baseUrl: string, kind: TokenKind, accountId: string | null): string {
  const base = baseUrl.trim().replace(/\/+$/u, '');
  if (!BASE_URL_PATTERN.test(base)) {
    throw new AppError('VALIDATION', msg('errors.curl.unsafe', { part: 'baseUrl' }));
  }
  if (kind === 'user') return `${base}/user/tokens/verify`;
  if (accountId === null || accountId === '') {
    throw new AppError('VALIDATION', msg('errors.curl.noAccount'));
  }
  if (!ID_PATTERN.test(accountId)) {
    throw new AppError('VALIDATION', msg('errors.curl.unsafe', { part: 'accountId' }));
  }
  return `${base}/accounts/${accountId}/tokens/verify`;
}

/** The exact curl command that verifies the token. */
export function buildVerifyCurl(input: VerifyCurlInput): string {
  const url = verifyUrl(input.baseUrl, input.kind, input.accountId);
  let credential: string;
  if (input.secret === null) {
    credential = `$${TOKEN_ENV_VAR}`;
  } else if (SECRET_PATTERN.test(input.secret)) {
    credential = input.secret;
  } else {
    throw new AppError('VALIDATION', msg('errors.curl.unsafe', { part: 'secret' }));
  }
  const command = `curl "${url}" -H "Authorization: Bearer ${credential}"`;
  return isSandboxBaseUrl(input.baseUrl) ? `${SANDBOX_CURL_NOTE}\n${command}` : command;
}
