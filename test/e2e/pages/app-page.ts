/**
 * Page object for the Keyflare window shell: sidebar, toolbar, banners, status bar, toasts.
 */
import type { Locator, Page } from 'playwright-core';

export class AppPage {
  readonly page: Page;
  readonly sidebar: Locator;
  readonly heading: Locator;
  readonly statusBar: Locator;
  readonly toasts: Locator;

  constructor(page: Page) {
    this.page = page;
    this.sidebar = page.getByRole('complementary', { name: 'Profiles' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.statusBar = page.getByRole('contentinfo', { name: 'Status' });
    this.toasts = page.getByTestId('toast');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByTestId('app-version').filter({ hasText: 'Keyflare' }).waitFor();
  }

  versionText(): Promise<string> {
    return this.page.getByTestId('app-version').innerText();
  }

  /** Picks a sidebar entry: "All tokens", a profile label or an account name. */
  async showView(name: string): Promise<void> {
    await this.sidebar
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}`, 'u') })
      .first()
      .click();
    await this.heading.filter({ hasText: name }).waitFor();
  }

  async openAddProfile(): Promise<void> {
    const welcome = this.page.getByRole('button', { name: 'Add a Cloudflare login' });
    if (await welcome.isVisible()) await welcome.click();
    else await this.sidebar.getByRole('button', { name: 'Add profile' }).click();
  }

  async openProfile(label: string): Promise<void> {
    await this.sidebar.getByRole('button', { name: `Manage profile ${label}` }).click({ force: true });
  }

  async openSettings(): Promise<void> {
    await this.sidebar.getByRole('button', { name: 'Settings' }).click();
  }

  banner(testId: 'keychain-banner' | 'data-banner-cache' | 'data-banner-profiles'): Locator {
    return this.page.getByTestId(testId);
  }

  /** The text of the newest toast, once one shows. */
  async lastToast(match?: string | RegExp): Promise<string> {
    const toast = match === undefined ? this.toasts.last() : this.toasts.filter({ hasText: match }).last();
    await toast.waitFor();
    return toast.innerText();
  }

  /** Closes every toast (before a screenshot of a screen that should stand on its own). */
  async dismissToasts(): Promise<void> {
    const buttons = this.page.getByRole('button', { name: 'Dismiss notification' });
    while ((await buttons.count()) > 0) await buttons.first().click();
  }

  async pressShortcut(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
