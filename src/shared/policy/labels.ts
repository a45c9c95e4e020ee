/**
 * Plain words for resources, ids and dates, shared by the decoder, the builder's summary and
 * the insights, so the inventory, the preview and the warnings say the same thing.
 */
import type { ResourceSelector } from '../domain';
import { type Message, msg } from '../i18n/message';
import {
  classifyResource,
  flattenResources,
  selectorResource,
  type ClassifiedResource,
} from './resource-keys';

/** Where names for accounts, zones and the user come from. */
export interface ResourceNames {
  /** The account's name, or null when the profile does not know the account. */
  account(id: string): string | null;
  zone(id: string): { name: string; accountId: string | null } | null;
  /** e.g. the login's email, used for the user resource. */
  userLabel?: string | null;
}

/** An id too long to read, cut to its first 8 characters; the ellipsis shows it was cut. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** A date as YYYY-MM-DD in UTC, or null when the text is not a date. */
export function formatDay(iso: string): string | null {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** "account Acme", or "account 1a2b3c4d…" when the name is unknown, so nothing is hidden. */
export function accountLabel(accountId: string, names: ResourceNames): string {
  return `account ${names.account(accountId) ?? shortId(accountId)}`;
}

/**
 * One resource as a message each face words ("zone example.com", "区域 example.com"). R2 buckets
 * and resources Keyflare does not know keep the decoder's words, since they quote Cloudflare's
 * raw keys.
 */
export function resourceMessage(
  resource: ClassifiedResource,
  key: string,
  parentKey: string | null,
  names: ResourceNames,
): Message {
  const account = (id: string | null): string => names.account(id ?? '') ?? shortId(id ?? '');
  switch (resource.kind) {
    case 'zone': {
      const zoneId = resource.zoneId ?? '';
      return msg('policy.resource.zone', { zone: names.zone(zoneId)?.name ?? shortId(zoneId) });
    }
    case 'account_zones':
      return msg('policy.resource.accountZones', { account: account(resource.accountId) });
    case 'all_zones':
      return msg('policy.resource.allZones');
    case 'account':
      return msg('policy.resource.account', { account: account(resource.accountId) });
    case 'all_accounts':
      return msg('policy.resource.allAccounts');
    case 'user':
      return msg('policy.resource.user', { user: names.userLabel ?? shortId(resource.userId ?? '') });
    default:
      return msg('outcomes.policy.rawWords', { words: resourceLabel(resource, key, parentKey, names) });
  }
}

/** Plain words for one resource: "zone example.com", "all zones in account Acme", "all accounts". */
export function resourceLabel(
  resource: ClassifiedResource,
  key: string,
  parentKey: string | null,
  names: ResourceNames,
): string {
  switch (resource.kind) {
    case 'zone': {
      const zoneId = resource.zoneId ?? '';
      return `zone ${names.zone(zoneId)?.name ?? shortId(zoneId)}`;
    }
    case 'account_zones':
      return `all zones in ${accountLabel(resource.accountId ?? '', names)}`;
    case 'all_zones':
      return 'all zones';
    case 'account':
      return accountLabel(resource.accountId ?? '', names);
    case 'all_accounts':
      return 'all accounts';
    case 'user': {
      const label = names.userLabel ?? null;
      return `user ${label ?? shortId(resource.userId ?? '')}`;
    }
    case 'r2_bucket': {
      const where = resource.accountId === null ? '' : ` in ${accountLabel(resource.accountId, names)}`;
      if (resource.bucket === null) return `R2 bucket ${key}${where}`;
      if (resource.bucket.name === '*') return `all R2 buckets${where}`;
      const jurisdiction =
        resource.bucket.jurisdiction === null || resource.bucket.jurisdiction === 'default'
          ? ''
          : ` (${resource.bucket.jurisdiction})`;
      return `R2 bucket ${resource.bucket.name}${jurisdiction}${where}`;
    }
    case 'other':
      return parentKey === null ? `resource ${key}` : `resource ${key} under ${parentKey}`;
  }
}

/** Joins names for a sentence: "A", "A and B", "A, B and C". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** A draft resource row as the decoder sees it: its classified resource, key and parent key. */
function selectorEntry(selector: ResourceSelector): {
  resource: ClassifiedResource;
  key: string;
  parentKey: string | null;
} {
  const { key, value } = selectorResource(selector);
  const [flat] = flattenResources({ [key]: value });
  const entryKey = flat?.key ?? key;
  const parentKey = flat?.parentKey ?? null;
  return { resource: classifyResource(entryKey, parentKey), key: entryKey, parentKey };
}

/** Plain words for a builder selection, worded exactly as the decoder words the same resource. */
export function selectorLabel(selector: ResourceSelector, names: ResourceNames): string {
  const { resource, key, parentKey } = selectorEntry(selector);
  return resourceLabel(resource, key, parentKey, names);
}

/** One draft resource row as a message, worded as the decoder words it (the wizard's preview). */
export function selectorMessage(selector: ResourceSelector, names: ResourceNames): Message {
  const { resource, key, parentKey } = selectorEntry(selector);
  return resourceMessage(resource, key, parentKey, names);
}
