/**
 * Page objects for adding a login and managing a profile.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

export class AddProfileDialog {
  constructor(private readonly user: UserEvent) {}

  element(): HTMLElement {
    return screen.getByRole('dialog', { name: 'Add a Cloudflare login' });
  }

  field(label: string | RegExp): HTMLElement {
    return within(this.element()).getByLabelText(label);
  }

  submitButton(): HTMLElement {
    return within(this.element()).getByRole('button', { name: 'Add profile' });
  }

  /** Fills the name and an API token (typed, as a person pastes it). */
  async fill(label: string, apiToken: string): Promise<void> {
    await this.user.type(this.field('Profile name'), label);
    await this.user.type(this.field('API token'), apiToken);
  }

  async useGlobalKey(email: string, key: string): Promise<void> {
    await this.user.click(within(this.element()).getByRole('radio', { name: /Global API Key/u }));
    await this.user.type(this.field('Email of the Cloudflare login'), email);
    await this.user.type(this.field('Global API Key'), key);
  }

  async setBaseUrl(url: string): Promise<void> {
    await this.user.click(within(this.element()).getByText('Advanced'));
    await this.user.type(this.field(/API base URL/u), url);
  }

  async submit(): Promise<void> {
    await this.user.click(this.submitButton());
  }

  /** The "is ready" dialog after Cloudflare accepted the credential. */
  ready(): Promise<HTMLElement> {
    return screen.findByRole('dialog', { name: /is ready/u });
  }

  alert(): Promise<HTMLElement> {
    return within(this.element()).findByRole('alert');
  }
}

export class ProfileDialog {
  constructor(
    private readonly user: UserEvent,
    /** The profile's label as the dialog opened (its title). */
    readonly label: string,
  ) {}

  /** The open profile dialog (its title follows a rename). */
  element(): HTMLElement {
    return screen.getByRole('dialog');
  }

  field(label: string): HTMLElement {
    return within(this.element()).getByLabelText(label);
  }

  button(name: string): HTMLElement {
    return within(this.element()).getByRole('button', { name });
  }

  async rename(label: string): Promise<void> {
    await this.user.clear(this.field('Profile name'));
    await this.user.type(this.field('Profile name'), label);
    await this.user.click(this.button('Rename'));
  }

  async verifyKeptSecrets(): Promise<void> {
    await this.user.click(this.button('Verify kept secrets'));
  }

  async replaceCredential(apiToken: string): Promise<void> {
    await this.user.type(this.field('API token'), apiToken);
    await this.user.click(this.button('Replace credential'));
  }

  /** "Remove profile…": asks to confirm, removes nothing yet. */
  async askToRemove(): Promise<void> {
    await this.user.click(this.button('Remove profile…'));
  }

  async confirmRemove(label: string): Promise<void> {
    await this.user.click(this.button(`Remove ${label}`));
  }
}
