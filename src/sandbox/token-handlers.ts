/**
 * User-owned (/user/tokens) and account-owned (/accounts/{account_id}/tokens) token routes.
 *
 * Both families share one implementation parameterised by the owner kind, because Cloudflare
 * gives them the same shapes; they differ in the permission groups they require (API Tokens
 * Read/Write on the user vs Account API Tokens Read/Write on the account), the secret prefix
 * (cfut_ vs cfat_), the quota (50 per user vs 500 per account), and which verify endpoint
 * accepts their secrets.
 */
import { principalForApi, principalForVerify } from './auth';
import { cfErrors, type CfFailure } from './cf-errors';
import { fail, ok } from './envelope';
import { failWith, idParam, isCfFailure, type Handler, type HandlerContext } from './handler-context';
import { newTokenSecret, randomId } from './ids';
import type { PolicyRecord, TokenRecord } from './model';
import { paginate, parseBooleanParam, parsePageRequest, sortBy } from './pagination';
import { SCOPE } from './permission-groups';
import { hasPermission, type Principal } from './policy-engine';
import { ACCOUNT_TOKEN_QUOTA, USER_TOKEN_QUOTA } from './scenario-loader';
import { isoSeconds } from './time';
import { validateTokenBody, type ValidatedPolicy } from './token-validation';
import { tokenStatus, tokenView } from './token-view';

export type TokenRouteKind = 'user' | 'account';

type Owner = { kind: 'user'; userId: string } | { kind: 'account'; accountId: string };

const REQUIRED_GROUPS = {
  user: { read: ['API Tokens Read', 'API Tokens Write'], write: ['API Tokens Write'] },
  account: {
    read: ['Account API Tokens Read', 'Account API Tokens Write'],
    write: ['Account API Tokens Write'],
  },
} as const;

interface Authorized {
  owner: Owner;
  principal: Principal;
}

function authorize(
  context: HandlerContext,
  kind: TokenRouteKind,
  access: 'read' | 'write',
): Authorized | CfFailure {
  const { store } = context;
  let accountId: string | null = null;
  if (kind === 'account') {
    const id = idParam(context, 'account_id');
    if (isCfFailure(id)) return id;
    accountId = id;
  }
  const principal = principalForApi(context.caller);
  if (isCfFailure(principal)) return principal;
  const names = REQUIRED_GROUPS[kind][access];
  if (accountId === null) {
    // Account-owned tokens cannot hold user-scoped groups, so they never manage user tokens.
    if (principal.kind === 'account_token') return cfErrors.unauthorized();
    if (!hasPermission(principal, { kind: 'user', userId: principal.userId }, names, store)) {
      return cfErrors.unauthorized();
    }
    return { owner: { kind: 'user', userId: principal.userId }, principal };
  }
  if (
    !store.accounts.has(accountId) ||
    !hasPermission(principal, { kind: 'account', accountId }, names, store)
  ) {
    return cfErrors.unauthorized();
  }
  return { owner: { kind: 'account', accountId }, principal };
}

function ownedBy(token: TokenRecord, owner: Owner): boolean {
  return owner.kind === 'user'
    ? token.owner.kind === 'user' && token.owner.userId === owner.userId
    : token.owner.kind === 'account' && token.owner.accountId === owner.accountId;
}

function findToken(context: HandlerContext, owner: Owner): TokenRecord | CfFailure {
  const id = idParam(context, 'token_id');
  if (isCfFailure(id)) return id;
  const token = context.store.tokens.get(id);
  return token && ownedBy(token, owner) ? token : cfErrors.tokenNotFound();
}

function tokensOf(context: HandlerContext, owner: Owner): TokenRecord[] {
  return owner.kind === 'user'
    ? context.store.userTokens(owner.userId)
    : context.store.accountTokens(owner.accountId);
}

/** The user behind a principal: an account token stands for the member who created it. */
function creatorOf(principal: Principal): string {
  if (principal.kind !== 'account_token') return principal.userId;
  const { owner } = principal.token;
  return owner.kind === 'account' ? owner.createdBy : owner.userId;
}

function materialisePolicies(policies: readonly ValidatedPolicy[]): PolicyRecord[] {
  return policies.map((policy) => ({
    id: policy.id ?? randomId(),
    effect: policy.effect,
    permission_groups: policy.permission_groups,
    resources: policy.resources,
  }));
}

export function listTokens(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'read');
    if (isCfFailure(auth)) return failWith(auth);
    const page = parsePageRequest(context.query);
    if (isCfFailure(page)) return failWith(page);
    const includeExpired = parseBooleanParam(context.query, 'include_expired');
    if (isCfFailure(includeExpired)) return failWith(includeExpired);
    const visible = tokensOf(context, auth.owner).filter(
      (token) => includeExpired || tokenStatus(token, context.now) !== 'expired',
    );
    const sorted = sortBy(visible, (token) => `${token.issued_on}|${token.id}`, page.direction);
    const { items, resultInfo } = paginate(sorted, page);
    return ok(
      items.map((token) => tokenView(token, context.store.catalog, context.now)),
      { resultInfo },
    );
  };
}

