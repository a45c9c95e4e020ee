/**
 * Parallel pagination: page 1 first (per_page=50), then every remaining page at once.
 *
 * The SDK's auto-pagination walks one page at a time and asks for an extra, empty page at the
 * end. Here page 1's result_info.total_count says how many pages exist, so pages 2..n are
 * requested together (the planner bounds how many run at the same time) and no page beyond the
 * last is ever asked for. When a reply gives no total, pages are walked one by one until a
 * short page.
 */
import { MAX_PER_PAGE, type Page } from './gateway';

/** Runs one request, recording which request it waited for (for progress and the critical path). */
export interface RequestPlanner {
  run<R>(name: string, dependsOn: number | null, fn: () => Promise<R>): Promise<{ value: R; node: number }>;
}

/** A planner that just runs the request (interactive paths that do not track a plan). */
export const directPlanner: RequestPlanner = {
  run: async (_name, _dependsOn, fn) => ({ value: await fn(), node: -1 }),
};

export async function fetchAllPages<T>(
  planner: RequestPlanner,
  name: string,
  dependsOn: number | null,
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  perPage = MAX_PER_PAGE,
): Promise<T[]> {
  return (await fetchAllPagesTracked(planner, name, dependsOn, fetchPage, perPage)).items;
}

/** As fetchAllPages, also naming the request that finished last (what a dependant waited for). */
export async function fetchAllPagesTracked<T>(
  planner: RequestPlanner,
  name: string,
  dependsOn: number | null,
  fetchPage: (page: number, perPage: number) => Promise<Page<T>>,
  perPage = MAX_PER_PAGE,
): Promise<{ items: T[]; lastNode: number }> {
  const first = await planner.run(`${name} p1`, dependsOn, () => fetchPage(1, perPage));
  const items = [...first.value.items];
  const total = first.value.totalCount;
  if (total !== null) {
    const pages = Math.ceil(total / perPage);
    let lastNode = first.node;
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, pages - 1) }, (_, i) =>
        planner
          .run(`${name} p${i + 2}`, first.node, () => fetchPage(i + 2, perPage))
          .then((page) => {
            lastNode = page.node;
            return page;
          }),
      ),
    );
    for (const page of rest) items.push(...page.value.items);
    return { items, lastNode };
  }
  let previous = first;
  let page = 1;
  while (previous.value.items.length >= perPage) {
    page += 1;
    const current = page;
    previous = await planner.run(`${name} p${current}`, previous.node, () => fetchPage(current, perPage));
    items.push(...previous.value.items);
  }
  return { items, lastNode: previous.node };
}
