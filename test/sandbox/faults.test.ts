/**
 * Fault injection (5xx, malformed JSON, reset, hang, latency), matching by method/path and
 * Nth request, the 'after' phase, the control route, and stop/restart on the same port.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/sandbox/simulator';
import { call, controlCall, DEMO, resultObject } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const manager = sim.credential('alice-manager');
const auth = { authorization: `Bearer ${manager.secret}` };

afterEach(() => {
  sim.control.clearFaults();
  sim.control.setLatency(0, 0);
});

function get(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sim.baseUrl}${path}`, { headers: auth, ...init });
}

describe('server errors', () => {
  it.each([500, 502, 503] as const)(
    'fails the Nth matching request with %i and a Cloudflare envelope',
    async (status) => {
      const handle = sim.control.injectFault({
        kind: 'server_error',
        status,
        method: 'GET',
        path: '/zones',
        nth: 2,
      });
      expect((await get('/zones')).status).toBe(200);
      const failed = await get('/zones');
      expect(failed.status).toBe(status);
      const body = (await failed.json()) as {
        success: boolean;
        errors: Array<{ code: number; message: string }>;
        result: unknown;
      };
      expect(body.success).toBe(false);
      expect(body.result).toBeNull();
      expect(body.errors[0]?.code).toBe(10000 + status);
      expect((await get('/zones')).status).toBe(200);
      expect(handle.hits()).toBe(1);
      expect(handle.matched()).toBe(3);
    },
  );

  it('counts only requests matching method and path template', async () => {
    const handle = sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      method: 'GET',
      path: '/zones/{zone_id}',
    });
    expect((await get('/zones')).status).toBe(200);
    expect((await get('/user/tokens')).status).toBe(200);
    expect((await get(`/zones/${DEMO.zone.acmeCom}`, { method: 'GET' })).status).toBe(500);
    expect(handle.matched()).toBe(1);
  });

  it("repeats for `times` requests, or until removed with 'always'", async () => {
    sim.control.injectFault({ kind: 'server_error', status: 503, path: '/accounts', times: 2 });
    expect([
      (await get('/accounts')).status,
      (await get('/accounts')).status,
      (await get('/accounts')).status,
    ]).toEqual([503, 503, 200]);
    const always = sim.control.injectFault({
      kind: 'server_error',
      status: 502,
      path: '/accounts*',
      times: 'always',
    });
    expect((await get('/accounts')).status).toBe(502);
    expect((await get(`/accounts/${DEMO.acme}`)).status).toBe(502);
    always.remove();
    expect((await get('/accounts')).status).toBe(200);
  });
});

describe('broken responses', () => {
  it('sends a malformed JSON body', async () => {
    sim.control.injectFault({ kind: 'malformed_json', path: '/user/tokens' });
    const response = await get('/user/tokens');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('resets the connection', async () => {
    sim.control.injectFault({ kind: 'reset', path: '/user/tokens/verify' });
    await expect(get('/user/tokens/verify')).rejects.toThrow(TypeError);
    expect((await get('/user/tokens/verify')).status).toBe(200);
    expect(sim.control.requestLog().at(-2)).toMatchObject({ status: null, fault: 'reset' });
  });

  it('hangs longer than the client timeout', async () => {
    sim.control.injectFault({ kind: 'hang', ms: 2_000, path: '/zones' });
    const started = Date.now();
    await expect(get('/zones', { signal: AbortSignal.timeout(150) })).rejects.toThrow(/timeout|abort/iu);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('hangs and then answers when the client waits', async () => {
    sim.control.injectFault({ kind: 'hang', ms: 120, path: '/zones' });
    const started = Date.now();
    expect((await get('/zones')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe("phase 'after'", () => {
  it('runs the operation and then drops the answer (a roll that happened)', async () => {
    const created = resultObject(
      await call(sim, '/user/tokens', {
        method: 'POST',
        as: manager,
        body: {
          name: 'roll me',
          policies: [
            {
              effect: 'allow',
              permission_groups: [{ id: DEMO.group.zoneRead }],
              resources: { 'com.cloudflare.api.account.zone.*': '*' },
            },
          ],
        },
      }),
    );
    const id = String(created['id']);
    const oldSecret = String(created['value']);
    sim.control.injectFault({ kind: 'reset', method: 'PUT', path: '/user/tokens/:id/value', phase: 'after' });
    await expect(
      fetch(`${sim.baseUrl}/user/tokens/${id}/value`, { method: 'PUT', headers: auth }),
    ).rejects.toThrow(TypeError);
    expect(sim.state.token(id)?.secret).not.toBe(oldSecret);
    expect((await call(sim, '/user/tokens/verify', { as: oldSecret })).status).toBe(401);
  });

  it("with 'before' the operation does not run", async () => {
    const id = sim.credential('alice-legacy').tokenId ?? '';
    const secret = sim.credential('alice-legacy').secret;
    sim.control.injectFault({
      kind: 'server_error',
      status: 502,
      method: 'PUT',
      path: '/user/tokens/{token_id}/value',
    });
    expect(
      (await fetch(`${sim.baseUrl}/user/tokens/${id}/value`, { method: 'PUT', headers: auth })).status,
    ).toBe(502);
    expect(sim.state.token(id)?.secret).toBe(secret);
  });
});

describe('latency', () => {
  it('delays every request by latency + jitter', async () => {
    sim.control.setLatency(80, 20);
    const started = Date.now();
    await get('/user/tokens/verify');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(75);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('handles a request when it arrives and answers it a latency later: the latency is the round trip', async () => {
    sim.control.setLatency(1_500, 0);
    const name = `Made during the round trip ${Date.now()}`;
    const started = Date.now();
    let answered = false;
    const create = call(sim, '/user/tokens', {
      method: 'POST',
      as: manager,
      body: {
        name,
        policies: [
          {
            effect: 'allow',
            permission_groups: [{ id: DEMO.group.zoneRead }],
            resources: { 'com.cloudflare.api.account.zone.*': '*' },
          },
        ],
      },
    }).then((reply) => {
      answered = true;
      return reply;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The token exists on the server a second before its creator hears of it.
    expect(sim.state.tokens().some((token) => token.name === name)).toBe(true);
    expect(answered).toBe(false);
    expect((await create).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_450);
  });

  it('answers a rate-limited or faulted request after the latency too', async () => {
    sim.control.setLatency(80, 0);
    sim.control.injectFault({
      kind: 'server_error',
      status: 503,
      method: 'GET',
      path: '/user/tokens/verify',
    });
    const started = Date.now();
    expect((await get('/user/tokens/verify')).status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('is set through the control route too', async () => {
    const reply = await controlCall(sim, '/latency', 'POST', { ms: 60 });
    expect(reply.json).toMatchObject({ ok: true, latency: { latencyMs: 60, jitterMs: 0 } });
    const started = Date.now();
    await get('/user/tokens/verify');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('faults from start options', () => {
  it('arms faults before the first request', async () => {
    const armed = await startSimulator({
      faults: [{ kind: 'server_error', status: 503, method: 'GET', path: '/user/tokens/verify' }],
      latencyMs: 30,
    });
    const verify = (): Promise<number> =>
      fetch(`${armed.baseUrl}/user/tokens/verify`, { headers: auth }).then((r) => r.status);
    const started = Date.now();
    expect(await verify()).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(await verify()).toBe(200);
    await armed.close();
  });
});

describe('control route for faults', () => {
  it('injects, lists and clears faults over HTTP', async () => {
    const injected = await controlCall(sim, '/faults', 'POST', {
      kind: 'server_error',
      status: 503,
      method: 'get',
      path: '/user/tokens',
      nth: 1,
    });
    expect(injected.status).toBe(200);
    expect((await get('/user/tokens')).status).toBe(503);
    const listed = await controlCall(sim, '/faults');
    expect(listed.json['faults']).toEqual([
      expect.objectContaining({ id: injected.json['id'], hits: 1, matched: 1 }),
    ]);
    expect((await controlCall(sim, '/faults', 'DELETE')).status).toBe(200);
    expect((await controlCall(sim, '/faults')).json['faults']).toEqual([]);
  });

  it('refuses an invalid fault spec', async () => {
    expect((await controlCall(sim, '/faults', 'POST', { kind: 'server_error', status: 418 })).status).toBe(
      400,
    );
    expect((await controlCall(sim, '/faults', 'POST', { kind: 'explode' })).status).toBe(400);
  });

  it('summarises state', async () => {
    const state = await controlCall(sim, '/state');
    expect(state.json).toMatchObject({ ok: true, scenario: 'demo', users: 2, accounts: 3, zones: 12 });
  });
});

describe('offline', () => {
  it('stop() closes the port and restart() listens again on the same port with the same state', async () => {
    const created = resultObject(
      await call(sim, '/user/tokens', {
        method: 'POST',
        as: manager,
        body: {
          name: 'survives restart',
          policies: [
            {
              effect: 'allow',
              permission_groups: [{ id: DEMO.group.zoneRead }],
              resources: { 'com.cloudflare.api.account.zone.*': '*' },
            },
          ],
        },
      }),
    );
    const port = sim.port;
    await sim.stop();
    await expect(get('/user/tokens/verify')).rejects.toThrow(TypeError);
    await sim.restart();
    expect(sim.port).toBe(port);
    const verify = await call(sim, '/user/tokens/verify', { as: String(created['value']) });
    expect(verify.status).toBe(200);
  });
});
