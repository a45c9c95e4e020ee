/**
 * Page object for the show-once secret panel (after a create or a roll).
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

export class ShowOnceSecretPanel {
  constructor(
    private readonly user: UserEvent,
    readonly element: HTMLElement,
  ) {}

  /** Waits for the panel to show. */
  static async find(user: UserEvent): Promise<ShowOnceSecretPanel> {
    return new ShowOnceSecretPanel(user, await screen.findByTestId('show-once-secret'));
  }

  secret(): string {
    return within(this.element).getByLabelText<HTMLInputElement>('Token secret').value;
  }

  keychainNote(): HTMLElement {
    return within(this.element).getByTestId('keychain-note');
  }

  async copy(
    button: 'Copy secret' | 'Copy curl with secret' | 'Copy curl with $CLOUDFLARE_API_TOKEN',
  ): Promise<void> {
    await this.user.click(within(this.element).getByRole('button', { name: button }));
  }

  /** Closes the panel with Done (the secret is dropped). */
  async done(): Promise<void> {
    await this.user.click(screen.getByRole('button', { name: 'Done' }));
  }
}
