/**
 * Renders the whole window against a mock api answered from the demo backend, with every store
 * reset, so each test starts from a fresh app like a new window does.
 */
import { render, screen, waitFor, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { expect, vi } from 'vitest';
import type { ChannelName } from '../../../src/shared/channels';
import { App } from '../../../src/renderer/app';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { useProfilesStore } from '../../../src/renderer/stores/profiles-store';
import { useToastStore } from '../../../src/renderer/stores/toast-store';
import { useTokensStore } from '../../../src/renderer/stores/tokens-store';
import { useUiStore } from '../../../src/renderer/stores/ui-store';
import { useAccessStore } from '../../../src/renderer/stores/access-store';
import { useBulkStore } from '../../../src/renderer/stores/bulk-store';
import { useHealthStore } from '../../../src/renderer/stores/health-store';
import { useSandboxStore } from '../../../src/renderer/stores/sandbox-store';
import { createDemoBackend, type DemoHandlers, type DemoOptions } from '../../fixtures/renderer/demo-backend';
import { FIXTURE_NOW } from '../../fixtures/renderer/fixtures';
import { installMockApi, type MockApi } from './mock-api';

/** The channels the window calls as it opens. */
export const BOOT_CHANNELS: ChannelName[] = [
  'app.info',
  'settings.get',
  'profiles.list',
  'accounts.list',
  'zones.list',
  'sync.status',
  'tokens.list',
  'sandbox.status',
];

export function resetStores(): void {
  for (const store of [
    useAppStore,
    useProfilesStore,
    useTokensStore,
    useUiStore,
    useToastStore,
    useAccessStore,
    useHealthStore,
    useBulkStore,
    useSandboxStore,
  ]) {
    (store as { setState: (s: unknown, replace: true) => void; getInitialState: () => unknown }).setState(
      (store as { getInitialState: () => unknown }).getInitialState(),
      true,
    );
  }
}

/** Answers the given channels from the demo backend. */
export function answerFrom(mock: MockApi, backend: DemoHandlers, channels: readonly ChannelName[]): void {
  for (const channel of channels) {
    mock.handle(channel, (input) =>
      (backend[channel] as (i: typeof input) => ReturnType<DemoHandlers[typeof channel]>)(input),
    );
  }
}

export interface AppHarness extends RenderResult {
  mock: MockApi;
  backend: DemoHandlers;
  user: UserEvent;
}

export interface RenderAppOptions extends DemoOptions {
  /** Channels answered from the demo backend on top of the boot channels. */
  channels?: ChannelName[];
  /** Skip waiting for the token list (for first-start and failure tests). */
  waitForRows?: boolean;
  /** Adjust answers before the app renders. */
  before?: (mock: MockApi, backend: DemoHandlers) => void;
}

/** Opens the window at FIXTURE_NOW with the demo data. */
export async function renderApp(options: RenderAppOptions = {}): Promise<AppHarness> {
  vi.useFakeTimers({ now: FIXTURE_NOW, toFake: ['Date'] });
  resetStores();
  const mock = installMockApi();
  const backend = createDemoBackend({ now: () => new Date(), ...options });
  answerFrom(mock, backend, [...BOOT_CHANNELS, ...(options.channels ?? [])]);
  options.before?.(mock, backend);
  const user = userEvent.setup();
  const result = render(<App />);
  await waitFor(() => expect(screen.getByTestId('app-version')).toHaveTextContent('Keyflare'));
  // The token list, in whichever language the window speaks.
  if (options.waitForRows !== false) await screen.findByRole('grid');
  return { ...result, mock, backend, user };
}
