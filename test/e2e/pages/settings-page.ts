/**
 * Page object for the settings dialog.
 */
import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  readonly page: Page;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByTestId('settings-dialog');
  }

  async theme(choice: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.dialog.getByText(choice, { exact: true }).click();
  }

  async clipboardClear(label: string): Promise<void> {
    await this.dialog.getByLabel('Clear the clipboard after').selectOption({ label });
  }

  async keepSecrets(keep: boolean): Promise<void> {
    const box = this.dialog.getByRole('checkbox', { name: /Keep new token secrets/u });
    if ((await box.isChecked()) !== keep) await box.click();
  }

  /** The entries Settings → Keychain lists (keychain entries without a profile). */
  keychainEntries(): Locator {
    return this.dialog.getByTestId('keychain-entry');
  }

  /** Re-attaches the listed login credential (the nth entry) as a profile. */
  async reattach(index: number, label: string, baseUrl: string): Promise<void> {
    const entry = this.keychainEntries().nth(index);
    await entry.getByRole('button', { name: 'Re-attach' }).click();
    const form = entry.getByRole('form', { name: 'Re-attach as a profile' });
    await form.getByLabel('Profile name').fill(label);
    await form.getByLabel('API base URL').fill(baseUrl);
    await form.getByRole('button', { name: 'Verify and re-attach' }).click();
    await form.waitFor({ state: 'detached', timeout: 30_000 });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
