/**
 * Resource keys: Cloudflare's names for what a policy applies to, read and written.
 *
 * A policy's `resources` map is either flat (`{"com.cloudflare.api.account.zone.<id>": "*"}`) or
 * nested under an account (`{"com.cloudflare.api.account.<id>": {"com.cloudflare.api.account.zone.*": "*"}}`,
 * which is "all zones of that account"; the inner map may also list specific zones of that
 * account). Everything here works on the flattened form so that both spellings read the same.
 */
import {
  ALL_ACCOUNTS_KEY,
  ALL_ZONES_KEY,
  RESOURCE_PREFIX,
  type CfResourceValue,
  type CfResources,
} from '../cloudflare-types';
import type { ResourceKind, ResourceSelector } from '../domain';

/** One resource of a policy with the nesting removed. */
export interface FlatResource {
  /** The key as Cloudflare names it; for a nested entry, the inner key. */
  key: string;
  /** Cloudflare's value for the key, "*" in every documented case. */
  value: string;
  /** The enclosing key when the entry came from a nested map, else null. */
  parentKey: string | null;
}

/** What a resource key designates, with the ids it carries. */
export interface ClassifiedResource {
  kind: ResourceKind;
  accountId: string | null;
  zoneId: string | null;
  userId: string | null;
  /** R2 keys: `<account_id>_<jurisdiction>_<bucket>`, or "*" for every bucket. */
  bucket: { name: string; jurisdiction: string | null } | null;
}

/** The shape of Cloudflare ids, as domain.ts's CfId; anything else is not read as an id. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/u;
const R2_BUCKET_PATTERN = /^([A-Za-z0-9]{1,64})_([a-z0-9-]+)_(.+)$/u;
const ALL_R2_BUCKETS_KEY = `${RESOURCE_PREFIX.r2Bucket}*`;

/** Flattens a policy's resources into one entry per key, keeping the account a nested key sits under. */
export function flattenResources(resources: CfResources): FlatResource[] {
  const flat: FlatResource[] = [];
  for (const [key, value] of Object.entries(resources)) {
    if (typeof value === 'string') {
      flat.push({ key, value, parentKey: null });
      continue;
    }
    for (const [innerKey, innerValue] of Object.entries(value)) {
      flat.push({ key: innerKey, value: String(innerValue), parentKey: key });
    }
  }
  return flat;
}

/** Reads the account id out of `com.cloudflare.api.account.<id>`, or null for any other key. */
export function accountIdOfKey(key: string): string | null {
  if (!key.startsWith(RESOURCE_PREFIX.account) || key.startsWith(RESOURCE_PREFIX.zone)) return null;
  const id = key.slice(RESOURCE_PREFIX.account.length);
  return ID_PATTERN.test(id) ? id : null;
}

function classified(
  kind: ResourceKind,
  ids: Partial<Omit<ClassifiedResource, 'kind'>> = {},
): ClassifiedResource {
  return {
    kind,
    accountId: ids.accountId ?? null,
    zoneId: ids.zoneId ?? null,
    userId: ids.userId ?? null,
    bucket: ids.bucket ?? null,
  };
}

function classifyR2(key: string, parentAccountId: string | null): ClassifiedResource {
  if (key === ALL_R2_BUCKETS_KEY) {
    return classified('r2_bucket', { accountId: parentAccountId, bucket: { name: '*', jurisdiction: null } });
  }
  const rest = key.slice(RESOURCE_PREFIX.r2Bucket.length);
  const match = R2_BUCKET_PATTERN.exec(rest);
  if (!match) return classified('r2_bucket', { accountId: parentAccountId });
  const [, accountId = '', jurisdiction = '', name = ''] = match;
  return classified('r2_bucket', { accountId: parentAccountId ?? accountId, bucket: { name, jurisdiction } });
}

/**
 * Classifies a resource key.
 *
 * `parentKey` is the enclosing key of a nested entry. Only an account may enclose others, and
 * only zones and R2 buckets may sit inside it; any other combination is `other`, so that an
 * unfamiliar shape is shown and refused rather than guessed at.
 */
export function classifyResource(key: string, parentKey: string | null = null): ClassifiedResource {
  let parentAccountId: string | null = null;
  if (parentKey !== null) {
    parentAccountId = accountIdOfKey(parentKey);
    if (parentAccountId === null) return classified('other');
  }

  if (key.startsWith(RESOURCE_PREFIX.r2Bucket)) return classifyR2(key, parentAccountId);

  if (key === ALL_ZONES_KEY) {
    return parentAccountId === null
      ? classified('all_zones')
      : classified('account_zones', { accountId: parentAccountId });
  }
  if (key.startsWith(RESOURCE_PREFIX.zone)) {
    const zoneId = key.slice(RESOURCE_PREFIX.zone.length);
    return ID_PATTERN.test(zoneId)
      ? classified('zone', { zoneId, accountId: parentAccountId })
      : classified('other');
  }
  // Below here nothing may be nested: an account inside an account or a user inside an account
  // is not a form Cloudflare documents.
  if (parentAccountId !== null) return classified('other');

  if (key === ALL_ACCOUNTS_KEY) return classified('all_accounts');
  const accountId = accountIdOfKey(key);
  if (accountId !== null) return classified('account', { accountId });
  if (key.startsWith(RESOURCE_PREFIX.user)) {
    const userId = key.slice(RESOURCE_PREFIX.user.length);
    return ID_PATTERN.test(userId) ? classified('user', { userId }) : classified('other');
  }
  return classified('other');
}

