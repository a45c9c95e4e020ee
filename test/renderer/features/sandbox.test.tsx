/**
 * The sandbox in the window: the welcome screen and Settings offer "Explore with sample data",
 * the banner stays while sample data shows and leads out, and the window reloads after each swap
 * so no screen keeps data of the other side.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSandboxStore } from '../../../src/renderer/stores/sandbox-store';
import { AppWindow } from '../pages/app-window';

/** Watches the window's reload (jsdom cannot reload a page). */
function watchReload(): ReturnType<typeof vi.fn> {
  const reload = vi.fn();
  useSandboxStore.setState({ reload });
  return reload;
}

describe('entering the sandbox', () => {
  it('the welcome screen offers sample data beside adding a login, and opens the sandbox', async () => {
    const app = await AppWindow.open({
      profiles: [],
      rows: [],
      waitForRows: false,
      channels: ['sandbox.enter'],
    });
    const welcome = await screen.findByTestId('welcome');
    expect(within(welcome).getByRole('button', { name: 'Add a Cloudflare login' })).toBeInTheDocument();
    expect(within(welcome).getByText(/Nothing reaches Cloudflare/u)).toBeInTheDocument();
    expect(screen.queryByTestId('sandbox-banner')).not.toBeInTheDocument();
    const reload = watchReload();

    await app.user.click(within(welcome).getByRole('button', { name: 'Explore with sample data' }));

    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(app.mock.callsOf('sandbox.enter')).toEqual([{}]);
    expect(await screen.findByTestId('sandbox-banner')).toHaveTextContent(
      'Sandbox: sample data, nothing reaches Cloudflare',
    );
  });

  it('says why when the sandbox cannot open, and stays on the welcome screen', async () => {
    const app = await AppWindow.open({
      profiles: [],
      rows: [],
      waitForRows: false,
      before: (mock) =>
        mock.fail('sandbox.enter', 'KEYCHAIN_UNAVAILABLE', 'The system keychain is not available.'),
    });
    const reload = watchReload();
    await app.user.click(await screen.findByRole('button', { name: 'Explore with sample data' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/keychain/iu);
    expect(reload).not.toHaveBeenCalled();
    expect(screen.queryByTestId('sandbox-banner')).not.toBeInTheDocument();
    expect(screen.getByTestId('welcome')).toBeInTheDocument();
  });

  it('Settings offers it too', async () => {
    const app = await AppWindow.open({ channels: ['sandbox.enter', 'keychain.entries'] });
    const reload = watchReload();
    const settings = await app.openSettings();
    const section = within(settings.element()).getByTestId('sandbox-settings');
    await app.user.click(within(section).getByRole('button', { name: 'Explore with sample data' }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(app.mock.callsOf('sandbox.enter')).toHaveLength(1);
  });
});

describe('inside the sandbox', () => {
  it('keeps the banner on every screen and leaves through it', async () => {
    const app = await AppWindow.open({ sandbox: true, channels: ['sandbox.leave'] });
    const banner = await screen.findByTestId('sandbox-banner');
    expect(banner).toHaveTextContent('Sandbox: sample data, nothing reaches Cloudflare');
    expect(banner).toHaveAttribute('role', 'status');
    const reload = watchReload();

    await app.user.click(within(banner).getByRole('button', { name: 'Leave sandbox' }));

    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(app.mock.callsOf('sandbox.leave')).toEqual([{}]);
    expect(screen.queryByTestId('sandbox-banner')).not.toBeInTheDocument();
  });

  it('offers no way to add a real login: the sidebar’s Add profile is disabled and says why', async () => {
    const app = await AppWindow.open({ sandbox: true });
    const add = within(app.sidebar()).getByRole('button', { name: 'Add profile' });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(add).toHaveAccessibleDescription(
      'The sandbox holds sample logins only. Leave the sandbox to add your own Cloudflare login.',
    );
    await app.user.click(add);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Settings says the window is in the sandbox and offers the way out', async () => {
    const app = await AppWindow.open({ sandbox: true, channels: ['keychain.entries'] });
    const settings = await app.openSettings();
    const section = within(settings.element()).getByTestId('sandbox-settings');
    expect(section).toHaveTextContent('You are in the sandbox');
    expect(within(section).getByRole('button', { name: 'Leave sandbox' })).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Explore with sample data' })).toBeNull();
  });
});
