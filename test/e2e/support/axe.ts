/**
 * Accessibility checks with axe-core inside the running page.
 *
 * The app's CSP forbids inline scripts, so `page.addScriptTag` (which inserts an inline <script>)
 * is refused. axe is evaluated through the DevTools protocol instead (`page.evaluate` of its
 * source), which CSP does not govern: the page keeps its real CSP for the whole run, nothing is
 * relaxed (no bypassCSP), and the app's own scripts are still checked by the policy.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './paths';

const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's explanation for the first offending element, e.g. the colours and ratio measured. */
  detail: string;
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; any: { message: string }[]; all: { message: string }[] }[];
  }[];
}

/** Runs axe on the page as it is now; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<unknown> } })
      .axe;
    return await axe.run(document, { resultTypes: ['violations'] });
  });
  return (result as AxeResult).violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
      detail: [...(violation.nodes[0]?.any ?? []), ...(violation.nodes[0]?.all ?? [])]
        .map((check) => check.message)
        .join(' '),
    }));
}
