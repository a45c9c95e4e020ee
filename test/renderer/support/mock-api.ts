/**
 * A window.api for renderer tests, built by the production builder (buildApi) over a fake
 * transport. Tests answer channels one by one; a call to a channel nobody answered fails the
 * test loudly (it is recorded and `installMockApi`'s afterEach throws), so a screen can never
 * quietly depend on a channel the test did not think about.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { buildApi } from '../../../src/preload/api';
import type { ChannelName, EventName } from '../../../src/shared/channels';
import type { ChannelInput, ChannelOutput, EventPayload } from '../../../src/shared/contract';
import type { AppErrorShape, ErrorCode, Result } from '../../../src/shared/errors';

type Answer<C extends ChannelName> = (
  input: ChannelInput<C>,
) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;

export interface MockCall {
  channel: ChannelName;
  input: unknown;
}

export interface MockApi {
  /** Answers every call of a channel with this value (or a function of the input). */
  answer<C extends ChannelName>(
    channel: C,
    value: ChannelOutput<C> | ((input: ChannelInput<C>) => ChannelOutput<C>),
  ): MockApi;
  /** Answers every call of a channel with this error. */
  fail<C extends ChannelName>(
    channel: C,
    code: ErrorCode,
    message?: string,
    details?: AppErrorShape['details'],
  ): MockApi;
  /** Full control: any envelope, possibly async (e.g. a promise the test resolves later). */
  handle<C extends ChannelName>(channel: C, answer: Answer<C>): MockApi;
  /** Pushes an event from "main". */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  calls: MockCall[];
  callsOf<C extends ChannelName>(channel: C): ChannelInput<C>[];
  unanswered: MockCall[];
}

export function createMockApi(): MockApi {
  const handlers = new Map<ChannelName, (input: unknown) => unknown>();
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const calls: MockCall[] = [];
  const unanswered: MockCall[] = [];

  const api = buildApi({
    invoke: async (channel, input) => {
      calls.push({ channel, input });
      const handler = handlers.get(channel);
      if (!handler) {
        unanswered.push({ channel, input });
        return { ok: false, error: { code: 'INTERNAL', message: `test: no answer for ${channel}` } };
      }
      // Structured clone, as IPC does: the renderer never shares objects with "main".
      return structuredClone(await handler(input));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  Object.defineProperty(window, 'api', { value: api, configurable: true, writable: false });

  const mock: MockApi = {
    answer(channel, value) {
      handlers.set(channel, (input) => ({
        ok: true,
        value: typeof value === 'function' ? (value as (i: unknown) => unknown)(input) : value,
      }));
      return mock;
    },
    fail(channel, code, message = `${channel} failed`, details) {
      handlers.set(channel, () => ({
        ok: false,
        error: details ? { code, message, details } : { code, message },
      }));
      return mock;
    },
    handle(channel, answer) {
      handlers.set(channel, answer as (input: unknown) => unknown);
      return mock;
    },
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    calls,
    callsOf: <C extends ChannelName>(channel: C) =>
      calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<C>),
    unanswered,
  };
  return mock;
}

let current: MockApi | null = null;

/** Installs a fresh mock api for a test; the test fails if the UI called a channel nobody answered. */
export function installMockApi(): MockApi {
  current = createMockApi();
  return current;
}

afterEach(() => {
  const mock = current;
  current = null;
  vi.useRealTimers();
  // Unmount before failing, so a failing test never leaves its window behind for the next one.
  cleanup();
  if (mock && mock.unanswered.length > 0) {
    const names = [...new Set(mock.unanswered.map((c) => c.channel))].join(', ');
    throw new Error(`The UI called channels the test did not answer: ${names}`);
  }
});
