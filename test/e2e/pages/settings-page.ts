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

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
