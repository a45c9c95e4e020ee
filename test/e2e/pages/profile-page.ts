/**
 * Page object for the profile dialog: rename, capabilities, sync, replace credential, remove.
 */
import type { Locator, Page } from 'playwright-core';

export class ProfilePage {
  readonly page: Page;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByTestId('profile-dialog');
  }

  async rename(label: string): Promise<void> {
    await this.dialog.getByLabel('Profile name').fill(label);
    await this.dialog.getByRole('button', { name: 'Rename' }).click();
  }

  async replaceCredential(secret: string): Promise<void> {
    await this.dialog.getByTestId('credential-secret').fill(secret);
    await this.dialog.getByRole('button', { name: 'Replace credential' }).click();
  }

  capabilities(): Promise<string> {
    return this.dialog.getByTestId('capabilities').innerText();
  }

  async remove(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Remove profile…' }).click();
    await this.dialog.getByRole('button', { name: /^Remove (?!profile)/u }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close' }).click();
  }
}
