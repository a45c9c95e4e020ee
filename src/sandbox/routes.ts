/**
 * The route table: the 15 paths under /client/v4, their handlers, and path matching.
 *
 * Templates are spelled exactly as in the OpenAPI document so the contract validator can
 * look up the operation. Literal segments (verify, permission_groups) are listed before the
 * {token_id} routes they would otherwise match.
 */
import { getAccount, listAccounts } from './account-handlers';
import type { Handler } from './handler-context';
import type { HttpMethod } from './openapi-validator';
import {
  createToken,
  deleteToken,
  getToken,
  listPermissionGroups,
  listTokens,
  rollToken,
  updateToken,
  verifyToken,
} from './token-handlers';
import { getUser } from './user-handlers';
import { getZone, listZones } from './zone-handlers';

export interface Route {
  template: string;
  handlers: Partial<Record<HttpMethod, Handler>>;
  pattern: RegExp;
  paramNames: string[];
}

function route(template: string, handlers: Partial<Record<HttpMethod, Handler>>): Route {
  const paramNames: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/u.exec(segment)?.[1];
      if (param === undefined) return segment.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      paramNames.push(param);
      return '([^/]+)';
    })
    .join('/');
  return { template, handlers, pattern: new RegExp(`^${source}$`, 'u'), paramNames };
}

export const ROUTES: readonly Route[] = [
  route('/user', { GET: getUser }),
  route('/user/tokens', { GET: listTokens('user'), POST: createToken('user') }),
  route('/user/tokens/verify', { GET: verifyToken('user') }),
  route('/user/tokens/permission_groups', { GET: listPermissionGroups('user') }),
  route('/user/tokens/{token_id}', {
    GET: getToken('user'),
    PUT: updateToken('user'),
    DELETE: deleteToken('user'),
  }),
  route('/user/tokens/{token_id}/value', { PUT: rollToken('user') }),
  route('/accounts', { GET: listAccounts }),
  route('/accounts/{account_id}', { GET: getAccount }),
  route('/accounts/{account_id}/tokens', { GET: listTokens('account'), POST: createToken('account') }),
  route('/accounts/{account_id}/tokens/verify', { GET: verifyToken('account') }),
  route('/accounts/{account_id}/tokens/permission_groups', { GET: listPermissionGroups('account') }),
  route('/accounts/{account_id}/tokens/{token_id}', {
    GET: getToken('account'),
    PUT: updateToken('account'),
    DELETE: deleteToken('account'),
  }),
  route('/accounts/{account_id}/tokens/{token_id}/value', { PUT: rollToken('account') }),
  route('/zones', { GET: listZones }),
  route('/zones/{zone_id}', { GET: getZone }),
];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** The route for a path relative to /client/v4 (trailing slash ignored). */
export function matchRoute(path: string): RouteMatch | null {
  const normalised = path.length > 1 ? path.replace(/\/+$/u, '') : path;
  for (const candidate of ROUTES) {
    const found = candidate.pattern.exec(normalised);
    if (!found) continue;
    const params: Record<string, string> = {};
    candidate.paramNames.forEach((name, index) => {
      params[name] = safeDecode(found[index + 1] ?? '');
    });
    return { route: candidate, params };
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is just an id that matches nothing; the handler answers 7003.
    return segment;
  }
}
