/**
 * Page object for the token detail panel: its facts by section, its actions (with the reason
 * one is unavailable), and the dialogs they open.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { AdoptDialog, DeleteDialog, RollDialog } from './token-dialogs';
import { WizardDialog } from './wizard-dialog';

export class TokenDetailPanel {
  constructor(
    private readonly user: UserEvent,
    readonly element: HTMLElement,
  ) {}

  /** The panel as it is now (it re-renders after each action), for waits after a change. */
  static current(): HTMLElement {
    return screen.getByTestId('token-detail');
  }

  /** The panel's own heading (a dialog opened from the panel has one too). */
  title(): HTMLElement {
    const [own] = within(this.element).getAllByRole('heading', { level: 2 });
    if (!own) throw new Error('the detail panel has no heading');
    return own;
  }

  /** A section by its heading: Access, IP filter, Validity, Activity, Last verify, History, Secret. */
  section(name: string): HTMLElement {
    return within(this.element).getByRole('region', { name });
  }

  warnings(): HTMLElement {
    return within(this.element).getByRole('list', { name: 'Warnings' });
  }

  lastVerify(): HTMLElement {
    return within(this.element).getByTestId('last-verify');
  }

  /** The callout listing what Keyflare's editor cannot hold, or null. */
  uneditable(): HTMLElement | null {
    return within(this.element).queryByTestId('uneditable');
  }

  /** Why some actions are unavailable, in plain words. */
  reasons(): HTMLElement {
    return within(this.element).getByRole('list', { name: 'Why some actions are unavailable' });
  }

  /** An action button by its label: Verify, Copy secret, Edit, Roll, Disable, Enable, Delete… */
  action(name: string): HTMLElement {
    return within(this.element).getByRole('button', { name });
  }

  async verify(): Promise<void> {
    await this.user.click(this.action('Verify'));
  }

  async copyCurl(variant: 'With the secret' | 'With $CLOUDFLARE_API_TOKEN'): Promise<void> {
    await this.user.click(this.action('Copy curl'));
    await this.user.click(
      screen.getByRole('menuitem', { name: new RegExp(`^${variant.replace('$', '\\$')}`, 'u') }),
    );
  }

  async copySecret(): Promise<void> {
    await this.user.click(this.action('Copy secret'));
  }

  /** Disable or Enable, whichever the token offers. */
  async toggleStatus(label: 'Disable' | 'Enable'): Promise<void> {
    await this.user.click(this.action(label));
  }

  async openRoll(): Promise<RollDialog> {
    const dialog = new RollDialog(this.user, this.titleText());
    await this.user.click(this.action('Roll'));
    return dialog;
  }

  async openDelete(): Promise<DeleteDialog> {
    const dialog = new DeleteDialog(this.user, this.titleText());
    await this.user.click(this.action('Delete'));
    return dialog;
  }

  async openAdopt(): Promise<AdoptDialog> {
    const dialog = new AdoptDialog(this.user, this.titleText());
    await this.user.click(this.action('Adopt existing secret'));
    return dialog;
  }

  /** Edit; resolves once the wizard's access step shows the token's draft. */
  async edit(): Promise<WizardDialog> {
    const wizard = WizardDialog.edit(this.user, this.titleText());
    await this.user.click(await within(this.element).findByRole('button', { name: 'Edit' }));
    await wizard.waitForStep('access');
    return wizard;
  }

  private titleText(): string {
    return this.title().textContent ?? '';
  }
}
