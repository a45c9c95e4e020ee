/**
 * Validation of create/update token bodies, with the rules Cloudflare enforces.
 *
 * Every failure is 400 with code 1001 (the code the token service uses for invalid requests,
 * e.g. "Reusing existing policies is not supported by token creation") and a message naming
 * the offending field. The first problem found is reported, as the live API does.
 * Scenario seeds go through the same rules, so a fixture can never hold a token the API
 * would have refused.
 */
import { cfErrors, type CfFailure } from './cf-errors';
import { parseCidr } from './ip-match';
import type { PermissionGroupGrant, RequestIpCondition, ResourceMap, TokenRecord } from './model';
import { SCOPE, type PermissionGroup } from './permission-groups';
import { parseResources, scopeOfRef, type ResourceRef } from './resources';
import type { SimStore } from './sim-store';
import { isoSeconds, parseIsoDateTime } from './time';

export interface ValidatedPolicy {
  /** Existing policy id kept on update; null = generate one. */
  id: string | null;
  effect: 'allow' | 'deny';
  permission_groups: PermissionGroupGrant[];
  resources: ResourceMap;
}

export interface ValidatedTokenBody {
  name: string;
  policies: ValidatedPolicy[];
  requestIp: RequestIpCondition | null;
  not_before: string | null;
  expires_on: string | null;
  /** Only on update; undefined keeps the current status. */
  status: 'active' | 'disabled' | undefined;
}

export type TokenOwnerRef = { kind: 'user'; userId: string } | { kind: 'account'; accountId: string };

export interface ValidationContext {
  store: SimStore;
  owner: TokenOwnerRef;
  mode: 'create' | 'update' | 'seed';
  /** The token being updated (its policy ids may be kept). */
  existing?: TokenRecord;
}

export const MAX_NAME_LENGTH = 120;

type Result<T> = { ok: true; value: T } | { ok: false; failure: CfFailure };

