/**
 * Page objects for the detail panel's dialogs: roll, delete and adopt.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

abstract class TokenDialog {
  constructor(
    protected readonly user: UserEvent,
    private readonly title: string,
  ) {}

  element(): HTMLElement {
    return screen.getByRole('dialog', { name: this.title });
  }

  button(name: string): HTMLElement {
    return within(this.element()).getByRole('button', { name });
  }

  queryButton(name: string): HTMLElement | null {
    return within(this.element()).queryByRole('button', { name });
  }

  async cancel(): Promise<void> {
    await this.user.click(this.button('Cancel'));
  }

  /** The failure shown in the dialog, once it shows. */
  alert(): Promise<HTMLElement> {
    return within(this.element()).findByRole('alert');
  }
}

export class RollDialog extends TokenDialog {
  constructor(user: UserEvent, tokenName: string) {
    super(user, `Roll ${tokenName}?`);
  }

  keepCheckbox(): HTMLElement {
    return within(this.element()).getByRole('checkbox', { name: 'Keep the new secret in the keychain' });
  }

  /** Rolls; resolves with the show-once panel of the new secret. */
  async roll(): Promise<HTMLElement> {
    await this.user.click(this.button('Roll token'));
    return screen.findByTestId('show-once-secret');
  }

  /** Rolls and leaves the dialog open on whatever it shows next (e.g. a failure). */
  async tryRoll(): Promise<void> {
    await this.user.click(this.button('Roll token'));
  }

  async done(): Promise<void> {
    await this.user.click(screen.getByRole('button', { name: 'Done' }));
  }
}

export class DeleteDialog extends TokenDialog {
  constructor(user: UserEvent, tokenName: string) {
    super(user, `Delete ${tokenName}?`);
  }

  confirmButton(): HTMLElement {
    return this.button('Delete token');
  }

  async typeName(name: string): Promise<void> {
    await this.user.type(within(this.element()).getByRole('textbox'), name);
  }

  async confirm(): Promise<void> {
    await this.user.click(this.confirmButton());
  }
}

export class AdoptDialog extends TokenDialog {
  constructor(user: UserEvent, tokenName: string) {
    super(user, `Adopt the secret of ${tokenName}`);
  }

  secretField(): HTMLElement {
    return within(this.element()).getByLabelText('Token secret');
  }

  async adopt(secret: string): Promise<void> {
    await this.user.type(this.secretField(), secret);
    await this.user.click(this.button('Adopt secret'));
  }
}
