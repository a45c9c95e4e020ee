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
}
