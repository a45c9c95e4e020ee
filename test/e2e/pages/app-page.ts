/**
 * Page object for the Keyflare window shell: sidebar, toolbar, status bar.
 */
import type { Locator, Page } from 'playwright-core';

export class AppPage {
  readonly page: Page;
  readonly sidebar: Locator;
  readonly heading: Locator;
  readonly statusBar: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sidebar = page.getByRole('complementary', { name: 'Profiles' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.statusBar = page.locator('.status-bar');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByTestId('app-version').waitFor();
  }

  versionText(): Promise<string> {
    return this.page.getByTestId('app-version').innerText();
  }
}
