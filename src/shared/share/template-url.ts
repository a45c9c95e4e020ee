/**
 * "Share a request": Cloudflare's dashboard template URL for a token's access, and an honest
 * account of what it leaves out.
 *
 * A template URL only pre-fills the dashboard's create form (../shared/cloudflare/template-urls.md):
 * permission keys with a type (read, edit, revoke, run, purge), one account or all, one zone or
 * all, and a name. The teammate opening it creates the token in their own login. Most policies
 * say more than that: several zones, exclusions, deny policies, IP filters, dates, groups the
 * docs give no key for. Every such part is listed in `manual`, in words the teammate can follow
 * in the form, and everything the link does carry is listed in `carried`, so nothing is implied.
 * When the link pre-fills more than the token has (all zones where the token names several), the
 * manual list says so first.
 */
import type { DecodedPolicy, DecodedResource } from '../domain';
import { type Message, msg, nest } from '../i18n/message';
import { exclusionPairs } from '../policy/exclusions';
import { formatDay, labelMessage, listMessage, wordsMessage } from '../policy/labels';
import { scopeKind } from '../policy/scopes';

export interface ShareInput {
  name: string;
  kind: 'user' | 'account';
  policies: readonly DecodedPolicy[];
  requestIp: { in: readonly string[]; notIn: readonly string[] };
  notBefore: string | null;
  expiresOn: string | null;
}

export interface ShareLink {
  /** The dashboard URL, or null when not one permission can be carried. */
  url: string | null;
  /** What the link pre-fills, one line each, as messages each face words (`outcomes.share.*`). */
  carried: Message[];
  /** What the teammate must add or change by hand, one line each (`englishMessage` for logs). */
  manual: Message[];
}

export type TemplateType = 'read' | 'edit' | 'revoke' | 'run' | 'purge';

export interface TemplateKey {
  key: string;
  type: TemplateType;
}

/**
 * Permission group base names (the name without Read/Write) to the keys Cloudflare documents,
 * per scope. Only documented keys: a group without one cannot go in a template URL.
 */
const KEYS: Record<'zone' | 'account', Record<string, string>> = {
  account: {
    'Account Analytics': 'account_analytics',
    'Account API Tokens': 'account_api_tokens',
    'Account Settings': 'account_settings',
    Billing: 'billing',
    'Workers Scripts': 'workers_scripts',
    'Workers KV Storage': 'workers_kv_storage',
    'Workers R2 Storage': 'workers_r2',
    D1: 'd1',
    Queues: 'queues',
    Pages: 'page',
    Stream: 'stream',
    Images: 'images',
    Logs: 'logs',
    'Access: Apps and Policies': 'access_acct',
    'Access: Audit Logs': 'access_audit_log',
    'Access: Custom Pages': 'access_custom_page',
    'Zero Trust': 'teams',
  },
  zone: {
    DNS: 'dns',
    Zone: 'zone',
    'Zone Settings': 'zone_settings',
    Analytics: 'analytics',
    'Firewall Services': 'firewall_services',
    'Page Rules': 'page_rules',
    Cache: 'cache',
    'SSL and Certificates': 'ssl_and_certificates',
    // Listed among the account keys in the docs; the group itself is zone-scoped.
    'Workers Routes': 'workers_routes',
    'Access: Apps and Policies': 'access',
  },
};

const TYPE_OF_SUFFIX: Record<string, TemplateType> = {
  Read: 'read',
  Write: 'edit',
  Edit: 'edit',
  Revoke: 'revoke',
  Run: 'run',
  Purge: 'purge',
};

const STRENGTH: Record<TemplateType, number> = { read: 0, purge: 1, run: 1, revoke: 1, edit: 2 };

/** The documented template key of a permission group, or null when the docs list none. */
export function templateKeyOf(name: string, scope: string | null): TemplateKey | null {
  const kind = scope === null ? null : scopeKind(scope);
  if (kind !== 'zone' && kind !== 'account') return null;
  const match = /^(.*) (Read|Write|Edit|Revoke|Run|Purge)$/u.exec(name);
  if (!match) return null;
  const [, base = '', suffix = ''] = match;
  const key = KEYS[kind][base];
  const type = TYPE_OF_SUFFIX[suffix];
  return key && type ? { key, type } : null;
}

