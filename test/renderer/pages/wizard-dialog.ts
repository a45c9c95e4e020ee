/**
 * Page object for the create / edit token wizard: template, permissions and resources, IP filter
 * and dates, review, and the show-once secret after a create.
 */
import { screen, within, type BoundFunctions, type queries } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { ShowOnceSecretPanel } from './show-once-secret';

export type WizardStepName = 'start' | 'access' | 'limits' | 'review';

export class WizardDialog {
  private constructor(
    private readonly user: UserEvent,
    /** The dialog's name while a step is shown. */
    readonly title: string,
  ) {}

  static create(user: UserEvent): WizardDialog {
    return new WizardDialog(user, 'Create API token');
  }

  static edit(user: UserEvent, tokenName: string): WizardDialog {
    return new WizardDialog(user, `Edit ${tokenName}`);
  }

  element(): HTMLElement {
    return screen.getByRole('dialog', { name: this.title });
  }

  isOpen(): boolean {
    return screen.queryByRole('dialog', { name: this.title }) !== null;
  }

  private inside(): BoundFunctions<typeof queries> {
    return within(this.element());
  }

  /** Waits until the template cards are listed. */
  async templatesListed(): Promise<void> {
    await within(await screen.findByRole('dialog', { name: this.title })).findByRole('button', {
      name: /Edit Zone DNS/u,
    });
  }

  async waitForStep(step: WizardStepName): Promise<void> {
    await within(await screen.findByRole('dialog', { name: this.title })).findByTestId(`wizard-${step}`);
  }

  // Start --------------------------------------------------------------------------------------

  templateList(): HTMLElement {
    return this.inside().getByRole('list', { name: 'Start from' });
  }

  template(name: string | RegExp): HTMLElement {
    return this.inside().getByRole('button', {
      name: typeof name === 'string' ? new RegExp(name, 'u') : name,
    });
  }

  async chooseTemplate(name: string): Promise<void> {
    await this.user.click(this.template(name));
  }

  async chooseCustom(): Promise<void> {
    await this.user.click(this.template(/Custom token/u));
  }

  profileField(): HTMLElement {
    return this.inside().getByLabelText('Profile');
  }

  async chooseProfile(label: string): Promise<void> {
    await this.user.selectOptions(this.profileField(), label);
  }

  ownerOptions(): (string | null)[] {
    return within(this.inside().getByLabelText<HTMLElement>('Owner'))
      .getAllByRole('option')
      .map((o) => o.textContent);
  }

  async chooseOwner(label: string): Promise<void> {
    await this.user.selectOptions(this.inside().getByLabelText('Owner'), label);
  }

  // Access -------------------------------------------------------------------------------------

  nameField(): HTMLElement {
    return this.inside().getByLabelText('Token name');
  }

  async rename(name: string): Promise<void> {
    await this.user.clear(this.nameField());
    await this.user.type(this.nameField(), name);
  }

  chosenPermissions(policy: number): HTMLElement {
    return this.inside().getByRole('list', { name: `Chosen permissions of Policy ${policy}` });
  }

  problemsOf(policy: number): HTMLElement {
    return this.inside().getByRole('list', { name: `Problems in Policy ${policy}` });
  }

  /** The permission picker of a policy (groups by scope: Account, Zone, User). */
  picker(policy: number): HTMLElement {
    return this.inside().getByRole('group', { name: `Permissions for Policy ${policy}` });
  }

  findPicker(policy: number): Promise<HTMLElement> {
    return this.inside().findByRole('group', { name: `Permissions for Policy ${policy}` });
  }

  permissionSearch(policy: number): HTMLElement {
    return this.inside().getByRole('searchbox', { name: `Search permissions for Policy ${policy}` });
  }

  async searchPermissions(policy: number, text: string): Promise<void> {
    await this.user.type(this.permissionSearch(policy), text);
  }

  async clearPermissionSearch(policy: number): Promise<void> {
    await this.user.clear(this.permissionSearch(policy));
  }

  /** Ticks (or unticks) a permission group by its name. */
  async togglePermission(name: string): Promise<void> {
    await this.user.click(this.inside().getByRole('checkbox', { name }));
  }

  /** "Add zones" or "Add accounts" (the first such button when several policies offer it). */
  async addResources(kind: 'zones' | 'accounts'): Promise<void> {
    const [first] = this.inside().getAllByRole('button', { name: `Add ${kind}` });
    if (!first) throw new Error(`no "Add ${kind}" button`);
    await this.user.click(first);
  }

  async addPolicy(): Promise<void> {
    await this.user.click(this.inside().getByRole('button', { name: 'Add policy' }));
  }

  /** A select of a resource row, e.g. "Zone (Policy 1, resource 1)". */
  combobox(name: string): HTMLElement {
    return this.inside().getByRole('combobox', { name });
  }

  async select(combobox: string, option: string): Promise<void> {
    await this.user.selectOptions(this.combobox(combobox), option);
  }

  // Limits -------------------------------------------------------------------------------------

  field(label: string | RegExp): HTMLElement {
    return this.inside().getByLabelText(label);
  }

  async expiresIn(preset: 'No expiry' | '7 days' | '30 days' | '90 days' | '1 year'): Promise<void> {
    await this.user.click(this.inside().getByRole('button', { name: preset }));
  }

  async onlyFrom(cidrs: string): Promise<void> {
    await this.user.type(this.field(/Only allow requests from/u), cidrs);
  }

  // Moving on ----------------------------------------------------------------------------------

  /** Continue from the access step (shows its problems instead when there are any). */
  async continue(): Promise<void> {
    await this.user.click(this.inside().getByRole('button', { name: 'Continue' }));
  }

  /** Review from the limits step; resolves once main's preview (the JSON body) shows. */
  async review(): Promise<void> {
    await this.user.click(this.inside().getByRole('button', { name: 'Review' }));
    await this.inside().findByTestId('review-body');
  }

  alert(): HTMLElement {
    return this.inside().getByRole('alert');
  }

  findAlert(): Promise<HTMLElement> {
    return this.inside().findByRole('alert');
  }

  // Review -------------------------------------------------------------------------------------

  summary(): HTMLElement {
    return this.inside().getByTestId('review-summary');
  }

  body(): HTMLElement {
    return this.inside().getByTestId('review-body');
  }

  /** The endpoint main will call, e.g. "POST /user/tokens". */
  endpoint(): string {
    return this.element().querySelector('.review-endpoint')?.textContent ?? '';
  }

  keepCheckbox(): HTMLElement {
    return this.inside().getByRole('checkbox', { name: 'Keep the new secret in the keychain' });
  }

  /** Create token; the show-once panel (or a failure) follows. */
  async create(): Promise<void> {
    await this.user.click(this.inside().getByRole('button', { name: 'Create token' }));
  }

  /** The new secret's panel, once it shows. */
  shownSecret(): Promise<ShowOnceSecretPanel> {
    return ShowOnceSecretPanel.find(this.user);
  }

  async save(): Promise<void> {
    await this.user.click(this.inside().getByRole('button', { name: 'Save changes' }));
  }
}
