/**
 * The built preload (out/preload/index.cjs) as the sandbox will load it: CommonJS, requiring
 * nothing but 'electron', exposing exactly the contract's functions as window.api.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_CHANNEL, INVOKE_PREFIX } from '../../src/shared/channels';

const BUNDLE = path.resolve(import.meta.dirname, '../../out/preload/index.cjs');

function loadPreload(): {
  exposed: Map<string, unknown>;
  required: string[];
  invoke: ReturnType<typeof vi.fn>;
  emit: (message: unknown) => void;
  listenerCount: () => number;
} {
  if (!fs.existsSync(BUNDLE)) throw new Error('out/preload/index.cjs is missing: run `npm run build` first.');
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const listeners = new Set<(event: unknown, message: unknown) => void>();
  const invoke = vi.fn((channel: string, input: unknown) =>
    Promise.resolve({ ok: true, value: { channel, input } }),
  );
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: {
      invoke,
      on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
        if (channel === EVENT_CHANNEL) listeners.add(listener);
      },
      removeListener: (_channel: string, listener: (event: unknown, message: unknown) => void) => {
        listeners.delete(listener);
      },
    },
  };
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found: ${id}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(source, { require: sandboxRequire, module, exports: module.exports, console });
  const fakeEvent = { sender: { send: () => undefined }, ports: [] };
  return {
    exposed,
    required,
    invoke,
    emit: (message) => {
      for (const listener of listeners) listener(fakeEvent, message);
    },
    listenerCount: () => listeners.size,
  };
}

describe('built preload', () => {
  it('is CommonJS that requires only electron', () => {
    const source = fs.readFileSync(BUNDLE, 'utf8');
    expect(source).not.toMatch(/^\s*import\s/mu);
    expect(source).not.toMatch(/^\s*export\s/mu);
    const requires = [...source.matchAll(/require\((['"`])([^'"`]+)\1\)/gu)].map((m) => m[2]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(loadPreload().required).toEqual(['electron']);
  });

  it('exposes window.api and nothing else, with exactly the contract functions', () => {
    const { exposed } = loadPreload();
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api') as Record<string, Record<string, unknown>>;
    const functions = Object.entries(api)
      .filter(([key]) => key !== 'on')
      .flatMap(([namespace, methods]) => Object.keys(methods).map((method) => `${namespace}.${method}`));
    expect(functions.sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(typeof api['on']).toBe('function');
    expect(api).not.toHaveProperty('ipcRenderer');
    expect(api).not.toHaveProperty('invoke');
  });

  it('sends each call on its own prefixed channel', async () => {
    const { exposed, invoke } = loadPreload();
    const api = exposed.get('api') as { tokens: { verify(input: unknown): Promise<unknown> } };
    await expect(api.tokens.verify({ profileId: 'p', tokenId: 't' })).resolves.toEqual({
      ok: true,
      value: { channel: `${INVOKE_PREFIX}tokens.verify`, input: { profileId: 'p', tokenId: 't' } },
    });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const { exposed, emit, listenerCount } = loadPreload();
    const api = exposed.get('api') as {
      on(event: string, listener: (...args: unknown[]) => void): () => void;
    };
    const seen: unknown[][] = [];
    const off = api.on('sync.progress', (...args) => seen.push(args));
    emit({ name: 'sync.progress', payload: { profileId: 'p', done: 1, planned: 3 } });
    emit({ name: 'sync.finished', payload: {} });
    emit({ name: 'not.an.event', payload: {} });
    expect(seen).toEqual([[{ profileId: 'p', done: 1, planned: 3 }]]);
    off();
    expect(listenerCount()).toBe(0);
    expect(() => api.on('made.up', () => undefined)).toThrow(/Unknown event/u);
  });
});
