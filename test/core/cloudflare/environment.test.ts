/**
 * The SDK reads CLOUDFLARE_* variables from the environment (CLOUDFLARE_CUSTOM_HEADERS even
 * when every option is passed). With all of them set to hostile values, Keyflare must still talk
 * to the profile's host, with the profile's credential, with its own headers, and log nothing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
/** A second "Cloudflare" the hostile CLOUDFLARE_BASE_URL points at: it must see nothing. */
const decoy = await startTestSimulator({ scenario: 'demo' });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  closeAllCores();
});

interface SentRequest {
  url: string;
  headers: Record<string, string>;
}

describe('CLOUDFLARE_* environment variables', () => {
  it('change neither host, credential, headers nor log output', async () => {
    const bob = sim.credential('bob-manager');
    vi.stubEnv('CLOUDFLARE_API_TOKEN', bob.secret);
    vi.stubEnv('CLOUDFLARE_API_KEY', 'a11ce0000000000000000000000000000000d');
    vi.stubEnv('CLOUDFLARE_EMAIL', 'alice@example.com');
    vi.stubEnv('CLOUDFLARE_API_USER_SERVICE_KEY', 'v1.0-hostile-service-key');
    vi.stubEnv('CLOUDFLARE_BASE_URL', decoy.baseUrl);
    vi.stubEnv('CLOUDFLARE_LOG', 'debug');
    vi.stubEnv(
      'CLOUDFLARE_CUSTOM_HEADERS',
      `X-Hostile: yes\nAuthorization: Bearer ${bob.secret}\nX-Auth-Key: hostile`,
    );
    const printed: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args);
      });
    }
    const sent: SentRequest[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, name) => {
        headers[name] = value;
      });
      sent.push({
        url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        headers,
      });
      return fetch(input, init);
    };
    sim.control.resetLog();
    decoy.control.resetLog();

    const h = makeCore({ fetch: recordingFetch });
    const profile = await addProfile(h.core, sim, 'alice-manager');
    const [run] = await call<{ outcome: string }[]>(h.core, 'sync.start', { profileId: profile.id });
    expect(run?.outcome).toBe('ok');

    // Host: every request went to the profile's base URL; the decoy saw none.
    expect(sent.length).toBeGreaterThan(5);
    expect(sent.every((r) => r.url.startsWith(`${sim.baseUrl}/`))).toBe(true);
    expect(decoy.control.requestLog()).toEqual([]);
    // Credential: the simulator saw only alice-manager, never bob's token or the global key.
    const log = sim.control.requestLog();
    expect(log.length).toBe(sent.length);
    expect(new Set(log.map((e) => e.credential))).toEqual(new Set(['alice-manager']));
    // Headers: exactly Keyflare's own set, nothing from the environment or the SDK's extras.
    const alice = sim.credential('alice-manager');
    for (const request of sent) {
      expect(Object.keys(request.headers).sort()).toEqual(
        expect.arrayContaining(['accept', 'authorization', 'user-agent']),
      );
      expect(
        Object.keys(request.headers).every((name) =>
          ['accept', 'authorization', 'user-agent', 'content-type'].includes(name),
        ),
      ).toBe(true);
      expect(request.headers['authorization']).toBe(`Bearer ${alice.secret}`);
      expect(request.headers['user-agent']).toBe('Keyflare/0.0.0-test');
    }
    // Log output: nothing printed to the console, and the file log has no secret.
    expect(printed).toEqual([]);
  });

  it('has no effect on a Global API Key profile either', async () => {
    vi.stubEnv('CLOUDFLARE_API_TOKEN', sim.credential('bob-manager').secret);
    vi.stubEnv('CLOUDFLARE_EMAIL', 'bob@example.net');
    vi.stubEnv('CLOUDFLARE_CUSTOM_HEADERS', 'X-Auth-Email: bob@example.net');
    sim.control.resetLog();
    const h = makeCore();
    const profile = await addProfile(h.core, sim, 'alice-global-key');
    await call(h.core, 'sync.start', { profileId: profile.id });
    expect(new Set(sim.control.requestLog().map((e) => e.credential))).toEqual(new Set(['alice-global-key']));
  });
});
