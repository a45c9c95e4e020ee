/**
 * The simulator without a port: its own `fetch`, as the app's sandbox uses it. It answers like
 * the HTTP server (same handler), refuses every URL outside its origin, and delivers faults the
 * way a network would — a reset is a failed fetch, a truncated body breaks off mid-read.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createInProcessSimulator, SANDBOX_ORIGIN } from '../../src/sandbox/in-process';
import { loadSchemaValidator } from '../../src/sandbox/simulator';
import { assertNoSchemaViolations } from '../support/test-simulator';

const sim = createInProcessSimulator({ validator: await loadSchemaValidator() });
const manager = sim.credential('alice-manager');
const auth = { authorization: `Bearer ${manager.secret}` };

afterEach(() => {
  sim.control.clearFaults();
  const violations = sim.schemaViolations();
  sim.debug.clearSchemaViolations();
  assertNoSchemaViolations(violations);
});
afterAll(() => sim.close());

describe('the in-process fetch', () => {
  it('serves the Cloudflare API at the sandbox address, checked against the OpenAPI schema', async () => {
    expect(sim.baseUrl).toBe(`${SANDBOX_ORIGIN}/client/v4`);
    const response = await sim.fetch(`${sim.baseUrl}/user/tokens/verify`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-policy')).toBe('"default";q=1200;w=300');
    const body = (await response.json()) as { success: boolean; result: { status: string } };
    expect(body).toMatchObject({ success: true, result: { status: 'active' } });
    expect(sim.control.requestLog().at(-1)).toMatchObject({
      path: '/client/v4/user/tokens/verify',
      credential: 'alice-manager',
      status: 200,
    });
  });

  it('creates a token from a JSON body and returns its secret once', async () => {
    const groups = sim.state.permissionGroups();
    const zoneRead = groups.find((group) => group.name === 'Zone Read');
    const response = await sim.fetch(`${sim.baseUrl}/user/tokens`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'in-process',
        policies: [
          {
            effect: 'allow',
            resources: { 'com.cloudflare.api.account.zone.*': '*' },
            permission_groups: [{ id: zoneRead?.id }],
          },
        ],
      }),
    });
    const body = (await response.json()) as { result: { id: string; value: string } };
    expect(response.status).toBe(200);
    expect(body.result.value).toMatch(/^cfut_/u);
    expect(sim.state.token(body.result.id)?.name).toBe('in-process');
  });

  it.each([
    'https://api.cloudflare.com/client/v4/user/tokens/verify',
    'http://127.0.0.1:8787/client/v4/user/tokens/verify',
    'https://sandbox.keyflare.invalid.example.com/client/v4/user',
    'http://sandbox.keyflare.invalid/client/v4/user',
  ])('refuses %s without running anything', async (url) => {
    const before = sim.control.requestLog().length;
    await expect(sim.fetch(url, { headers: auth })).rejects.toThrow(/answers only https:\/\/sandbox/u);
    expect(sim.control.requestLog()).toHaveLength(before);
  });
});

describe('faults through the in-process fetch', () => {
  it('a reset is a failed fetch, as a dropped connection is', async () => {
    sim.control.injectFault({ kind: 'reset', path: '/user/tokens/verify' });
    await expect(sim.fetch(`${sim.baseUrl}/user/tokens/verify`, { headers: auth })).rejects.toThrow(
      TypeError,
    );
    // The client saw no status: the log says so.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sim.control.requestLog().at(-1)).toMatchObject({ fault: 'reset', status: null });
  });

  it('a truncated reply has its headers, then the body breaks off', async () => {
    sim.control.injectFault({ kind: 'truncated', path: '/user/tokens' });
    const response = await sim.fetch(`${sim.baseUrl}/user/tokens`, { headers: auth });
    expect(response.status).toBe(200);
    const declared = Number(response.headers.get('content-length'));
    expect(declared).toBeGreaterThan(100);
    await expect(response.text()).rejects.toThrow(/fetch failed|terminated|reset/u);
  });

  it('a slow drip arrives a chunk at a time and whole', async () => {
    sim.control.injectFault({
      kind: 'slow_drip',
      intervalMs: 1,
      chunkBytes: 64,
      path: '/user/tokens/verify',
    });
    const response = await sim.fetch(`${sim.baseUrl}/user/tokens/verify`, { headers: auth });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.byteLength <= 64)).toBe(true);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ success: true });
  });

  it('a hang is abandoned by the caller’s signal, and the simulator logs that nothing was answered', async () => {
    sim.control.injectFault({ kind: 'hang', ms: 60_000, path: '/user/tokens/verify' });
    const stop = new AbortController();
    const call = sim.fetch(`${sim.baseUrl}/user/tokens/verify`, { headers: auth, signal: stop.signal });
    setTimeout(() => stop.abort(), 20);
    await expect(call).rejects.toThrow(/abort/iu);
    // The hang still ends (released at close); the client is gone, so nothing counts as answered.
  });

  it('an oversized reply streams with back-pressure and stops when the reader cancels', async () => {
    sim.control.injectFault({ kind: 'oversized', bytes: 20 * 1024 * 1024, path: '/user/tokens' });
    const response = await sim.fetch(`${sim.baseUrl}/user/tokens`, { headers: auth });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let read = 0;
    while (read < 1024 * 1024) {
      const next = await reader.read();
      if (next.done) break;
      read += next.value.byteLength;
    }
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.control.requestLog().at(-1)).toMatchObject({ fault: 'oversized', status: null });
  });
});
