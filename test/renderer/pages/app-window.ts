/**
 * Page object for the Keyflare window in jsdom, like the e2e suite's AppPage: opens the window on
 * the demo data and reaches each screen the way a user does (sidebar, toolbar, keyboard), so a
 * test reads like a user story and a change of markup is fixed here once.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { useProfilesStore } from '../../../src/renderer/stores/profiles-store';
import { useTokensStore } from '../../../src/renderer/stores/tokens-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import type { DemoHandlers } from '../../fixtures/renderer/demo-backend';
import type { MockApi } from '../support/mock-api';
import { renderApp, type RenderAppOptions } from '../support/render-app';
import { AddProfileDialog, ProfileDialog } from './profile-dialogs';
import { SettingsDialog } from './settings-dialog';
import { StatusBar } from './status-bar';
import { escapeRegExp } from './text';
import { TokenList } from './token-list';
import { WizardDialog } from './wizard-dialog';

export class AppWindow {
  readonly user: UserEvent;
  /** The mock window.api: what the window called, and how "main" answers. */
  readonly mock: MockApi;
  readonly backend: DemoHandlers;
  readonly tokens: TokenList;
  readonly statusBar: StatusBar;

  private constructor(harness: { user: UserEvent; mock: MockApi; backend: DemoHandlers }) {
    this.user = harness.user;
    this.mock = harness.mock;
    this.backend = harness.backend;
    this.tokens = new TokenList(this.user);
    this.statusBar = new StatusBar(this.user);
  }

  /** Opens the window at FIXTURE_NOW on the demo data (see renderApp for the options). */
  static async open(options: RenderAppOptions = {}): Promise<AppWindow> {
    return new AppWindow(await renderApp(options));
  }

  sidebar(): HTMLElement {
    return screen.getByRole('complementary', { name: 'Profiles' });
  }

  /** The view's title: "All tokens", a profile label or an account name. */
  heading(): HTMLElement {
    return screen.getByRole('heading', { level: 1 });
  }

  /** Picks a sidebar entry: "All tokens", a profile label or an account name. */
  async showView(name: string): Promise<void> {
    const entry = await within(this.sidebar()).findByRole('button', {
      name: new RegExp(`^${escapeRegExp(name)}`, 'u'),
    });
    await this.user.click(entry);
  }

  /** Starts adding a login from the welcome screen. */
  async addLogin(): Promise<AddProfileDialog> {
    await this.user.click(await screen.findByRole('button', { name: 'Add a Cloudflare login' }));
    return new AddProfileDialog(this.user);
  }

  async manageProfile(label: string): Promise<ProfileDialog> {
    await this.user.click(screen.getByRole('button', { name: `Manage profile ${label}` }));
    return new ProfileDialog(this.user, label);
  }

  async openSettings(): Promise<SettingsDialog> {
    await this.user.click(screen.getByRole('button', { name: 'Settings' }));
    return new SettingsDialog(this.user);
  }

  /** "New token" in the toolbar; resolves once the templates are listed. */
  async newToken(): Promise<WizardDialog> {
    await this.user.click(screen.getByRole('button', { name: 'New token' }));
    const wizard = WizardDialog.create(this.user);
    await wizard.templatesListed();
    return wizard;
  }

  /** Ctrl+N from anywhere in the window; resolves once the templates are listed. */
  async newTokenWithShortcut(): Promise<WizardDialog> {
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    const wizard = WizardDialog.create(this.user);
    await wizard.templatesListed();
    return wizard;
  }

  async press(keys: string): Promise<void> {
    await this.user.keyboard(keys);
  }

  /** Waits for a toast (or any text) to show. */
  findText(text: string | RegExp): Promise<HTMLElement> {
    return screen.findByText(text);
  }

  /** A window-wide notice: keychain-banner, data-banner-cache, data-banner-profiles… */
  banner(testId: string): HTMLElement {
    return screen.getByTestId(testId);
  }

  /** Whether any store's state holds this text (a secret must never be there). */
  storesHold(text: string): boolean {
    return [useAppStore, useProfilesStore, useTokensStore, useUiStore].some((store) =>
      JSON.stringify(store.getState()).includes(text),
    );
  }

  /** Whether the page holds this text anywhere, markup included (a closed secret must not). */
  pageHolds(text: string): boolean {
    return document.body.innerHTML.includes(text);
  }
}