/**
 * The identity of a flattened resource, for comparing policies.
 *
 * A specific zone is the same resource whether it is written flat or nested under its account
 * (zone ids are unique across Cloudflare), so both give the flat key; every other nested entry
 * keeps its account, because "all zones" under account A is not "all zones".
 */
export function resourceIdentity(resource: FlatResource): string {
  if (resource.parentKey === null) return resource.key;
  if (classifyResource(resource.key, resource.parentKey).kind === 'zone') return resource.key;
  return `${resource.parentKey} > ${resource.key}`;
}

/** The Cloudflare resource entry for one selector: a flat key, or an account with its zones nested. */
export function selectorResource(selector: ResourceSelector): { key: string; value: CfResourceValue } {
  switch (selector.type) {
    case 'zone':
      return { key: `${RESOURCE_PREFIX.zone}${selector.zoneId}`, value: '*' };
    case 'account_zones':
      return { key: `${RESOURCE_PREFIX.account}${selector.accountId}`, value: { [ALL_ZONES_KEY]: '*' } };
    case 'all_zones':
      return { key: ALL_ZONES_KEY, value: '*' };
    case 'account':
      return { key: `${RESOURCE_PREFIX.account}${selector.accountId}`, value: '*' };
    case 'all_accounts':
      return { key: ALL_ACCOUNTS_KEY, value: '*' };
    case 'user':
      return { key: `${RESOURCE_PREFIX.user}${selector.userId}`, value: '*' };
  }
}

/** The selector a classified resource stands for, or null when the builder has no selector for it. */
export function selectorFor(resource: ClassifiedResource, include: boolean): ResourceSelector | null {
  switch (resource.kind) {
    case 'zone':
      return resource.zoneId === null ? null : { type: 'zone', zoneId: resource.zoneId, include };
    case 'account_zones':
      return resource.accountId === null
        ? null
        : { type: 'account_zones', accountId: resource.accountId, include };
    case 'all_zones':
      return { type: 'all_zones', include };
    case 'account':
      return resource.accountId === null ? null : { type: 'account', accountId: resource.accountId, include };
    case 'all_accounts':
      return { type: 'all_accounts', include };
    case 'user':
      return resource.userId === null ? null : { type: 'user', userId: resource.userId, include };
    case 'r2_bucket':
    case 'other':
      return null;
  }
}

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  const record: Record<string, T> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    record[key] = value;
  return record;
}

/**
 * Writes selectors as the resources maps of as many policies as Cloudflare needs: at most one
 * flat map (zones, all zones, accounts, the user) and one nested map (all zones of an account).
 *
 * Cloudflare's schema (`iam_resources`) takes a policy's resources as one of a map of strings or
 * a map of maps, never both, so a selection of a zone and all zones of an account becomes two
 * policies with the same effect and groups, which grant exactly what the one selection meant.
 * An empty selection stays one empty map, for validation to name.
 */
export function resourceMapsFromSelectors(selectors: readonly ResourceSelector[]): CfResources[] {
  const flat = selectors.filter((selector) => typeof selectorResource(selector).value === 'string');
  const nested = selectors.filter((selector) => typeof selectorResource(selector).value !== 'string');
  const maps = [flat, nested].filter((group) => group.length > 0).map(resourcesFromSelectors);
  return maps.length > 0 ? maps : [{}];
}

/**
 * Writes selectors as one Cloudflare resources map, keys sorted so the same selection always
 * gives the same JSON. The `include` flag is ignored: the caller splits includes and excludes
 * into separate policies first.
 *
 * Throws when one account is asked for both as a flat key and with nested zones: the map cannot
 * hold both, and validation keeps such a policy from being built (they need different scopes).
 */
export function resourcesFromSelectors(selectors: readonly ResourceSelector[]): CfResources {
  const entries = new Map<string, CfResourceValue>();
  for (const selector of selectors) {
    const { key, value } = selectorResource(selector);
    const existing = entries.get(key);
    if (existing === undefined) {
      entries.set(key, value);
    } else if (typeof existing === 'string' && typeof value === 'string') {
      // The same resource twice: one entry says it.
    } else if (typeof existing !== 'string' && typeof value !== 'string') {
      entries.set(key, { ...existing, ...value });
    } else {
      throw new Error(`Resource ${key} is selected both as an account and as that account's zones`);
    }
  }
  return sortedRecord(
    [...entries].map(([key, value]): [string, CfResourceValue] => [
      key,
      typeof value === 'string' ? value : sortedRecord(Object.entries(value)),
    ]),
  );
}
