/**
 * Plain words for resources, ids and dates, shared by the decoder, the builder's summary and
 * the insights, so the inventory, the preview and the warnings say the same thing.
 */
import type { ResourceSelector } from '../domain';
import { type Message, type MessageKey, msg, nest } from '../i18n/message';
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

/**
 * The name kept for an account Cloudflare would not name: an account-owned token that may not
 * list accounts still knows the id of the account it belongs to. That name is stored in SQLite as
 * the account's name and shown wherever account names are, so it must read right in every
 * language: it is the account's short id, data that each face frames in its own words ("account
 * 1a2b3c4d…", "账户 1a2b3c4d…"), never an English "Account 1a2b3c4d". Storing the id (rather than
 * no name, or a marker every face would have to recognise) changes no schema and no reader; a
 * name an older Keyflare stored in the English form is replaced by the next sync.
 */
export function unnamedAccountName(accountId: string): string {
  return shortId(accountId);
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
 * One resource as a message each face words ("zone example.com", "区域 example.com"). Names and
 * Cloudflare's raw keys (an R2 bucket, a resource Keyflare does not know) go in as parameters.
 */
export function resourceMessage(
  resource: ClassifiedResource,
  key: string,
  parentKey: string | null,
  names: ResourceNames,
): Message {
  return labelMessage(resourceLabel(resource, key, parentKey, names));
}

/** The fixed English words of `resourceLabel`, shared with `labelMessage`, which reads them back. */
const WORDS = {
  zone: 'zone ',
  accountZones: 'all zones in account ',
  allZones: 'all zones',
  account: 'account ',
  allAccounts: 'all accounts',
  user: 'user ',
  r2Bucket: 'R2 bucket ',
  allR2Buckets: 'all R2 buckets',
  inAccount: ' in account ',
  resource: 'resource ',
  under: ' under ',
} as const;

/** Plain words for one resource: "zone example.com", "all zones in account Acme", "all accounts". */
export function resourceLabel(
  resource: ClassifiedResource,
  key: string,
  parentKey: string | null,
  names: ResourceNames,
): string {
  const account = (id: string): string => names.account(id) ?? shortId(id);
  switch (resource.kind) {
    case 'zone': {
      const zoneId = resource.zoneId ?? '';
      return `${WORDS.zone}${names.zone(zoneId)?.name ?? shortId(zoneId)}`;
    }
    case 'account_zones':
      return `${WORDS.accountZones}${account(resource.accountId ?? '')}`;
    case 'all_zones':
      return WORDS.allZones;
    case 'account':
      return `${WORDS.account}${account(resource.accountId ?? '')}`;
    case 'all_accounts':
      return WORDS.allAccounts;
    case 'user':
      return `${WORDS.user}${names.userLabel ?? shortId(resource.userId ?? '')}`;
    case 'r2_bucket': {
      const where = resource.accountId === null ? '' : `${WORDS.inAccount}${account(resource.accountId)}`;
      if (resource.bucket === null) return `${WORDS.r2Bucket}${key}${where}`;
      if (resource.bucket.name === '*') return `${WORDS.allR2Buckets}${where}`;
      const jurisdiction =
        resource.bucket.jurisdiction === null || resource.bucket.jurisdiction === 'default'
          ? ''
          : ` (${resource.bucket.jurisdiction})`;
      return `${WORDS.r2Bucket}${resource.bucket.name}${jurisdiction}${where}`;
    }
    case 'other':
      return parentKey === null
        ? `${WORDS.resource}${key}`
        : `${WORDS.resource}${key}${WORDS.under}${parentKey}`;
  }
}

/** "R2 bucket logs (eu) in account Acme": bucket names and raw keys hold no space, account names may. */
const R2_LABEL = /^R2 bucket (\S+?)(?: \((\S+)\))?(?: in account (.+))?$/u;
const ALL_R2_LABEL = /^all R2 buckets(?: in account (.+))?$/u;
const OTHER_LABEL = /^resource (\S+)(?: under (\S+))?$/u;

/**
 * A resource's English label (`resourceLabel`, what a decoded resource carries as `label`) as a
 * message each face words: "zone example.com" → `policy.resource.zone` with the zone's name.
 * A decoded resource is cached and sent with every token row, so it keeps only its English label;
 * the words around the names are Keyflare's own (`WORDS`), so they are read back here rather than
 * carried twice. A label of any other form is shown as it is.
 */
export function labelMessage(label: string): Message {
  if (label === WORDS.allZones) return msg('policy.resource.allZones');
  if (label === WORDS.allAccounts) return msg('policy.resource.allAccounts');
  const named: [prefix: string, key: MessageKey, param: string][] = [
    [WORDS.accountZones, 'policy.resource.accountZones', 'account'],
    [WORDS.zone, 'policy.resource.zone', 'zone'],
    [WORDS.account, 'policy.resource.account', 'account'],
    [WORDS.user, 'policy.resource.user', 'user'],
  ];
  for (const [prefix, key, param] of named)
    if (label.startsWith(prefix) && label.length > prefix.length)
      return msg(key, { [param]: label.slice(prefix.length) });
  const all = ALL_R2_LABEL.exec(label);
  if (all) return msg('policy.resource.allR2Buckets', { account: all[1] ?? 'none' });
  const r2 = R2_LABEL.exec(label);
  if (r2)
    return msg('policy.resource.r2Bucket', {
      bucket: r2[1] ?? '',
      jurisdiction: r2[2] ?? 'none',
      account: r2[3] ?? 'none',
    });
  const other = OTHER_LABEL.exec(label);
  if (other) return msg('policy.resource.other', { key: other[1] ?? '', parent: other[2] ?? 'none' });
  return msg('outcomes.policy.rawWords', { words: label });
}

/** Words that are not ours (a permission-group name, an IP range) as a message of their own, for a list. */
export function wordsMessage(words: string): Message {
  return msg('outcomes.policy.rawWords', { words });
}

/**
 * Several messages as one list in the reader's language: "A, B and C", "A、B和C". Each item is
 * nested whole, so a resource is worded in the list's language; the list holds every item (a
 * share link's manual steps must name them all).
 */
export function listMessage(items: readonly Message[]): Message {
  const [first, ...rest] = items;
  if (first === undefined) return wordsMessage('');
  const [last] = rest;
  if (last === undefined) return first;
  if (rest.length === 1) return msg('policy.list.two', { ...nest('first', first), ...nest('last', last) });
  return msg('policy.list.more', { ...nest('first', first), ...nest('rest', listMessage(rest)) });
}

/**
 * Names that stay as they are (permission groups) as a plain list each language punctuates:
 * "DNS Write, Zone Read" / "DNS Write、Zone Read" (no "and": a summary lists them all alike).
 */
export function namesMessage(names: readonly string[]): Message {
  const [first, ...rest] = names;
  if (first === undefined) return wordsMessage('');
  if (rest.length === 0) return wordsMessage(first);
  return msg('policy.list.more', {
    ...nest('first', wordsMessage(first)),
    ...nest('rest', namesMessage(rest)),
  });
}

/** Whole sentences one after another, as each language runs them on: "A. B." / "A。B。". */
export function sentencesMessage(items: readonly Message[]): Message {
  const [first, ...rest] = items;
  if (first === undefined) return wordsMessage('');
  if (rest.length === 0) return first;
  return msg('policy.list.sentences', { ...nest('first', first), ...nest('rest', sentencesMessage(rest)) });
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
