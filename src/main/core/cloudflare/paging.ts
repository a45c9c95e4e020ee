/**
 * Parallel pagination that does not take a page's word for how many pages there are.
 *
 * The SDK's auto-pagination walks one page at a time and asks for an extra, empty page at the
 * end. Here page 1 (per_page=50) comes first; when its result_info gives a total, pages 2..n are
 * requested together (the planner bounds how many run at the same time) and no page beyond the
 * last is asked for. When a reply gives no total, pages are walked one by one until a short or
 * empty page.
 *
 * A total is a claim, checked before and after it is acted on:
 * - each page must agree with its own result_info (wire.ts `parsePageInfo`);
 * - a total above the list's bound is impossible, not a reason to send hundreds of requests:
 *   Cloudflare documents 50 user tokens per user and 500 account-owned tokens per account
 *   (developers.cloudflare.com/fundamentals/api/reference/limits). Zones and accounts have no
 *   documented cap, so their bound comes from the documented request budget: 500 pages of 50 are
 *   25,000 items, already 40% of the 1,200 requests Cloudflare allows a login per 5 minutes;
 * - every page must state the same total and no item may appear twice. Pages that disagree
 *   mean the list changed while it was read (a page boundary shifted, so an item may have been
 *   skipped): the list is read once more from page 1, and if it disagrees again it is malformed;
 * - once a page contradicts the claim, pages not yet sent are not sent.
 * A malformed list fails the read with UPSTREAM, so a sync keeps its previous snapshot.
 */
import { malformedReply } from './errors';
import type { RequestSlot } from './gated-send';
import { MAX_PER_PAGE, type Page } from './replies';
import { msg, nest, type Message, type MessageKey, type MessageParams } from '../../../shared/i18n/message';
import { englishText } from '../../../shared/i18n/english-message';
import { MalformedReplyError } from './wire';

/** Cloudflare's documented quota of user-owned tokens per user. */
export const USER_TOKEN_QUOTA = 50;
/** Cloudflare's documented quota of account-owned tokens per account. */
export const ACCOUNT_TOKEN_QUOTA = 500;
/** The bound for lists without a documented cap (zones, accounts): 500 pages of 50. */
export const MAX_LIST_ITEMS = 25_000;

export type { RequestSlot } from './gated-send';

/** The slot of a request that no planner bounds. */
export const UNBOUNDED_SLOT: RequestSlot = { replied: () => undefined, retake: () => Promise.resolve() };

/** Runs one request, recording which request it waited for (for progress and the critical path). */
export interface RequestPlanner {
  run<R>(
    name: string,
    dependsOn: number | null,
    fn: (slot: RequestSlot) => Promise<R>,
  ): Promise<{ value: R; node: number }>;
}

/** A planner that just runs the request (interactive paths that do not track a plan). */
export const directPlanner: RequestPlanner = {
  run: async (_name, _dependsOn, fn) => ({ value: await fn(UNBOUNDED_SLOT), node: -1 }),
};

export interface ListBounds {
  /** The most items the list can hold (default MAX_LIST_ITEMS). */
  maxItems?: number;
  /** The request that reads the list, for error messages (errors.request.*: "list user tokens"). */
  what?: Message;
  perPage?: number;
}

function malformed(what: Message, key: MessageKey, params?: MessageParams): Error {
  return malformedReply(new MalformedReplyError(what, { key, ...(params ? { params } : {}) }));
}

/** Pages that disagree with each other: the list may have changed while it was read. */
class ListChanged extends Error {
  /** How they disagreed (errors.reply.changed.*), said again if the second reading disagrees too. */
  readonly change: Message;

  constructor(change: Message) {
    super(englishText(change.key, change.params));
    this.change = change;
  }
}

/** A list read without naming its request. */
const A_LIST = msg('errors.request.list');

/** Ids of the items, when they have one (tokens, zones, accounts do). */
function idOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null || !('id' in item)) return null;
  return typeof item.id === 'string' ? item.id : null;
}

