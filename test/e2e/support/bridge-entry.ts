/**
 * Browser-side half of the e2e bridge: window.api built by the production preload's builder,
 * with a Playwright binding (`__keyflareInvoke`) in place of ipcRenderer.
 *
 * Events from the core arrive through `__keyflareEmit`, which the harness calls with
 * page.evaluate; listeners see the payload only, as with the real preload.
 */
import type { EventName } from '../../../src/shared/channels';
import { buildApi } from '../../../src/preload/api';

type Listener = (event: EventName, payload: unknown) => void;

interface BridgeWindow {
  __keyflareInvoke(channel: string, input: unknown): Promise<unknown>;
  __keyflareEmit?: (event: EventName, payload: unknown) => void;
  api?: unknown;
}

const target = window as unknown as BridgeWindow;
const listeners = new Set<Listener>();

target.__keyflareEmit = (event, payload) => {
  for (const listener of listeners) listener(event, payload);
};

Object.defineProperty(window, 'api', {
  value: buildApi({
    invoke: (channel, input) => target.__keyflareInvoke(channel, input),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  }),
  writable: false,
  configurable: false,
});
