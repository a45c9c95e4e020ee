/**
 * Page object for the token table and its toolbar: search, filters, sorting, rows, and opening a
 * token's detail panel.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { escapeRegExp } from './text';
import { TokenDetailPanel } from './token-detail-panel';

export type QuickFilter = 'Expiring soon' | 'Never used' | 'No expiry' | 'No IP filter';

export class TokenList {
  constructor(private readonly user: UserEvent) {}

  grid(): HTMLElement {
    return screen.getByRole('grid', { name: 'Tokens' });
  }

  searchBox(): HTMLElement {
    return screen.getByRole('searchbox', { name: 'Search tokens' });
  }

  /** The row of the token with this name (its name may be part of a longer one). */
  row(name: string): HTMLElement {
    return screen.getByRole('row', { name: new RegExp(escapeRegExp(name), 'u') });
  }

  queryRow(name: string): HTMLElement | null {
    return screen.queryByRole('row', { name: new RegExp(escapeRegExp(name), 'u') });
  }

  /** Names of the rendered rows, in table order. */
  names(): string[] {
    return within(this.grid())
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('.cell-name')?.textContent ?? '');
  }

  /** How many data rows are in the DOM (the table renders only those on screen). */
  renderedRowCount(): number {
    return within(this.grid()).getAllByRole('row').length - 1;
  }

  resultCount(): HTMLElement {
    return screen.getByTestId('result-count');
  }

  async search(text: string): Promise<void> {
    await this.user.type(this.searchBox(), text);
  }

  async clearSearch(): Promise<void> {
    await this.user.clear(this.searchBox());
  }

  async setKind(kind: 'any' | 'user' | 'account'): Promise<void> {
    await this.user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), kind);
  }

  async setStatus(status: 'any' | 'active' | 'disabled' | 'expired'): Promise<void> {
    await this.user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), status);
  }

  quickFilter(filter: QuickFilter): HTMLElement {
    return screen.getByRole('button', { name: filter });
  }

  async toggle(filter: QuickFilter): Promise<void> {
    await this.user.click(this.quickFilter(filter));
  }

  async clearFilters(): Promise<void> {
    await this.user.click(screen.getByRole('button', { name: 'Clear filters' }));
  }

  columnHeader(name: string): HTMLElement {
    return screen.getByRole('columnheader', { name });
  }

  /** The header texts, in order (an icon-only header reads as its button's label). */
  headers(): (string | null | undefined)[] {
    return within(this.grid())
      .getAllByRole('columnheader')
      .map((h) => h.textContent || h.querySelector('button')?.getAttribute('aria-label'));
  }

  async sortBy(column: string): Promise<void> {
    await this.user.click(within(this.columnHeader(column)).getByRole('button'));
  }

  /** Selects the row (click) and waits for its detail, policies included. */
  async open(name: string): Promise<TokenDetailPanel> {
    await this.user.click(this.row(name));
    const panel = new TokenDetailPanel(this.user, await screen.findByTestId('token-detail'));
    await within(panel.element).findByText('Policy 1');
    return panel;
  }
}
