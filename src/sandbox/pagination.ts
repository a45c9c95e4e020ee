/**
 * List query parameters (page, per_page, direction, include_expired) and result_info.
 *
 * Bounds follow the schema: page >= 1, per_page 5..50 (default 20). Out-of-range values are
 * refused with 400 rather than clamped, so a client that asks for 100 per page learns it.
 */
import { cfErrors, type CfFailure } from './cf-errors';

export interface PageRequest {
  page: number;
  perPage: number;
  direction: 'asc' | 'desc';
}

export interface ResultInfo {
  count: number;
  page: number;
  per_page: number;
  total_count: number;
  total_pages?: number;
}

const INTEGER = /^\d+$/u;

export function parsePageRequest(query: URLSearchParams): PageRequest | CfFailure {
  const pageText = query.get('page');
  const perPageText = query.get('per_page');
  const directionText = query.get('direction');
  let page = 1;
  if (pageText !== null) {
    if (!INTEGER.test(pageText) || Number(pageText) < 1) {
      return cfErrors.invalidRequest('page must be an integer of at least 1');
    }
    page = Number(pageText);
  }
  let perPage = 20;
  if (perPageText !== null) {
    const value = Number(perPageText);
    if (!INTEGER.test(perPageText) || value < 5 || value > 50) {
      return cfErrors.invalidRequest('per_page must be an integer between 5 and 50');
    }
    perPage = value;
  }
  if (directionText !== null && directionText !== 'asc' && directionText !== 'desc') {
    return cfErrors.invalidRequest('direction must be one of: asc, desc');
  }
  return { page, perPage, direction: directionText ?? 'asc' };
}

/** include_expired: absent/false -> false, true -> true, anything else is refused. */
export function parseBooleanParam(query: URLSearchParams, name: string): boolean | CfFailure {
  const text = query.get(name);
  if (text === null || text === 'false') return false;
  if (text === 'true') return true;
  return cfErrors.invalidRequest(`${name} must be true or false`);
}

/** One page of the (already sorted) items and its result_info. */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  withTotalPages = false,
): { items: T[]; resultInfo: ResultInfo } {
  const start = (request.page - 1) * request.perPage;
  const slice = items.slice(start, start + request.perPage);
  const resultInfo: ResultInfo = {
    count: slice.length,
    page: request.page,
    per_page: request.perPage,
    total_count: items.length,
  };
  if (withTotalPages) resultInfo.total_pages = Math.ceil(items.length / request.perPage);
  return { items: slice, resultInfo };
}

/** Stable sort by key (each item's key made once), then reversed for direction=desc. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string, direction: 'asc' | 'desc'): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sorted = keyed.map((entry) => entry.item);
  return direction === 'desc' ? sorted.reverse() : sorted;
}
