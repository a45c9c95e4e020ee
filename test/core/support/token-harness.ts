/**
 * Test support for token operations: a core on a real SQLite file talking to the simulator over
 * real HTTP, with the real keychain inside scripts/with-keyring.sh (an in-memory store outside
 * it), a recording clipboard, timers the test fires, and typed dispatch helpers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, expect, vi } from 'vitest';
import type { Core, CoreOptions } from '../../../src/main/core';
import type { ClipboardPort, Clock, Timers } from '../../../src/main/core/ports';
import { createKeytarStore } from '../../../src/main/core/secrets/keytar-store';
import { createMemoryStore } from '../../../src/main/core/secrets/memory-store';
import type { SecretStore } from '../../../src/main/core/secrets/secret-store';
import type { ChannelName } from '../../../src/shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../src/shared/contract';
import { PERMISSION_SCOPES, type Profile, type TokenDraft, type TokenRow } from '../../../src/shared/domain';
import type { AppErrorShape } from '../../../src/shared/errors';
import { DEFAULT_RATE_LIMIT, type RequestLogEntry, type Simulator } from '../../../src/sandbox';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore, type Harness } from './core-harness';
import { credentialInput } from './sim-profiles';

export const inKeyringSession = Boolean(process.env['KEYFLARE_IN_KEYRING_SESSION']);

/** The demo scenario's ids the token tests use. */
export const DEMO = {
  alice: 'a11ce000000000000000000000000001',
  acme: 'acc00000000000000000000000000002',
  alicePersonal: 'acc00000000000000000000000000001',
  bobStudio: 'acc00000000000000000000000000003',
  acmeCom: 'c0de0000000000000000000000000201',
  acmeIo: 'c0de0000000000000000000000000202',
  aliceDev: 'c0de0000000000000000000000000101',
} as const;

/**
 * The secret store for a test file: the OS keychain (a service of its own, so parallel files
 * never meet) inside the keyring session, an in-memory store outside it.
 */
export function testSecretStore(): SecretStore {
  return inKeyringSession
    ? createKeytarStore({ service: `Keyflare-test-${randomUUID()}` })
    : createMemoryStore();
}

/** Removes every entry a test file left in its keychain service. */
export async function emptySecretStore(store: SecretStore): Promise<void> {
  for (const account of await store.list('')) await store.delete(account);
}

export interface RecordingClipboard extends ClipboardPort {
  text: string;
  writes: { text: string; concealed: boolean }[];
  clears: number;
}

/** A clipboard that remembers what was written, for assertions (the OS clipboard is not ours to touch). */
export function recordingClipboard(): RecordingClipboard {
  const clipboard: RecordingClipboard = {
    text: '',
    writes: [],
    clears: 0,
    write: (text, { concealed }) => {
      clipboard.text = text;
      clipboard.writes.push({ text, concealed });
      return Promise.resolve();
    },
    read: () => Promise.resolve(clipboard.text),
    clear: () => {
      clipboard.text = '';
      clipboard.clears += 1;
      return Promise.resolve();
    },
  };
  return clipboard;
}

export interface ManualTimers extends Timers {
  /** Delays of the timers still pending, in ms. */
  pending(): number[];
  /** Runs every pending timer now (as if their delay had passed). */
  fireAll(): void;
}

export function manualTimers(): ManualTimers {
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    setTimeout: (fn, ms) => {
      const id = next++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    pending: () => [...timers.values()].map((timer) => timer.ms),
    fireAll: () => {
      const due = [...timers.values()];
      timers.clear();
      for (const timer of due) timer.fn();
    },
  };
}

/** A clock a test can move; the simulator and the core share it for expiry tests. */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

/**
 * A clock that moves only when told, from now: a test that advances it to a millisecond before a
 * deadline is still before it however long the machine took in between.
 */
export function movableClock(start: number = Date.now()): MovableClock {
  let at = start;
  return { now: () => new Date(at), advance: (ms) => void (at += ms) };
}

export interface TokenHarness extends Harness {
  sim: Simulator;
  profile: Profile;
  clipboard: RecordingClipboard;
  timers: ManualTimers;
  /** Dispatches and returns the value; fails the test with the error otherwise. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Dispatches and returns the error; fails the test when the call succeeds. */
  fails<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<AppErrorShape>;
  row(tokenId: string): Promise<TokenRow>;
}

export interface HarnessOptions extends Partial<CoreOptions> {
  /** Scenario credential label of the profile (default alice-manager). */
  credential?: string;
  /** Sync the profile before returning (default true). */
  synced?: boolean;
}

export async function dispatchOk<C extends ChannelName>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const reply = await core.dispatch(channel, input);
  if (!reply.ok) expect.fail(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value as ChannelOutput<C>;
}

