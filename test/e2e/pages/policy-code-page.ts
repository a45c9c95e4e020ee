/**
 * Page object: policies as code — the detail's More menu, the list's As code menu, and their
 * dialogs (export, import, duplicate to, rotate with overlap, share a request).
 */
import type { Locator, Page } from 'playwright-core';

export class PolicyCodePage {
  constructor(private readonly page: Page) {}

  private get detail(): Locator {
    return this.page.getByTestId('token-detail');
  }

  dialog(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async more(item: string): Promise<void> {
    await this.detail.getByRole('button', { name: 'More' }).click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${item}`, 'u') }).click();
  }

  async asCode(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'As code' }).click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${item}`, 'u') }).click();
  }

  async exportAs(format: 'Terraform' | 'API body' | 'Recipe'): Promise<string> {
    const dialog = this.dialog('export-dialog');
    await dialog.getByRole('radio', { name: format }).click();
    const text = dialog.getByTestId('export-text');
    await text.waitFor();
    const marker = { Terraform: 'resource "', 'API body': '"policies"', Recipe: 'keyflare-recipe' }[format];
    await text.filter({ hasText: marker }).waitFor();
    return text.innerText();
  }

  async copyExport(): Promise<void> {
    await this.dialog('export-dialog').getByRole('button', { name: 'Copy', exact: true }).click();
  }

  async closeDialog(testId: string): Promise<void> {
    const dialog = this.dialog(testId);
    await dialog
      .getByRole('button', { name: /^(Close|Done)$/u })
      .last()
      .click();
    await dialog.waitFor({ state: 'detached' });
  }

  async importText(profile: string, text: string): Promise<void> {
    const dialog = this.dialog('import-dialog');
    await dialog.getByLabel('Profile').selectOption({ label: profile });
    await dialog.getByLabel('Recipe or API body (JSON)').fill(text);
    await dialog.getByRole('button', { name: 'Check' }).click();
    await dialog.getByTestId('import-report').waitFor();
  }

  async openInWizard(testId: string): Promise<void> {
    await this.dialog(testId).getByRole('button', { name: 'Open in the wizard' }).click();
    await this.page.getByTestId('token-wizard').waitFor();
  }
}
