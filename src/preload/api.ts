/**
 * Builds window.api from the contract's channel list over a transport.
 *
 * The same builder runs in the Electron preload (transport = ipcRenderer) and in the end-to-end
 * harness (transport = a Playwright binding to the core in the test process), so both exercise
 * exactly the functions the app exposes. It imports only the dependency-free channel list:
 * the sandboxed preload can't require anything but 'electron'.
 */
import { CHANNEL_NAMES, isEventName, type ChannelName, type EventName } from '../shared/channels';
import type { KeyflareApi } from '../shared/api-types';

export interface ApiTransport {
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  /** Delivers every event; returns a function that stops the delivery. */
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
}

export function buildApi(transport: ApiTransport): KeyflareApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const dot = channel.indexOf('.');
    const namespace = channel.slice(0, dot);
    const method = channel.slice(dot + 1);
    api[namespace] ??= {};
    // A fresh object per call: only plain data crosses the bridge, never a renderer object graph.
    api[namespace][method] = (input: unknown) => transport.invoke(channel, input === undefined ? {} : input);
  }
  for (const namespace of Object.values(api)) Object.freeze(namespace);
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}"`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return transport.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  };
  return Object.freeze({ ...api, on }) as unknown as KeyflareApi;
}
