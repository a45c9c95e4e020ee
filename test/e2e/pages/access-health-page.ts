/**
 * Page object for the cross-login screens in the real window: the access explorer, the Health
 * view, bulk actions over the token list, and the Report menu.
 */
import type { Locator, Page } from 'playwright-core';
import { escapeRegExp } from './app-page';

export class AccessHealthPage {
  readonly page: Page;
  readonly sidebar: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sidebar = page.getByRole('complementary', { name: 'Profiles' });
  }

  async openAccess(): Promise<void> {
    await this.sidebar.getByRole('button', { name: /^Access/u }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Access' }).waitFor();
  }

  /** Finds and picks a zone or account in the explorer, and waits for its answer. */
  async explore(name: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: 'Find a zone or account' }).fill(name);
    await this.page
      .getByRole('navigation', { name: 'Zones and accounts' })
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`, 'u') })
      .first()
      .click();
    const answer = this.page.getByTestId('access-answer');
    await answer.getByRole('heading', { level: 2, name: new RegExp(escapeRegExp(name), 'u') }).waitFor();
    return answer;
  }

  /** The token names of one permission group in the explorer's answer. */
  grants(group: string): Promise<string[]> {
    return this.page.getByRole('region', { name: group, exact: true }).locator('.grant-name').allInnerTexts();
  }

  async openHealth(): Promise<Locator> {
    await this.sidebar.getByRole('button', { name: /^Health/u }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Health' }).waitFor();
    const list = this.page.getByTestId('health-list');
    await list.waitFor();
    return list;
  }

  /** "Name: message" of each problem in a severity group. */
  async problems(group: 'Act now' | 'To fix' | 'Worth knowing'): Promise<string[]> {
    const rows = this.page.getByRole('region', { name: new RegExp(`^${group}`, 'u') }).locator('.problem');
    const out: string[] = [];
    for (const row of await rows.all())
      out.push(
        `${await row.locator('.problem-title .link-button').innerText()}: ${await row.locator('.problem-message').innerText()}`,
      );
    return out;
  }

  /** Ctrl-clicks a row of the token list (picks it for a bulk action). */
  async pick(name: string): Promise<void> {
    await this.page
      .getByRole('grid', { name: 'Tokens' })
      .locator('.token-row')
      .filter({ has: this.page.locator('.cell-name', { hasText: name }) })
      .first()
      .click({ modifiers: ['Control'] });
  }

  bulkBar(): Locator {
    return this.page.getByTestId('bulk-bar');
  }

  bulkDialog(): Locator {
    return this.page.getByTestId('bulk-dialog');
  }

  async startBulk(action: 'Disable' | 'Enable' | 'Verify' | 'Delete'): Promise<string> {
    await this.bulkBar()
      .getByRole('button', { name: `${action}…` })
      .click();
    return this.page.getByTestId('bulk-summary').innerText();
  }

  async confirmBulk(label: RegExp): Promise<string> {
    await this.bulkDialog().getByRole('button', { name: label }).click();
    return this.page.getByTestId('bulk-outcome').innerText();
  }

  async closeBulk(): Promise<void> {
    await this.bulkDialog().locator('.dialog-footer').getByRole('button', { name: 'Close' }).click();
    await this.bulkDialog().waitFor({ state: 'detached' });
  }

  async saveReport(format: 'Markdown' | 'CSV' | 'JSON'): Promise<void> {
    await this.page.getByRole('button', { name: 'Report' }).click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${format}`, 'u') }).click();
  }
}