export function getToken(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'read');
    if (isCfFailure(auth)) return failWith(auth);
    const token = findToken(context, auth.owner);
    if (isCfFailure(token)) return failWith(token);
    return ok(tokenView(token, context.store.catalog, context.now));
  };
}

export function createToken(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'write');
    if (isCfFailure(auth)) return failWith(auth);
    const { store, now } = context;
    const validated = validateTokenBody(context.body, { store, owner: auth.owner, mode: 'create' });
    if (!validated.ok) return failWith(validated.failure);
    const quota = auth.owner.kind === 'user' ? USER_TOKEN_QUOTA : ACCOUNT_TOKEN_QUOTA;
    if (tokensOf(context, auth.owner).length >= quota) {
      return failWith(
        cfErrors.invalidRequest(
          `Maximum number of API tokens reached: ${auth.owner.kind === 'user' ? 'a user' : 'an account'} can have at most ${quota}`,
        ),
      );
    }
    const id = randomId();
    const issuedOn = isoSeconds(now);
    const createdBy = creatorOf(auth.principal);
    const token: TokenRecord = {
      id,
      owner: auth.owner.kind === 'user' ? auth.owner : { ...auth.owner, createdBy },
      label: `token:${id}`,
      name: validated.value.name,
      status: 'active',
      issued_on: issuedOn,
      modified_on: issuedOn,
      last_used_on: null,
      not_before: validated.value.not_before,
      expires_on: validated.value.expires_on,
      policies: materialisePolicies(validated.value.policies),
      requestIp: validated.value.requestIp,
      secret: newTokenSecret(auth.owner.kind),
    };
    store.addToken(token);
    return ok({ ...tokenView(token, store.catalog, now), value: token.secret });
  };
}

export function updateToken(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'write');
    if (isCfFailure(auth)) return failWith(auth);
    const token = findToken(context, auth.owner);
    if (isCfFailure(token)) return failWith(token);
    const { store, now } = context;
    const validated = validateTokenBody(context.body, {
      store,
      owner: auth.owner,
      mode: 'update',
      existing: token,
    });
    if (!validated.ok) return failWith(validated.failure);
    // PUT replaces the token definition: absent dates and conditions are cleared.
    token.name = validated.value.name;
    token.policies = materialisePolicies(validated.value.policies);
    token.requestIp = validated.value.requestIp;
    token.not_before = validated.value.not_before;
    token.expires_on = validated.value.expires_on;
    if (validated.value.status !== undefined) token.status = validated.value.status;
    token.modified_on = isoSeconds(now);
    return ok(tokenView(token, store.catalog, now));
  };
}

export function deleteToken(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'write');
    if (isCfFailure(auth)) return failWith(auth);
    const token = findToken(context, auth.owner);
    if (isCfFailure(token)) return failWith(token);
    context.store.deleteToken(token);
    return ok({ id: token.id });
  };
}

export function rollToken(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'write');
    if (isCfFailure(auth)) return failWith(auth);
    const token = findToken(context, auth.owner);
    if (isCfFailure(token)) return failWith(token);
    context.store.replaceSecret(token, newTokenSecret(token.owner.kind));
    token.modified_on = isoSeconds(context.now);
    return ok(token.secret);
  };
}

export function verifyToken(kind: TokenRouteKind): Handler {
  return (context) => {
    let accountId: string | null = null;
    if (kind === 'account') {
      const id = idParam(context, 'account_id');
      if (isCfFailure(id)) return failWith(id);
      accountId = id;
    }
    const principal = principalForVerify(context.caller);
    if (isCfFailure(principal)) return failWith(principal);
    // User secrets verify only at /user/tokens/verify, account secrets only at their account's endpoint.
    const matches =
      kind === 'user'
        ? principal.kind === 'user_token'
        : principal.kind === 'account_token' && principal.accountId === accountId;
    if (!matches || principal.kind === 'global_key') return fail(cfErrors.invalidApiToken());
    const { token } = principal;
    const result: Record<string, unknown> = { id: token.id, status: tokenStatus(token, context.now) };
    if (token.expires_on !== null) result['expires_on'] = token.expires_on;
    if (token.not_before !== null) result['not_before'] = token.not_before;
    return ok(result, {
      messages: [{ code: 10000, message: 'This API Token is valid and active', type: null }],
    });
  };
}

export function listPermissionGroups(kind: TokenRouteKind): Handler {
  return (context) => {
    const auth = authorize(context, kind, 'read');
    if (isCfFailure(auth)) return failWith(auth);
    const name = context.query.get('name');
    const scope = context.query.get('scope');
    const groups = context.store.catalog
      .all()
      // Account-owned tokens cannot use user-scoped groups, so their catalogue omits them.
      .filter((group) => kind === 'user' || !group.scopes.includes(SCOPE.user))
      .filter((group) => name === null || group.name === name)
      .filter((group) => scope === null || group.scopes.some((s) => s === scope))
      .map((group) => ({ id: group.id, name: group.name, scopes: [...group.scopes] }));
    return ok(groups, {
      resultInfo: { count: groups.length, page: 1, per_page: groups.length, total_count: groups.length },
    });
  };
}
