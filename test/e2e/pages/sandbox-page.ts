/**
 * Page object for the sandbox: the welcome screen's way in, the banner and its way out.
 */
import type { Locator, Page } from 'playwright-core';

export class SandboxPage {
  readonly page: Page;
  readonly banner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.banner = page.getByTestId('sandbox-banner');
  }

  /** Clicks "Explore with sample data" on the welcome screen and waits for the sandbox's window. */
  async enterFromWelcome(): Promise<void> {
    await this.page.getByTestId('welcome').getByRole('button', { name: 'Explore with sample data' }).click();
    // The sample logins are added and synced, then the window reloads onto them.
    await this.banner.waitFor({ timeout: 60_000 });
  }

  async leave(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Leave sandbox' }).click();
    await this.page.getByTestId('welcome').waitFor({ timeout: 30_000 });
  }
}