export async function fetchAllPages<T>(
  planner: RequestPlanner,
  name: string,
  dependsOn: number | null,
  fetchPage: (page: number, perPage: number, slot: RequestSlot) => Promise<Page<T>>,
  bounds: ListBounds = {},
): Promise<T[]> {
  return (await fetchAllPagesTracked(planner, name, dependsOn, fetchPage, bounds)).items;
}

/** As fetchAllPages, also naming the request that finished last (what a dependant waited for). */
export async function fetchAllPagesTracked<T>(
  planner: RequestPlanner,
  name: string,
  dependsOn: number | null,
  fetchPage: (page: number, perPage: number, slot: RequestSlot) => Promise<Page<T>>,
  bounds: ListBounds = {},
): Promise<{ items: T[]; lastNode: number }> {
  const what = bounds.what ?? A_LIST;
  for (let walk = 1; ; walk += 1) {
    try {
      return await walkList(planner, name, dependsOn, fetchPage, bounds);
    } catch (error) {
      if (!(error instanceof ListChanged)) throw error;
      if (walk >= 2) throw malformed(what, 'errors.reply.keptChanging', nest('change', error.change));
    }
  }
}

async function walkList<T>(
  planner: RequestPlanner,
  name: string,
  dependsOn: number | null,
  fetchPage: (page: number, perPage: number, slot: RequestSlot) => Promise<Page<T>>,
  bounds: ListBounds,
): Promise<{ items: T[]; lastNode: number }> {
  const perPage = bounds.perPage ?? MAX_PER_PAGE;
  const maxItems = bounds.maxItems ?? MAX_LIST_ITEMS;
  const maxPages = Math.max(1, Math.ceil(maxItems / perPage));
  const what = bounds.what ?? A_LIST;
  const seen = new Set<string>();
  const items: T[] = [];
  const take = (page: Page<T>): void => {
    for (const item of page.items) {
      const id = idOf(item);
      if (id !== null) {
        if (seen.has(id)) throw new ListChanged(msg('errors.reply.changed.twice'));
        seen.add(id);
      }
      items.push(item);
    }
  };

  const first = await planner.run(`${name} p1`, dependsOn, (slot) => fetchPage(1, perPage, slot));
  const total = first.value.totalCount;
  const claimedPages = total !== null ? Math.ceil(total / perPage) : first.value.totalPages;
  if (total !== null && total > maxItems) {
    throw malformed(what, 'errors.reply.tooManyItems', { total, maxItems });
  }
  if (claimedPages !== null && claimedPages > maxPages) {
    throw malformed(what, 'errors.reply.tooManyPages', { pages: claimedPages, maxPages });
  }
  take(first.value);

  if (claimedPages !== null) {
    let lastNode = first.node;
    // Pages still queued when another page contradicts the claim are never sent.
    let contradicted = false;
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, claimedPages - 1) }, (_, i) =>
        planner
          .run(`${name} p${i + 2}`, first.node, async (slot) =>
            contradicted ? null : fetchPage(i + 2, perPage, slot),
          )
          .then(
            (page) => {
              lastNode = page.node;
              const value = page.value;
              if (value && (value.totalCount !== total || value.totalPages !== first.value.totalPages))
                contradicted = true;
              return value;
            },
            (error: unknown) => {
              contradicted = true;
              throw error;
            },
          ),
      ),
    );
    for (const page of rest) {
      if (!page) continue;
      if (page.totalCount !== total)
        throw new ListChanged(
          msg('errors.reply.changed.total', {
            first: total ?? 'none',
            page: page.page,
            total: page.totalCount ?? 'none',
          }),
        );
      if (page.totalPages !== first.value.totalPages)
        throw new ListChanged(msg('errors.reply.changed.pages', { page: page.page }));
      take(page);
    }
    return { items, lastNode };
  }

  let previous = first;
  let page = 1;
  while (previous.value.items.length >= perPage) {
    page += 1;
    if (page > maxPages) throw malformed(what, 'errors.reply.endlessPages', { maxPages });
    const current = page;
    previous = await planner.run(`${name} p${current}`, previous.node, (slot) =>
      fetchPage(current, perPage, slot),
    );
    take(previous.value);
  }
  return { items, lastNode: previous.node };
}
