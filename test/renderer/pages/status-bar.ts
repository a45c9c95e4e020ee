/**
 * Page object for the status bar: each profile's sync state, offline and rate-limit notes, and
 * the sync buttons.
 */
import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

export class StatusBar {
  constructor(private readonly user: UserEvent) {}

  element(): HTMLElement {
    return screen.getByRole('contentinfo', { name: 'Status' });
  }

  async syncAll(): Promise<void> {
    await this.user.click(within(this.element()).getByRole('button', { name: 'Sync all' }));
  }

  /** "Sync <profile>", offered while one profile is in view. */
  async syncProfile(label: string): Promise<void> {
    await this.user.click(screen.getByRole('button', { name: `Sync ${label}` }));
  }

  progress(label: string): HTMLElement {
    return screen.getByRole('progressbar', { name: `Sync progress for ${label}` });
  }

  offlineBadge(): HTMLElement {
    return screen.getByTestId('offline-badge');
  }

  /** "Next sync 16:05", or null while the scheduled sync is off. */
  nextSync(): HTMLElement | null {
    return screen.queryByTestId('next-sync');
  }
}