/** encodeURIComponent, also for the characters it leaves alone (`*`, `!`, `'`, `(`, `)`), as the docs' example. */
export function encodeParam(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

interface Scoped {
  zone: DecodedResource[];
  account: DecodedResource[];
}

/** The resources as one list, each in the reader's language. */
function resourcesParam(resources: readonly DecodedResource[]): Record<string, string | number> {
  return nest('resources', listMessage(resources.map((resource) => labelMessage(resource.label))));
}

/** Names that stay as they are (permission groups, IP ranges) as one list. */
function wordsParam(name: string, words: readonly string[]): Record<string, string | number> {
  return nest(name, listMessage(words.map(wordsMessage)));
}

/** What a user-token link pre-fills for accounts and zones, and the corrections it needs. */
function resourceParams(
  scoped: Scoped,
  carried: Message[],
  manual: Message[],
): { accountId: string; zoneId: string } {
  let accountId = '*';
  const accounts = scoped.account;
  if (accounts.length > 0) {
    const all = accounts.some((resource) => resource.kind === 'all_accounts');
    const single = accounts.filter((resource) => resource.kind === 'account');
    const first = single[0];
    if (all && single.length === 0)
      carried.push(msg('outcomes.share.accounts', nest('resource', msg('policy.resource.allAccounts'))));
    else if (first && single.length === 1 && !all) {
      accountId = first.accountId ?? '*';
      carried.push(msg('outcomes.share.accounts', nest('resource', labelMessage(first.label))));
    } else {
      manual.push(msg('outcomes.share.accountsByHand', resourcesParam(accounts)));
    }
  }
  let zoneId = 'all';
  const zones = scoped.zone;
  if (zones.length > 0) {
    const all = zones.some((resource) => resource.kind === 'all_zones');
    const single = zones.filter((resource) => resource.kind === 'zone');
    const first = single[0];
    if (all && zones.length === 1)
      carried.push(msg('outcomes.share.zones', nest('resource', msg('policy.resource.allZones'))));
    else if (first && zones.length === 1) {
      zoneId = first.zoneId ?? 'all';
      carried.push(msg('outcomes.share.zones', nest('resource', labelMessage(first.label))));
    } else {
      manual.push(msg('outcomes.share.zonesByHand', resourcesParam(zones)));
    }
  }
  return { accountId, zoneId };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** The template URL of a token's access, with what it carries and what must be added by hand. */
export function shareLink(input: ShareInput): ShareLink {
  const carried: Message[] = [];
  const manual: Message[] = [];
  const keys = new Map<string, TemplateKey>();
  const scoped: Scoped = { zone: [], account: [] };
  const pairs = exclusionPairs(
    input.policies.map((policy) => ({
      effect: policy.effect,
      groupIds: policy.permissionGroups.map((g) => g.id),
    })),
  );
  const excludedBy = new Map<number, number>([...pairs].map(([deny, allow]) => [allow, deny]));

  input.policies.forEach((policy, index) => {
    const groups = wordsParam(
      'groups',
      policy.permissionGroups.map((group) => group.name),
    );
    if (policy.effect === 'deny') {
      if (!pairs.has(index))
        manual.push(msg('outcomes.share.deny', { ...groups, ...resourcesParam(policy.resources) }));
      return;
    }
    for (const group of policy.permissionGroups) {
      const key = templateKeyOf(group.name, group.scope);
      if (key === null) {
        manual.push(msg('outcomes.share.noTemplateKey', { name: group.name }));
        continue;
      }
      const known = keys.get(key.key);
      if (!known || STRENGTH[key.type] > STRENGTH[known.type]) keys.set(key.key, key);
    }
    for (const resource of policy.resources) {
      if (resource.kind === 'zone' || resource.kind === 'all_zones' || resource.kind === 'account_zones')
        scoped.zone.push(resource);
      else if (resource.kind === 'account' || resource.kind === 'all_accounts') scoped.account.push(resource);
      else if (resource.kind !== 'user')
        manual.push(msg('outcomes.share.resourceByHand', nest('resource', labelMessage(resource.label))));
    }
    const deny = excludedBy.get(index);
    const excluded = deny === undefined ? [] : (input.policies[deny]?.resources ?? []);
    if (excluded.length > 0)
      manual.push(msg('outcomes.share.exclusion', { ...groups, ...resourcesParam(excluded) }));
  });
  // The flattened key of "all zones in account A" is the same as "all zones": the kind and ids tell them apart.
  const identity = (resource: DecodedResource): string =>
    `${resource.kind}:${resource.accountId ?? ''}:${resource.zoneId ?? ''}:${resource.key}`;
  scoped.zone = uniqueBy(scoped.zone, identity);
  scoped.account = uniqueBy(scoped.account, identity);

  for (const key of keys.values()) carried.push(msg('outcomes.share.permission', { ...key }));

  let params: { accountId: string; zoneId: string } | null = null;
  if (input.kind === 'user') params = resourceParams(scoped, carried, manual);
  else if (scoped.account.length + scoped.zone.length > 0)
    manual.push(msg('outcomes.share.accountOwned', resourcesParam([...scoped.account, ...scoped.zone])));

  if (input.requestIp.in.length > 0)
    manual.push(msg('outcomes.share.ipIn', wordsParam('cidrs', input.requestIp.in)));
  if (input.requestIp.notIn.length > 0)
    manual.push(msg('outcomes.share.ipNotIn', wordsParam('cidrs', input.requestIp.notIn)));
  // The days go as ISO text: each face says them in its locale (`…Day`), logs as YYYY-MM-DD.
  const fromDay = input.notBefore === null ? null : formatDay(input.notBefore);
  if (fromDay !== null) manual.push(msg('outcomes.share.startDay', { fromDay }));
  const untilDay = input.expiresOn === null ? null : formatDay(input.expiresOn);
  if (untilDay !== null) manual.push(msg('outcomes.share.endDay', { untilDay }));

  if (keys.size === 0) return { url: null, carried: [], manual };
  carried.push(msg('outcomes.share.name', { name: input.name }));
  const encodedKeys = encodeParam(JSON.stringify([...keys.values()].map(({ key, type }) => ({ key, type }))));
  const name = encodeParam(input.name);
  const url =
    input.kind === 'user' && params
      ? `https://dash.cloudflare.com/profile/api-tokens?permissionGroupKeys=${encodedKeys}&accountId=${encodeParam(params.accountId)}&zoneId=${encodeParam(params.zoneId)}&name=${name}`
      : `https://dash.cloudflare.com/?to=/:account/api-tokens&permissionGroupKeys=${encodedKeys}&name=${name}`;
  return { url, carried, manual };
}
