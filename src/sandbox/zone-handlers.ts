/**
 * GET /zones and GET /zones/{zone_id}.
 *
 * A credential sees a zone when at least one zone-scoped permission group is effective on it:
 * granted by a specific zone key, by all zones of its account (nested form), or by all zones
 * (com.cloudflare.api.account.zone.*), and not taken away by a deny policy.
 * Filters: name, status, account.id, account.name, type, with match=all|any; order and
 * direction; result_info carries total_pages, as the zones API does.
 */
import { principalForApi } from './auth';
import { cfErrors, type CfFailure } from './cf-errors';
import { ok } from './envelope';
import { failWith, idParam, isCfFailure, type Handler, type HandlerContext } from './handler-context';
import { derivedId } from './ids';
import { matchesFilter } from './list-filters';
import type { ZoneRecord } from './model';
import { paginate, parsePageRequest, sortBy } from './pagination';
import { reaches, type Principal } from './policy-engine';
import type { SimStore } from './sim-store';

const PLANS = {
  // Cloudflare's real id of the Free plan; the others are derived placeholders.
  free: { id: '0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee', name: 'Free Website', price: 0 },
  pro: { id: derivedId('plan', 'pro'), name: 'Pro Website', price: 20 },
  business: { id: derivedId('plan', 'business'), name: 'Business Website', price: 200 },
  enterprise: { id: derivedId('plan', 'enterprise'), name: 'Enterprise Website', price: 5000 },
} as const;

const NAME_SERVERS = ['ada', 'bob', 'cruz', 'dina', 'eric', 'fay', 'gene', 'hana'];

function zoneView(zone: ZoneRecord, store: SimStore): Record<string, unknown> {
  const account = store.accounts.get(zone.account_id);
  const plan = PLANS[zone.plan];
  const first = parseInt(zone.id.slice(0, 2), 16) % NAME_SERVERS.length;
  return {
    id: zone.id,
    name: zone.name,
    status: zone.status,
    paused: zone.paused,
    type: zone.type,
    development_mode: 0,
    name_servers: [0, 1].map(
      (offset) => `${NAME_SERVERS[(first + offset) % NAME_SERVERS.length] ?? 'ns'}.ns.cloudflare.com`,
    ),
    original_name_servers: null,
    original_registrar: null,
    original_dnshost: null,
    created_on: zone.created_on,
    modified_on: zone.modified_on,
    activated_on: zone.status === 'active' || zone.status === 'moved' ? zone.created_on : null,
    vanity_name_servers: [],
    meta: { step: 2, custom_certificate_quota: 0, page_rule_quota: 3, phishing_detected: false },
    owner: { id: zone.account_id, type: 'organization', name: account?.name ?? '' },
    account: { id: zone.account_id, name: account?.name ?? '' },
    plan: {
      id: plan.id,
      name: plan.name,
      price: plan.price,
      currency: 'USD',
      frequency: zone.plan === 'free' ? '' : 'monthly',
      is_subscribed: zone.plan !== 'free',
      can_subscribe: false,
      legacy_id: zone.plan,
      legacy_discount: false,
      externally_managed: false,
    },
  };
}

function zoneTarget(zone: ZoneRecord): { kind: 'zone'; zoneId: string; accountId: string } {
  return { kind: 'zone', zoneId: zone.id, accountId: zone.account_id };
}

const ORDER_KEYS = {
  name: (zone: ZoneRecord): string => zone.name,
  status: (zone: ZoneRecord): string => zone.status,
  'account.id': (zone: ZoneRecord): string => zone.account_id,
  'account.name': (zone: ZoneRecord, store?: SimStore): string =>
    store?.accounts.get(zone.account_id)?.name ?? '',
  'plan.id': (zone: ZoneRecord): string => PLANS[zone.plan].id,
} as const;

type ZonePredicate = (zone: ZoneRecord) => boolean;

function zoneFilters(context: HandlerContext): ZonePredicate[] | CfFailure {
  const { query, store } = context;
  const filters: ZonePredicate[] = [];
  const name = query.get('name');
  if (name !== null) filters.push((zone) => matchesFilter(zone.name, name));
  const status = query.get('status');
  if (status !== null) {
    if (!['initializing', 'pending', 'active', 'moved'].includes(status)) {
      return cfErrors.invalidRequest('status must be one of: initializing, pending, active, moved');
    }
    filters.push((zone) => zone.status === status);
  }
  const accountId = query.get('account.id');
  if (accountId !== null) filters.push((zone) => zone.account_id === accountId);
  const accountName = query.get('account.name');
  if (accountName !== null) {
    filters.push((zone) => matchesFilter(store.accounts.get(zone.account_id)?.name ?? '', accountName));
  }
  // The schema says comma-separated (explode: false); the SDK repeats the key. Accept both.
  const typeValues = query.getAll('type');
  if (typeValues.length > 0) {
    const types = typeValues.flatMap((value) => value.split(','));
    if (!types.every((t) => ['full', 'partial', 'secondary', 'internal'].includes(t))) {
      return cfErrors.invalidRequest(
        'type must be a comma-separated list of: full, partial, secondary, internal',
      );
    }
    filters.push((zone) => types.includes(zone.type));
  }
  return filters;
}

/** Those of `zones` the principal reaches. */
function visibleZones(principal: Principal, store: SimStore, zones: readonly ZoneRecord[]): ZoneRecord[] {
  return zones.filter((zone) => reaches(principal, zoneTarget(zone), store));
}

export const listZones: Handler = (context) => {
  const principal = principalForApi(context.caller);
  if (isCfFailure(principal)) return failWith(principal);
  const page = parsePageRequest(context.query);
  if (isCfFailure(page)) return failWith(page);
  const filters = zoneFilters(context);
  if (isCfFailure(filters)) return failWith(filters);
  const match = context.query.get('match') ?? 'all';
  if (match !== 'all' && match !== 'any')
    return failWith(cfErrors.invalidRequest('match must be one of: any, all'));
  const order = context.query.get('order') ?? 'name';
  if (!(order in ORDER_KEYS)) {
    return failWith(
      cfErrors.invalidRequest('order must be one of: name, status, account.id, account.name, plan.id'),
    );
  }
  const orderKey = ORDER_KEYS[order as keyof typeof ORDER_KEYS];
  const { store } = context;
  // The query's filters first: they are cheap, and the caller's reach is checked for what they
  // leave.
  const selected = visibleZones(
    principal,
    store,
    [...store.zones.values()].filter((zone) => {
      if (filters.length === 0) return true;
      return match === 'all' ? filters.every((f) => f(zone)) : filters.some((f) => f(zone));
    }),
  );
  const sorted = sortBy(selected, (zone) => `${orderKey(zone, store)}|${zone.name}`, page.direction);
  const { items, resultInfo } = paginate(sorted, page, true);
  return ok(
    items.map((zone) => zoneView(zone, store)),
    { resultInfo },
  );
};

export const getZone: Handler = (context) => {
  const id = idParam(context, 'zone_id');
  if (isCfFailure(id)) return failWith(id);
  const principal = principalForApi(context.caller);
  if (isCfFailure(principal)) return failWith(principal);
  const zone = context.store.zones.get(id);
  if (!zone) return failWith(cfErrors.invalidObjectId(`/client/v4${context.path}`));
  if (!reaches(principal, zoneTarget(zone), context.store)) return failWith(cfErrors.unauthorized());
  return ok(zoneView(zone, context.store));
};
