/**
 * Page object for the token detail panel and its dialogs (roll, delete, adopt).
 */
import type { Locator, Page } from 'playwright-core';

export class TokenDetailPage {
  readonly page: Page;
  readonly panel: Locator;
  readonly actions: Locator;

  constructor(page: Page) {
    this.page = page;
    this.panel = page.getByTestId('token-detail');
    this.actions = this.panel.getByRole('toolbar', { name: 'Token actions' });
  }

  title(): Promise<string> {
    return this.panel.getByRole('heading', { level: 2 }).innerText();
  }

  action(name: string): Locator {
    return this.actions.getByRole('button', { name, exact: true });
  }

  /** The reason an action is unavailable, or null when it is available. */
  async unavailableReason(name: string): Promise<string | null> {
    const button = this.action(name);
    if ((await button.getAttribute('aria-disabled')) !== 'true') return null;
    return button.getAttribute('title');
  }

  /**
   * Verifies and returns the toast this verify shows. An earlier verify's toast (shown for 4 s)
   * is dismissed first, so a quick second verify never reads the first one's words.
   */
  async verify(): Promise<string> {
    const verifyToasts = this.page.getByTestId('toast').filter({ hasText: 'Verify:' });
    while ((await verifyToasts.count()) > 0)
      await verifyToasts
        .first()
        .getByRole('button', { name: 'Dismiss notification' })
        .click({ timeout: 2_000 })
        .catch(() => undefined); // it may have timed out on its own meanwhile
    await this.action('Verify').click();
    const toast = verifyToasts.last();
    await toast.waitFor();
    return toast.innerText();
  }

  lastVerify(): Promise<string> {
    return this.panel.getByTestId('last-verify').innerText();
  }

  async copyCurl(variant: 'With the secret' | 'With $CLOUDFLARE_API_TOKEN'): Promise<void> {
    await this.actions.getByRole('button', { name: 'Copy curl' }).click();
    await this.page
      .getByRole('menuitem', { name: new RegExp(`^${variant.replace('$', '\\$')}`, 'u') })
      .click();
  }

  async copySecret(): Promise<void> {
    await this.action('Copy secret').click();
  }

  async setEnabled(enabled: boolean): Promise<void> {
    await this.action(enabled ? 'Enable' : 'Disable').click();
    await this.panel
      .locator('.detail-meta .badge')
      .filter({ hasText: enabled ? 'Active' : 'Disabled' })
      .waitFor();
  }

  /** Rolls the token; returns the new secret from the show-once panel (and closes it). */
  async roll(options: { keep?: boolean } = {}): Promise<string> {
    await this.action('Roll').click();
    const dialog = this.page.getByTestId('roll-dialog');
    const keep = dialog.getByRole('checkbox', { name: 'Keep the new secret in the keychain' });
    if (options.keep !== undefined && (await keep.isChecked()) !== options.keep) await keep.click();
    await dialog.getByRole('button', { name: 'Roll token' }).click();
    const secret = await dialog.getByTestId('secret-value').inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    return secret;
  }

  /** Starts a roll and returns the dialog, for tests that look at failures. */
  async startRoll(): Promise<Locator> {
    await this.action('Roll').click();
    const dialog = this.page.getByTestId('roll-dialog');
    await dialog.getByRole('button', { name: 'Roll token' }).click();
    return dialog;
  }

  async delete(confirmName: string): Promise<void> {
    await this.action('Delete').click();
    const dialog = this.page.getByTestId('delete-dialog');
    await dialog.getByRole('textbox').fill(confirmName);
    await dialog.getByRole('button', { name: 'Delete token' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async adopt(secret: string): Promise<void> {
    await this.panel.getByRole('button', { name: 'Adopt existing secret' }).click();
    const dialog = this.page.getByTestId('adopt-dialog');
    await dialog.getByLabel('Token secret').fill(secret);
    await dialog.getByRole('button', { name: 'Adopt secret' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async edit(): Promise<void> {
    await this.action('Edit').click();
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close details' }).click();
  }
}
