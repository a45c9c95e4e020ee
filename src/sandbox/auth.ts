/**
 * Authentication: reading the credential headers and deciding who the caller is.
 *
 * `Authorization: Bearer <token>` wins when present (the SDK may also send X-Auth-* headers
 * from the environment). Otherwise X-Auth-Email + X-Auth-Key identify a user by Global API
 * Key. The outcome is kept apart from the HTTP answer because the verify endpoints and the
 * rest of the API answer the same failure differently (401/1000 vs 403/10000).
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { cfErrors, type CfFailure } from './cf-errors';
import { ipAllowed } from './ip-match';
import type { CredentialKind } from './types';
import type { Principal } from './policy-engine';
import { GLOBAL_KEY_PATTERN } from './scenario-schema';
import type { SimStore } from './sim-store';
import { tokenUsable } from './token-view';

/** A bearer value Cloudflare accepts syntactically; a 37-hex Global Key as bearer fails it (6111). */
const BEARER = /^Bearer ([A-Za-z0-9_-]{40,80})$/iu;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export type AuthOutcome =
  | { ok: true; principal: Principal }
  | {
      ok: false;
      reason: 'missing' | 'malformed' | 'invalid_token' | 'ip_denied' | 'unknown_global_key';
      failure: CfFailure;
    };

/** Who the caller claims to be: for logs and rate limiting, before any check. */
export interface CallerIdentity {
  /** Scenario label, `token:<id>`, 'unknown' (unrecognised secret) or null (nothing sent). */
  label: string | null;
  kind: CredentialKind | null;
  /** Rate-limit bucket: the token, the user (global key), a hash of an unknown secret, or the IP. */
  rateKey: string;
  /** True when the caller used X-Auth-Email/X-Auth-Key rather than a bearer token. */
  usedGlobalKey: boolean;
  outcome: AuthOutcome;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

export function identifyCaller(
  headers: IncomingHttpHeaders,
  store: SimStore,
  now: Date,
  clientIp: string,
): CallerIdentity {
  const authorization = header(headers, 'authorization');
  const authKey = header(headers, 'x-auth-key');
  const authEmail = header(headers, 'x-auth-email');
  const anonymous = (reason: 'missing' | 'malformed', failure: CfFailure): CallerIdentity => ({
    label: null,
    kind: null,
    rateKey: `ip:${clientIp}`,
    usedGlobalKey: false,
    outcome: { ok: false, reason, failure },
  });

  if (authorization !== undefined) {
    const secret = BEARER.exec(authorization.trim())?.[1];
    if (secret === undefined) return anonymous('malformed', cfErrors.malformedAuthorization());
    const token = store.tokenBySecret(secret);
    if (!token) {
      return {
        label: 'unknown',
        kind: null,
        rateKey: `secret:${secretHash(secret)}`,
        usedGlobalKey: false,
        outcome: { ok: false, reason: 'invalid_token', failure: cfErrors.authenticationError() },
      };
    }
    const kind: CredentialKind = token.owner.kind === 'user' ? 'user_token' : 'account_token';
    const base = { label: token.label, kind, rateKey: `token:${token.id}`, usedGlobalKey: false };
    if (!tokenUsable(token, now)) {
      return {
        ...base,
        outcome: { ok: false, reason: 'invalid_token', failure: cfErrors.authenticationError() },
      };
    }
    if (!ipAllowed(token.requestIp, clientIp)) {
      return {
        ...base,
        outcome: { ok: false, reason: 'ip_denied', failure: cfErrors.ipNotAllowed(clientIp) },
      };
    }
    const principal: Principal =
      token.owner.kind === 'user'
        ? { kind: 'user_token', token, userId: token.owner.userId }
        : { kind: 'account_token', token, accountId: token.owner.accountId };
    return { ...base, outcome: { ok: true, principal } };
  }

  if (authKey !== undefined || authEmail !== undefined) {
    if (authKey === undefined || authEmail === undefined) {
      return anonymous('missing', cfErrors.missingCredentials());
    }
    if (!EMAIL.test(authEmail.trim())) return anonymous('malformed', cfErrors.malformedAuthEmail());
    if (!GLOBAL_KEY_PATTERN.test(authKey.trim())) return anonymous('malformed', cfErrors.malformedAuthKey());
    const user = store.userByGlobalKey(authKey.trim());
    if (!user || user.email.toLowerCase() !== authEmail.trim().toLowerCase()) {
      return {
        label: 'unknown',
        kind: null,
        rateKey: `secret:${secretHash(authKey.trim())}`,
        usedGlobalKey: true,
        outcome: { ok: false, reason: 'unknown_global_key', failure: cfErrors.unknownGlobalKey() },
      };
    }
    return {
      label: user.globalKey?.label ?? `global_key:${user.id}`,
      kind: 'global_key',
      // Cloudflare counts a login's key against the user, whatever else the user calls with.
      rateKey: `user:${user.id}`,
      usedGlobalKey: true,
      outcome: { ok: true, principal: { kind: 'global_key', userId: user.id } },
    };
  }

  return anonymous('missing', cfErrors.missingCredentials());
}

/** The principal for a regular endpoint, or the failure to answer with. */
export function principalForApi(caller: CallerIdentity): Principal | CfFailure {
  return caller.outcome.ok ? caller.outcome.principal : caller.outcome.failure;
}

/**
 * The token principal for a verify endpoint, or its failure. Verify takes tokens only: a
 * Global API Key gets 400/1001 'Missing "Authorization" header' (as observed live), and any
 * token that does not authenticate gets 401/1000 "Invalid API Token".
 */
export function principalForVerify(caller: CallerIdentity): Principal | CfFailure {
  if (caller.usedGlobalKey) return cfErrors.missingAuthorizationHeader();
  const { outcome } = caller;
  if (outcome.ok) return outcome.principal;
  if (outcome.reason === 'invalid_token') return cfErrors.invalidApiToken();
  return outcome.failure;
}
