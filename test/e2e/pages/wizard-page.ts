/**
 * Page object for the create / edit token wizard and its show-once secret.
 */
import type { Locator, Page } from 'playwright-core';

export class WizardPage {
  readonly page: Page;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByTestId('token-wizard');
  }

  async openWithShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+N');
    await this.dialog.waitFor();
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New token' }).click();
    await this.dialog.waitFor();
  }

  async chooseProfile(label: string): Promise<void> {
    await this.dialog.getByLabel('Profile').selectOption({ label });
  }

  async chooseTemplate(name: string): Promise<void> {
    await this.dialog.locator('.template-card', { hasText: name }).first().click();
    await this.dialog.getByTestId('wizard-access').waitFor();
  }

  async name(value: string): Promise<void> {
    await this.dialog.getByLabel('Token name').fill(value);
  }

  /** Picks a resource target in a policy (zone or account select), by its visible option text. */
  async chooseResource(policy: number, target: string): Promise<void> {
    const select = this.dialog.getByRole('combobox', {
      name: new RegExp(`^(Zone|Account) \\(Policy ${policy}, resource 1\\)`, 'u'),
    });
    await select.selectOption({ label: target });
  }

  async addResource(policy: number): Promise<void> {
    await this.dialog
      .getByRole('listitem', { name: `Policy ${policy}` })
      .getByRole('button', { name: /^Add (zones|accounts)$/u })
      .click();
  }

  async continue(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Continue' }).click();
    await this.dialog.getByTestId('wizard-limits').waitFor();
  }

  async expiresIn(preset: 'No expiry' | '7 days' | '30 days' | '90 days' | '1 year'): Promise<void> {
    await this.dialog
      .getByRole('group', { name: 'Expiry presets' })
      .getByRole('button', { name: preset })
      .click();
  }

  async onlyFrom(cidrs: string): Promise<void> {
    await this.dialog.getByLabel(/Only allow requests from/u).fill(cidrs);
  }

  async review(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Review' }).click();
    await this.dialog.getByTestId('review-body').waitFor();
  }

  summary(): Promise<string> {
    return this.dialog.getByTestId('review-summary').innerText();
  }

  body(): Promise<string> {
    return this.dialog.getByTestId('review-body').innerText();
  }

  async create(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Create token' }).click();
    await this.dialog.getByTestId('show-once-secret').waitFor({ timeout: 30_000 });
  }

  secret(): Promise<string> {
    return this.dialog.getByTestId('secret-value').inputValue();
  }

  keychainNote(): Promise<string> {
    return this.dialog.getByTestId('keychain-note').innerText();
  }

  async copy(
    button: 'Copy secret' | 'Copy curl with secret' | 'Copy curl with $CLOUDFLARE_API_TOKEN',
  ): Promise<void> {
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Save changes' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