export async function dispatchFails<C extends ChannelName>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<AppErrorShape> {
  const reply = await core.dispatch(channel, input);
  if (reply.ok) expect.fail(`${channel} succeeded but was expected to fail`);
  return reply.error;
}

/** A core with one profile of `credential`, synced, against `sim`. */
export async function tokenHarness(
  sim: Simulator,
  secrets: SecretStore,
  options: HarnessOptions = {},
): Promise<TokenHarness> {
  const clipboard = recordingClipboard();
  const timers = manualTimers();
  const { credential = 'alice-manager', synced = true, ...coreOptions } = options;
  const h = makeCore({
    clipboard,
    timers,
    cloudflare: { timeoutMs: 1500, backoffBaseMs: 5 },
    ...coreOptions,
    secrets,
  });
  const profile = await dispatchOk(h.core, 'profiles.add', {
    label: credential,
    credential: credentialInput(sim.credential(credential)),
    baseUrl: sim.baseUrl,
  });
  if (synced) await dispatchOk(h.core, 'sync.start', { profileId: profile.id });
  const harness: TokenHarness = {
    ...h,
    sim,
    profile,
    clipboard,
    timers,
    ok: (channel, input) => dispatchOk(h.core, channel, input),
    fails: (channel, input) => dispatchFails(h.core, channel, input),
    row: async (tokenId) => {
      const rows = await dispatchOk(h.core, 'tokens.list', { profileId: profile.id });
      const found = rows.find((row) => row.id === tokenId);
      if (!found) expect.fail(`token ${tokenId} is not in the list`);
      return found;
    },
  };
  return harness;
}

/** The id of the simulator's permission group with this name in this scope. */
export function groupId(sim: Simulator, name: string, scope: keyof typeof PERMISSION_SCOPES): string {
  const found = sim.state
    .permissionGroups()
    .find((group) => group.name === name && group.scopes.includes(PERMISSION_SCOPES[scope]));
  if (!found) throw new Error(`no permission group ${name} in scope ${scope}`);
  return found.id;
}

/** A one-policy draft: DNS Write on one zone. */
export function dnsDraft(sim: Simulator, name: string, zoneId: string = DEMO.acmeCom): TokenDraft {
  return {
    name,
    policies: [
      {
        effect: 'allow',
        permissionGroupIds: [groupId(sim, 'DNS Write', 'zone')],
        resources: [{ type: 'zone', zoneId, include: true }],
      },
    ],
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
  };
}

export interface KeptTokenOptions {
  /** Create an account-owned token of this account (default: a user token). */
  accountId?: string;
  notBefore?: string;
  expiresOn?: string;
}

/**
 * Creates a DNS-Write token through Keyflare with its secret kept in the keychain, then clears the
 * simulator's request log so a test sees only the requests of what it does next.
 */
export async function keptToken(
  h: TokenHarness,
  name: string,
  options: KeptTokenOptions = {},
): Promise<{ tokenId: string; secret: string }> {
  const owner = options.accountId
    ? { kind: 'account' as const, accountId: options.accountId }
    : { kind: 'user' as const };
  const draft = {
    ...dnsDraft(h.sim, name),
    notBefore: options.notBefore ?? null,
    expiresOn: options.expiresOn ?? null,
  };
  const created = await h.ok('tokens.create', { profileId: h.profile.id, owner, draft, keepSecret: true });
  h.sim.control.resetLog();
  return { tokenId: created.token.id, secret: created.secret };
}

/** Requests the simulator logged that match a method and an OpenAPI operation path. */
export function requests(sim: Simulator, method: string, operation?: string): RequestLogEntry[] {
  return sim.control
    .requestLog()
    .filter(
      (entry) =>
        entry.method === method && (operation === undefined || entry.operation === `${method} ${operation}`),
    );
}

/** Resets faults, rate limits, latency, client IP and the request log between tests. */
export function resetSimulator(sim: Simulator): void {
  sim.control.clearFaults();
  sim.control.setRateLimit(DEFAULT_RATE_LIMIT);
  sim.control.setLatency(0, 0);
  sim.control.setClientIp(null);
  sim.control.resetLog();
}

/** Calls Cloudflare directly, as another tool or the dashboard would (not through Keyflare). */
export async function outsideCall(
  sim: Simulator,
  secret: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

/**
 * The usual setup of a token test file: the demo simulator (schema-checked), the secret store,
 * and the hooks that reset the simulator before each test, restore spies and close cores after
 * it, and empty the keychain entries at the end.
 */
export async function useTokenSuite(): Promise<{ sim: Simulator; secrets: SecretStore }> {
  const sim = await startTestSimulator({ scenario: 'demo' });
  const secrets = testSecretStore();
  beforeEach(() => resetSimulator(sim));
  afterEach(() => {
    vi.restoreAllMocks();
    closeAllCores();
  });
  afterAll(() => emptySecretStore(secrets));
  return { sim, secrets };
}
