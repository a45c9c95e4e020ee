/**
 * The token table's cells keep their content in, in English and in Chinese, at every window width
 * and with the detail panel open or closed (which is where columns give way). A cell does not clip
 * (table.css says why), so a word that does not fit its column must wrap or be cut by the span
 * that truncates, never run into the next column, past the row or below it. Every row is scrolled
 * into view and measured, with rows of every status and every verify outcome among them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { VerifyOutcome, type TokenRow } from '../../src/shared/domain';
import { createDemoBackend } from '../fixtures/renderer/demo-backend';
import { generateTokenRows, tokenRowsAt, verified } from '../fixtures/renderer/fixtures';
import { TokenListPage } from './pages/token-list-page';
import { launchStub, type StubApp, type StubHandler } from './support/stub-harness';

const opened: StubApp[] = [];
afterEach(async () => {
  for (const app of opened.splice(0)) await app.close();
});

const OUTCOMES = VerifyOutcome.options;
/**
 * Window widths from the smallest the window allows (960) up: the table's own width, which picks
 * its layout, is what is left beside the sidebar and, when a token is open, the detail panel.
 */
const WIDTHS = [960, 1100, 1280, 1600];
const HEIGHT = 1000;

function tableRows(now: Date): TokenRow[] {
  const generated = generateTokenRows(160, 7, now).map((row, index) =>
    index < OUTCOMES.length ? { ...row, lastVerify: verified(OUTCOMES[index] ?? 'active', 5, now) } : row,
  );
  return [...tokenRowsAt(now), ...generated];
}

async function spillsAcrossTable(
  app: StubApp,
  rowCount: number,
): Promise<{ cells: number; spills: string[] }> {
  const list = new TokenListPage(app.page);
  let cells = 0;
  const spills = new Set<string>();
  for (const detail of ['closed', 'open']) {
    if (detail === 'open') await app.page.locator('.token-row').first().click();
    for (const width of WIDTHS) {
      await app.page.setViewportSize({ width, height: HEIGHT });
      const tableWidth = Math.round(
        await app.page.locator('.token-table').evaluate((table) => table.clientWidth),
      );
      for (let top = 0; top < rowCount * 48; top += HEIGHT / 2) {
        await list.scrollTo(top);
        const seen = await list.spillingCells();
        cells += seen.cells;
        for (const spill of seen.spills)
          spills.add(`${width} px window, detail ${detail}, table ${tableWidth} px: ${spill}`);
      }
    }
  }
  return { cells, spills: [...spills] };
}

describe('token table cells', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    it(`keep their content inside the cell in ${locale} at every layout width`, async () => {
      const now = new Date();
      const rows = tableRows(now);
      // The rows hold what the longest words come from: every status and verify outcome.
      expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['active', 'disabled', 'expired']));
      expect(new Set(rows.map((row) => row.lastVerify?.outcome))).toEqual(new Set([...OUTCOMES, undefined]));
      const backend = createDemoBackend({ now: () => now, rows, info: { systemLocales: [locale] } });
      const app = await launchStub({ handlers: backend as unknown as Record<string, StubHandler> });
      opened.push(app);
      await app.page
        .locator(`html[lang="${locale === 'en-US' ? 'en' : locale}"]`)
        .waitFor({ state: 'attached' });
      await app.page.locator('.token-row').first().waitFor();

      const { cells, spills } = await spillsAcrossTable(app, rows.length);
      // Every row was measured at each width, not only the first screenful.
      expect(cells).toBeGreaterThan(rows.length * WIDTHS.length * 2 * 5);
      expect(spills).toEqual([]);
    });
  }
});
