/**
 * The preload: exposes window.api (and nothing else) to the sandboxed renderer.
 *
 * One of the two files allowed to touch raw ipcRenderer (lint-enforced). Listeners receive the
 * event payload only — never Electron's IpcRendererEvent, whose `sender` would hand the page a
 * way back into IPC.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, INVOKE_PREFIX, isEventName } from '../shared/channels';
import { buildApi } from './api';

const api = buildApi({
  invoke: (channel, input) => ipcRenderer.invoke(`${INVOKE_PREFIX}${channel}`, input),
  subscribe: (listener) => {
    const handler = (_event: unknown, message: unknown): void => {
      const { name, payload } = (message ?? {}) as { name?: unknown; payload?: unknown };
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('api', api);
