/**
 * Page object for the token table: search, filters, sorting, rows.
 */
import type { Locator, Page } from 'playwright-core';

export class TokenListPage {
  readonly page: Page;
  readonly search: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly filters: Locator;

  constructor(page: Page) {
    this.page = page;
    this.search = page.getByRole('searchbox', { name: 'Search tokens' });
    this.table = page.getByRole('grid', { name: 'Tokens' });
    this.rows = this.table.locator('.token-row');
    this.filters = page.getByRole('group', { name: 'Filters' });
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
  }

  async clearSearch(): Promise<void> {
    await this.search.fill('');
  }

  /** Names of the rendered rows, in table order. */
  async names(): Promise<string[]> {
    await this.table.waitFor();
    return this.rows.locator('.cell-name').allInnerTexts();
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.locator('.cell-name', { hasText: name }) }).first();
  }

  async waitForRow(name: string, timeout = 30_000): Promise<void> {
    await this.row(name).waitFor({ timeout });
  }

  async open(name: string): Promise<void> {
    await this.row(name).click();
    await this.page.getByTestId('token-detail').getByRole('heading', { level: 2, name }).waitFor();
  }

  async setKind(kind: 'Any kind' | 'User tokens' | 'Account-owned'): Promise<void> {
    await this.filters.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  }

  async setStatus(status: 'Any status' | 'Active' | 'Disabled' | 'Expired'): Promise<void> {
    await this.filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: status });
  }

  async setProfile(label: string): Promise<void> {
    await this.filters.getByRole('combobox', { name: 'Profile' }).selectOption({ label });
  }

  async toggle(filter: 'Expiring soon' | 'Never used' | 'No expiry' | 'No IP filter'): Promise<void> {
    await this.filters.getByRole('button', { name: filter }).click();
  }

  async clearFilters(): Promise<void> {
    await this.filters.getByRole('button', { name: 'Clear filters' }).click();
  }

  resultCount(): Promise<string> {
    return this.page.getByTestId('result-count').innerText();
  }

  async sortBy(column: string): Promise<void> {
    await this.table
      .getByRole('columnheader')
      .getByRole('button', { name: new RegExp(column, 'iu') })
      .click();
  }

  cellText(
    name: string,
    column: 'col-status' | 'col-verify' | 'col-secret' | 'col-expires' | 'col-permissions' | 'col-resources',
  ): Promise<string> {
    return this.row(name).locator(`.${column}`).innerText();
  }

  emptyState(): Locator {
    return this.page.locator('.empty-state');
  }

  /**
   * Scrolls the table to `top` pixels and waits until the rows drawn cover what is in view, from
   * its top edge to its bottom edge (or the table's end): the rows of the new place, not only
   * those left from the last one.
   */
  async scrollTo(top: number): Promise<void> {
    await this.page.locator('.token-scroll').evaluate((scroller, y) => {
      scroller.scrollTop = y;
    }, top);
    await this.page.waitForFunction(() => {
      const scroller = document.querySelector('.token-scroll');
      if (!scroller) return false;
      const view = scroller.getBoundingClientRect();
      const rows = [...document.querySelectorAll('.token-row')].map((row) => row.getBoundingClientRect());
      const covered = (edge: number): boolean => rows.some((row) => row.top <= edge && row.bottom > edge);
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      return covered(view.top) && (covered(view.top + scroller.clientHeight - 1) || atEnd);
    });
  }

  /**
   * What the drawn rows show outside their own cell: each entry names the cell's column and the
   * text or element that runs past the cell's box (into the next column, past the row's right
   * edge, or below its 48 px), or a word broken across two lines. Text inside something that
   * clips (a line clamp, an ellipsis line) is not counted, as the clip keeps it in; what is only
   * read aloud (.visually-hidden) is not drawn.
   */
  spillingCells(): Promise<{ cells: number; spills: string[] }> {
    return this.page.evaluate(() => {
      const spills: string[] = [];
      const cells = [...document.querySelectorAll<HTMLElement>('.token-row [role=gridcell]')];
      for (const cell of cells) {
        const box = cell.getBoundingClientRect();
        const row = cell.closest('.token-row')?.getBoundingClientRect();
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent =
            node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element).parentElement;
          if (!parent || parent.closest('.visually-hidden')) continue;
          let clipped = false;
          for (let up: Element | null = parent; up && up !== cell && !clipped; up = up.parentElement) {
            clipped = getComputedStyle(up).overflowX !== 'visible';
          }
          if (clipped) continue;
          let rects: DOMRect[];
          if (node.nodeType === Node.TEXT_NODE) {
            const range = document.createRange();
            range.selectNodeContents(node);
            rects = [...range.getClientRects()];
          } else rects = [(node as Element).getBoundingClientRect()];
          const text = (node.textContent ?? '').trim();
          // A Latin word cut in two across lines ("Unreacha / ble") is as bad as one that spills.
          if (
            node.nodeType === Node.TEXT_NODE &&
            /^[\p{Script=Latin}]{2,}$/u.test(text) &&
            rects.length > 1
          ) {
            spills.push(`${cell.className}: "${text}" is broken across ${rects.length} lines`);
          }
          for (const rect of rects) {
            if (rect.width === 0) continue;
            const sideways =
              rect.left < box.left - 0.5 ||
              rect.right > box.right + 0.5 ||
              (row !== undefined && rect.right > row.right + 0.5);
            const below = row !== undefined && rect.bottom > row.bottom + 0.5;
            if (sideways || below) {
              spills.push(
                `${cell.className}: "${text.slice(0, 40)}" spans ${Math.round(rect.left - box.left)}..${Math.round(rect.right - box.left)} px of a ${Math.round(box.width)} px cell${below ? ', below the row' : ''}`,
              );
            }
          }
        }
      }
      return { cells: cells.length, spills: [...new Set(spills)] };
    });
  }
}
