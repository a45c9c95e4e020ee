/**
 * Page object for the "Add a Cloudflare login" dialog.
 */
import type { Locator, Page } from 'playwright-core';

export interface ProfileForm {
  label: string;
  type?: 'API token' | 'Global API Key';
  secret: string;
  email?: string;
  baseUrl?: string;
}

export class AddProfilePage {
  readonly page: Page;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.dialog = page.getByTestId('add-profile-dialog');
  }

  async fill(form: ProfileForm): Promise<void> {
    await this.dialog.getByLabel('Profile name').fill(form.label);
    if (form.type === 'Global API Key')
      await this.dialog.getByRole('radio', { name: /Global API Key/u }).check();
    if (form.email !== undefined)
      await this.dialog.getByLabel('Email of the Cloudflare login').fill(form.email);
    await this.dialog.getByTestId('credential-secret').fill(form.secret);
    if (form.baseUrl !== undefined) {
      await this.dialog.getByText('Advanced').click();
      await this.dialog.getByLabel(/API base URL/u).fill(form.baseUrl);
    }
  }

  /** Why "Add profile" is unavailable, or null when it can be pressed. */
  async submitUnavailableReason(): Promise<string | null> {
    const button = this.dialog.getByRole('button', { name: 'Add profile' });
    return (await button.getAttribute('aria-disabled')) === 'true' ? button.getAttribute('title') : null;
  }

  /** Submits the way a keyboard user does: Enter in the secret field. */
  async pressEnter(): Promise<void> {
    await this.dialog.getByTestId('credential-secret').press('Enter');
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Add profile' }).click();
  }

  /** Adds the profile and waits for the capabilities page. */
  async add(form: ProfileForm): Promise<void> {
    await this.fill(form);
    await this.submit();
    await this.dialog.getByTestId('capabilities').waitFor({ timeout: 30_000 });
  }

  capabilities(): Promise<string> {
    return this.dialog.getByTestId('capabilities').innerText();
  }

  error(): Locator {
    return this.dialog.getByRole('alert');
  }

  secretValue(): Promise<string> {
    return this.dialog.getByTestId('credential-secret').inputValue();
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel' }).click();
  }
}
