/**
 * Page objects for the cross-login screens and bulk actions, reached the way a user does: the
 * access explorer and the Health view from the sidebar, the bulk bar and its dialog over the token
 * list (ctrl/cmd-click and shift-click rows), and the Report menu in the toolbar.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import { escapeRegExp } from './text';

function sidebar(): HTMLElement {
  return screen.getByRole('complementary', { name: 'Profiles' });
}

export class AccessExplorer {
  constructor(private readonly user: UserEvent) {}

  static async open(user: UserEvent): Promise<AccessExplorer> {
    await user.click(within(sidebar()).getByRole('button', { name: /^Access/u }));
    await screen.findByRole('heading', { level: 1, name: 'Access' });
    return new AccessExplorer(user);
  }

  /** The pickable targets' labels, in order. */
  targets(): string[] {
    const list = screen.getByRole('navigation', { name: 'Zones and accounts' });
    return [...list.querySelectorAll('.access-target-label')].map((el) => el.textContent ?? '');
  }

  async find(text: string): Promise<void> {
    await this.user.type(screen.getByRole('searchbox', { name: 'Find a zone or account' }), text);
  }

  /** Picks a zone, an account, "Every zone" or "User" and waits for the answer. */
  async pick(label: string): Promise<HTMLElement> {
    const list = screen.getByRole('navigation', { name: 'Zones and accounts' });
    await this.user.click(
      within(list).getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`, 'u') }),
    );
    return screen.findByTestId('access-answer');
  }

  /** Each permission group shown, with its token names. */
  groups(): Record<string, string[]> {
    const answer = screen.getByTestId('access-answer');
    return Object.fromEntries(
      [...answer.querySelectorAll('.grant-group')].map((group) => [
        group.getAttribute('aria-label') ?? '',
        [...group.querySelectorAll('.grant-name')].map((el) => el.textContent ?? ''),
      ]),
    );
  }

  counts(): string {
    return screen.getByTestId('access-answer').querySelector('.access-answer-counts')?.textContent ?? '';
  }

  async showUnusable(): Promise<void> {
    await this.user.click(
      screen.getByRole('checkbox', { name: 'Show disabled, expired and not-yet-valid tokens' }),
    );
  }

  async openToken(name: string): Promise<void> {
    const answer = screen.getByTestId('access-answer');
    const [first] = within(answer).getAllByRole('button', { name });
    if (!first) throw new Error(`no token ${name} in the answer`);
    await this.user.click(first);
  }
}

export class HealthView {
  constructor(private readonly user: UserEvent) {}

  static async open(user: UserEvent): Promise<HealthView> {
    await user.click(within(sidebar()).getByRole('button', { name: /^Health/u }));
    await screen.findByRole('heading', { level: 1, name: 'Health' });
    await screen.findByTestId('health-list');
    return new HealthView(user);
  }

  /** A severity group ("Act now", "To fix", "Worth knowing") by its heading. */
  group(name: 'Act now' | 'To fix' | 'Worth knowing'): HTMLElement {
    return screen.getByRole('region', { name: new RegExp(`^${name}`, 'u') });
  }

  /** "Token name: message" of every problem in a group. */
  problems(name: 'Act now' | 'To fix' | 'Worth knowing'): string[] {
    return [...this.group(name).querySelectorAll('.problem')].map(
      (el) =>
        `${el.querySelector('.problem-title button, .problem-title span')?.textContent ?? ''}: ${el.querySelector('.problem-message')?.textContent ?? ''}`,
    );
  }

  /** The row of a token's problem, found by the token's name and words of the message. */
  problem(token: string, message: RegExp): HTMLElement {
    const rows = [...document.querySelectorAll<HTMLElement>('.health-body > section .problem')].filter(
      (el) =>
        el.querySelector('.problem-title')?.textContent?.startsWith(token) &&
        message.test(el.querySelector('.problem-message')?.textContent ?? ''),
    );
    const [row] = rows;
    if (!row) throw new Error(`no problem of ${token} matching ${String(message)}`);
    return row;
  }

  async act(token: string, message: RegExp, action: string): Promise<void> {
    await this.user.click(within(this.problem(token, message)).getByRole('button', { name: action }));
  }

  async snooze(token: string, message: RegExp, days: number): Promise<void> {
    const row = this.problem(token, message);
    await this.user.click(within(row).getByRole('button', { name: /^Snooze/u }));
    await this.user.click(within(row).getByRole('menuitem', { name: new RegExp(`^For ${days} day`, 'u') }));
  }

  async ignore(token: string, message: RegExp): Promise<void> {
    await this.user.click(within(this.problem(token, message)).getByRole('button', { name: /^Ignore/u }));
  }

  /** The snoozed and ignored problems, after opening their list. */
  async dismissed(): Promise<HTMLElement> {
    const details = screen.getByText(/snoozed or ignored$/u);
    if (!details.parentElement?.hasAttribute('open')) await this.user.click(details);
    return details.parentElement as HTMLElement;
  }

  subtitle(): string {
    return screen.getByRole('heading', { level: 1, name: 'Health' }).nextElementSibling?.textContent ?? '';
  }
}

export class BulkActions {
  constructor(private readonly user: UserEvent) {}

  /** Ctrl-click (toggle one) or shift-click (a range from the last one) a row of the token list. */
  async pick(name: string, how: 'ctrl' | 'shift' = 'ctrl'): Promise<void> {
    const row = screen.getByRole('row', { name: new RegExp(escapeRegExp(name), 'u') });
    await this.user.keyboard(how === 'ctrl' ? '{Control>}' : '{Shift>}');
    await this.user.click(row);
    await this.user.keyboard(how === 'ctrl' ? '{/Control}' : '{/Shift}');
  }

  /** Picks the focused row with ctrl+space, as a keyboard user does. */
  pickWithKeyboard(): void {
    const grid = screen.getByRole('grid', { name: 'Tokens' });
    fireEvent.keyDown(grid, { key: ' ', ctrlKey: true });
  }

  bar(): HTMLElement {
    return screen.getByTestId('bulk-bar');
  }

  queryBar(): HTMLElement | null {
    return screen.queryByTestId('bulk-bar');
  }

  picked(): string[] {
    return screen
      .getAllByRole('row')
      .filter((row) => row.classList.contains('token-row-picked'))
      .map((row) => row.querySelector('.cell-name')?.textContent ?? '');
  }

  async start(action: 'Disable' | 'Enable' | 'Verify' | 'Delete'): Promise<HTMLElement> {
    await this.user.click(within(this.bar()).getByRole('button', { name: `${action}…` }));
    await screen.findByTestId('bulk-summary');
    return screen.getByTestId('bulk-dialog');
  }

  async confirm(label: RegExp): Promise<HTMLElement> {
    await this.user.click(within(screen.getByTestId('bulk-dialog')).getByRole('button', { name: label }));
    return screen.findByTestId('bulk-outcome');
  }

  async close(): Promise<void> {
    // The footer's Close (the header's close button has the same name).
    const buttons = within(screen.getByTestId('bulk-dialog')).getAllByRole('button', { name: 'Close' });
    await this.user.click(buttons[buttons.length - 1] as HTMLElement);
    await waitFor(() => expect(screen.queryByTestId('bulk-dialog')).toBeNull());
  }
}

/** Saves a report from the toolbar's Report menu. */
export async function saveReport(user: UserEvent, format: 'Markdown' | 'CSV' | 'JSON'): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Report' }));
  await user.click(screen.getByRole('menuitem', { name: new RegExp(`^${format}`, 'u') }));
}