const bad = (message: string): { ok: false; failure: CfFailure } => ({
  ok: false,
  failure: cfErrors.invalidRequest(message),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateTokenBody(body: unknown, context: ValidationContext): Result<ValidatedTokenBody> {
  if (!isRecord(body)) return bad('Request body must be a JSON object');

  const name = body['name'];
  if (typeof name !== 'string' || name.trim() === '') return bad('name is required');
  if (name.length > MAX_NAME_LENGTH) return bad(`name must be at most ${MAX_NAME_LENGTH} characters`);

  const policiesInput = body['policies'];
  if (!Array.isArray(policiesInput) || policiesInput.length === 0) {
    return bad('policies must contain at least one policy');
  }
  const policies: ValidatedPolicy[] = [];
  for (const [index, policyInput] of policiesInput.entries()) {
    const policy = validatePolicy(policyInput, `policies[${index}]`, context);
    if (!policy.ok) return policy;
    policies.push(policy.value);
  }

  const requestIp = validateCondition(body['condition']);
  if (!requestIp.ok) return requestIp;

  const notBefore = validateDate(body['not_before'], 'not_before');
  if (!notBefore.ok) return notBefore;
  const expiresOn = validateDate(body['expires_on'], 'expires_on');
  if (!expiresOn.ok) return expiresOn;
  if (notBefore.value && expiresOn.value && expiresOn.value <= notBefore.value) {
    return bad('expires_on must be later than not_before');
  }

  let status: ValidatedTokenBody['status'];
  if (context.mode === 'update' && body['status'] !== undefined) {
    const value = body['status'];
    if (value !== 'active' && value !== 'disabled' && value !== 'expired') {
      return bad('status must be one of: active, disabled, expired');
    }
    // 'expired' is computed from expires_on; sending it back unchanged is not an error.
    status = value === 'expired' ? undefined : value;
  }

  return {
    ok: true,
    value: {
      name,
      policies,
      requestIp: requestIp.value,
      not_before: notBefore.value ? isoSeconds(notBefore.value) : null,
      expires_on: expiresOn.value ? isoSeconds(expiresOn.value) : null,
      status,
    },
  };
}

function validatePolicy(input: unknown, where: string, context: ValidationContext): Result<ValidatedPolicy> {
  if (!isRecord(input)) return bad(`${where} must be an object`);
  const effect = input['effect'];
  if (effect !== 'allow' && effect !== 'deny') return bad(`${where}.effect must be "allow" or "deny"`);

  let id: string | null = null;
  const idInput = input['id'];
  if (idInput !== undefined) {
    if (context.mode === 'create') return bad('Reusing existing policies is not supported by token creation');
    if (typeof idInput !== 'string') return bad(`${where}.id must be a string`);
    const known = context.existing?.policies.some((policy) => policy.id === idInput) ?? false;
    id = known || context.mode === 'seed' ? idInput : null;
  }

  const groupsInput = input['permission_groups'];
  if (!Array.isArray(groupsInput) || groupsInput.length === 0) {
    return bad(`${where}.permission_groups must contain at least one permission group`);
  }
  const grants: PermissionGroupGrant[] = [];
  const groups: PermissionGroup[] = [];
  for (const [index, groupInput] of groupsInput.entries()) {
    const at = `${where}.permission_groups[${index}]`;
    if (!isRecord(groupInput) || typeof groupInput['id'] !== 'string') return bad(`${at}.id is required`);
    const group = context.store.catalog.get(groupInput['id']);
    if (!group) return bad(`Permission group ${groupInput['id']} does not exist`);
    if (context.owner.kind === 'account' && group.scopes.includes(SCOPE.user)) {
      return bad(`Permission group "${group.name}" (${group.id}) cannot be used in account-owned tokens`);
    }
    const grant: PermissionGroupGrant = { id: group.id };
    const meta = groupInput['meta'];
    if (meta !== undefined) {
      if (!isRecord(meta)) return bad(`${at}.meta must be an object`);
      const grantMeta: { key?: string; value?: string } = {};
      if (typeof meta['key'] === 'string') grantMeta.key = meta['key'];
      if (typeof meta['value'] === 'string') grantMeta.value = meta['value'];
      grant.meta = grantMeta;
    }
    grants.push(grant);
    groups.push(group);
  }

  const resourcesInput = input['resources'];
  if (!isRecord(resourcesInput) || Object.keys(resourcesInput).length === 0) {
    return bad(`${where}.resources must name at least one resource`);
  }
  const resources: ResourceMap = {};
  for (const [key, value] of Object.entries(resourcesInput)) {
    if (typeof value === 'string') {
      resources[key] = value;
    } else if (isRecord(value) && Object.values(value).every((inner) => typeof inner === 'string')) {
      resources[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
    } else {
      return bad(`Invalid resource ${key}: value must be "*" or an object of "*" values`);
    }
  }
  const { refs, problems } = parseResources(resources);
  const problem = problems[0];
  if (problem) return bad(`Invalid resource ${problem.key}: ${problem.reason}`);

  for (const group of groups) {
    for (const ref of refs) {
      const scope = scopeOfRef(ref);
      if (!group.scopes.includes(scope)) {
        return bad(
          `Permission group "${group.name}" (${group.id}) applies to ${group.scopes.join(', ')} resources, ` +
            `but ${ref.key} is a ${scope} resource`,
        );
      }
    }
  }
  for (const ref of refs) {
    const refProblem = checkReference(ref, context);
    if (refProblem) return bad(refProblem);
  }
  return { ok: true, value: { id, effect, permission_groups: grants, resources } };
}

/** Existence and ownership of a referenced user, account or zone; null when fine. */
function checkReference(ref: ResourceRef, context: ValidationContext): string | null {
  const { store, owner } = context;
  const ownAccountOnly = (): string =>
    owner.kind === 'account'
      ? `Account-owned tokens may only reference account ${owner.accountId} and its zones (got ${ref.key})`
      : '';
  const notPermitted = `Failed common permission check against resources. (Resource: ${ref.key})`;
  const reachable = (accountId: string): boolean =>
    owner.kind === 'account' ? accountId === owner.accountId : store.isMember(owner.userId, accountId);

  switch (ref.kind) {
    case 'user':
      if (owner.kind === 'account') return ownAccountOnly();
      return ref.userId === owner.userId ? null : notPermitted;
    case 'all_accounts':
      return owner.kind === 'account' ? ownAccountOnly() : null;
    case 'account':
      if (!store.accounts.has(ref.accountId)) return `Invalid resource ${ref.key}: no such account`;
      if (owner.kind === 'account' && ref.accountId !== owner.accountId) return ownAccountOnly();
      return reachable(ref.accountId) ? null : notPermitted;
    case 'account_zones':
      if (ref.accountId === null) return owner.kind === 'account' ? ownAccountOnly() : null;
      if (!store.accounts.has(ref.accountId)) return `Invalid resource ${ref.key}: no such account`;
      if (owner.kind === 'account' && ref.accountId !== owner.accountId) return ownAccountOnly();
      return reachable(ref.accountId) ? null : notPermitted;
    case 'zone': {
      const zone = store.zones.get(ref.zoneId);
      if (!zone) return `Invalid resource ${ref.key}: no such zone`;
      if (ref.accountId !== null && ref.accountId !== zone.account_id) {
        return `Invalid resource ${ref.key}: the zone is not in account ${ref.accountId}`;
      }
      if (owner.kind === 'account' && zone.account_id !== owner.accountId) return ownAccountOnly();
      return reachable(zone.account_id) ? null : notPermitted;
    }
    case 'r2_bucket':
      if (owner.kind === 'account' && ref.accountId !== null && ref.accountId !== owner.accountId) {
        return ownAccountOnly();
      }
      return null;
  }
}

function validateCondition(input: unknown): Result<RequestIpCondition | null> {
  if (input === undefined || input === null) return { ok: true, value: null };
  if (!isRecord(input)) return bad('condition must be an object');
  const requestIp = input['request_ip'];
  if (requestIp === undefined || requestIp === null) return { ok: true, value: null };
  if (!isRecord(requestIp)) return bad('condition.request_ip must be an object');
  const lists: RequestIpCondition = { in: [], not_in: [] };
  for (const key of ['in', 'not_in'] as const) {
    const list = requestIp[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) return bad(`condition.request_ip.${key} must be a list of CIDRs`);
    for (const entry of list) {
      if (typeof entry !== 'string' || parseCidr(entry) === null) {
        return bad(`Invalid IP address or CIDR in condition.request_ip.${key}: ${JSON.stringify(entry)}`);
      }
      lists[key].push(entry);
    }
  }
  if (lists.in.length === 0 && lists.not_in.length === 0) return { ok: true, value: null };
  return { ok: true, value: lists };
}

function validateDate(input: unknown, field: string): Result<Date | null> {
  if (input === undefined || input === null) return { ok: true, value: null };
  if (typeof input !== 'string') return bad(`${field} must be an RFC 3339 date-time string`);
  const date = parseIsoDateTime(input);
  if (!date) return bad(`${field} must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z`);
  return { ok: true, value: date };
}
