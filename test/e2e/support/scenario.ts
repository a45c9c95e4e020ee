/**
 * What an e2e scenario starts and must close again: simulators and launched apps, closed after
 * each test in the reverse order they were started; and the one login most stories begin with.
 */
import { afterEach } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/sandbox';
import { AddProfilePage } from '../pages/add-profile-page';
import { AppPage } from '../pages/app-page';
import { TokenListPage } from '../pages/token-list-page';
import { launchKeyflare, type KeyflareApp, type LaunchOptions } from './harness';

export interface Scenario {
  /** A simulator serving the demo scenario. */
  simulator: () => Promise<Simulator>;
  /** Keyflare in Chromium, loaded. */
  launch: (options?: LaunchOptions) => Promise<KeyflareApp>;
}

export function useScenario(): Scenario {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    simulator: async () => {
      const sim = await startSimulator({ scenario: 'demo' });
      cleanups.push(() => sim.close());
      return sim;
    },
    launch: async (options = {}) => {
      const app = await launchKeyflare(options);
      cleanups.push(() => app.close());
      await new AppPage(app.page).waitUntilLoaded();
      return app;
    },
  };
}

/** Adds the simulator's Alice through the add-profile dialog and waits for her first synced token. */
export async function addAlice(app: KeyflareApp, sim: Simulator, label = 'Alice'): Promise<void> {
  await new AppPage(app.page).openAddProfile();
  const add = new AddProfilePage(app.page);
  await add.add({ label, secret: sim.credential('alice-manager').secret, baseUrl: sim.baseUrl });
  await add.done();
  await new TokenListPage(app.page).waitForRow('Keyflare manager (alice)');
}
