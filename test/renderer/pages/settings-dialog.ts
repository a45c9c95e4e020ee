/**
 * Page object for the settings dialog.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

export class SettingsDialog {
  constructor(private readonly user: UserEvent) {}

  element(): HTMLElement {
    return screen.getByRole('dialog', { name: 'Settings' });
  }

  async setTheme(theme: 'System' | 'Light' | 'Dark'): Promise<void> {
    await this.user.click(within(this.element()).getByRole('radio', { name: theme }));
  }

  async clearClipboardAfter(seconds: number): Promise<void> {
    await this.user.selectOptions(
      within(this.element()).getByLabelText('Clear the clipboard after'),
      String(seconds),
    );
  }

  keepSecretsCheckbox(): HTMLElement {
    return within(this.element()).getByRole('checkbox', { name: /Keep new token secrets in the keychain/u });
  }

  async toggleKeepSecrets(): Promise<void> {
    await this.user.click(this.keepSecretsCheckbox());
  }

  /** The keychain entries nothing refers to, once the section has listed them. */
  async keychainEntries(): Promise<HTMLElement[]> {
    return within(await this.keychainSection()).findAllByTestId('keychain-entry');
  }

  /** "In the background": tray, start at login and the sync schedule. */
  async backgroundSection(): Promise<HTMLElement> {
    return within(this.element()).findByTestId('background-section');
  }

  /** Picks the automatic sync interval ("Every 6 hours", "Off"…). */
  async syncEvery(choice: string): Promise<void> {
    await this.user.selectOptions(
      within(this.element()).getByLabelText('Sync every profile automatically'),
      choice,
    );
  }

  keychainSection(): Promise<HTMLElement> {
    return within(this.element()).findByTestId('keychain-section');
  }

  /** Re-attaches a login credential as a profile with this name (the API address as offered). */
  async reattach(entry: HTMLElement, label: string): Promise<HTMLElement> {
    await this.user.click(within(entry).getByRole('button', { name: 'Re-attach' }));
    const form = within(await this.keychainSection()).getByRole('form', { name: 'Re-attach as a profile' });
    await this.user.type(within(form).getByLabelText('Profile name'), label);
    return form;
  }

  async submitReattach(form: HTMLElement): Promise<void> {
    await this.user.click(within(form).getByRole('button', { name: 'Verify and re-attach' }));
  }

  /** "Forget…" on an entry: asks to confirm, forgets nothing yet. */
  async askToForget(entry: HTMLElement): Promise<void> {
    await this.user.click(within(entry).getByRole('button', { name: 'Forget…' }));
  }

  async answerForget(entry: HTMLElement, answer: 'Keep' | 'Forget'): Promise<void> {
    await this.user.click(within(entry).getByRole('button', { name: answer }));
  }
}
