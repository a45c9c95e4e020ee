/**
 * Page object for the status bar: per-profile sync state, offline and rate-limit badges, sync.
 */
import type { Locator, Page } from 'playwright-core';

export class StatusBarPage {
  readonly page: Page;
  readonly bar: Locator;

  constructor(page: Page) {
    this.page = page;
    this.bar = page.getByRole('contentinfo', { name: 'Status' });
  }

  text(): Promise<string> {
    return this.bar.innerText();
  }

  /** Presses the sync button and waits until the sync has finished (or failed). */
  async sync(timeout = 60_000): Promise<void> {
    await this.startSync();
    await this.page.getByTestId('sync-button').waitFor({ timeout });
  }

  /** Presses the sync button without waiting for the end. */
  async startSync(): Promise<void> {
    await this.page.getByTestId('sync-button').click();
  }

  async cancelSync(): Promise<void> {
    await this.page.getByTestId('cancel-sync-button').click();
    await this.page.getByTestId('sync-button').waitFor();
  }

  rateLimitBadge(): Locator {
    return this.page.getByTestId('rate-limit-badge');
  }

  offlineBadge(): Locator {
    return this.page.getByTestId('offline-badge');
  }

  async waitForText(text: string | RegExp, timeout = 30_000): Promise<void> {
    await this.bar.filter({ hasText: text }).waitFor({ timeout });
  }
}
