/**
 * Faults of a broken or hostile API, on the wire: the edge's HTML error page, 429 with any
 * retry-after, answers cut off, with a null or missing result, with wrong types, with a lying
 * result_info, 50 MB long or trickled a byte at a time — and random faults drawn from a seed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/sandbox/simulator';
import { controlCall } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const manager = sim.credential('alice-manager');
const auth = { authorization: `Bearer ${manager.secret}` };

afterEach(() => {
  sim.control.clearFaults();
});

function get(path: string, base = sim.baseUrl): Promise<Response> {
  return fetch(`${base}${path}`, { headers: auth });
}

async function json(path: string): Promise<Record<string, unknown>> {
  return (await (await get(path)).json()) as Record<string, unknown>;
}

describe('edge and rate-limit faults', () => {
  it('html_error serves the edge’s HTML page, not JSON', async () => {
    sim.control.injectFault({ kind: 'html_error', status: 522, path: '/user/tokens' });
    const response = await get('/user/tokens');
    expect(response.status).toBe(522);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/u);
    const text = await response.text();
    expect(text).toMatch(/^<!DOCTYPE html>/u);
    expect(text).toContain('Error code 522');
  });

  it.each(['0', 'Thu, 01 Jan 1970 00:00:00 GMT', '1e20', '99999999999'])(
    'too_many_requests sends 429 code 971 with retry-after: %s as given',
    async (retryAfter) => {
      sim.control.injectFault({ kind: 'too_many_requests', retryAfter, path: '/user' });
      const response = await get('/user');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe(retryAfter);
      expect(await response.json()).toMatchObject({ success: false, errors: [{ code: 971 }] });
      expect(sim.control.requestLog().at(-1)).toMatchObject({ status: 429, fault: 'too_many_requests' });
    },
  );

  it('too_many_requests without retryAfter sends no retry-after at all', async () => {
    sim.control.injectFault({ kind: 'too_many_requests', path: '/user' });
    const response = await get('/user');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBeNull();
  });
});

describe('answer faults run the operation and break its answer', () => {
  it('truncated: the body stops halfway and the connection drops', async () => {
    sim.control.injectFault({ kind: 'truncated', path: '/user/tokens' });
    const response = await get('/user/tokens');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it.each([
    ['null', (body: Record<string, unknown>) => expect(body['result']).toBeNull()],
    ['missing', (body: Record<string, unknown>) => expect('result' in body).toBe(false)],
  ] as const)('no_result %s: success true without a result, result_info kept', async (result, check) => {
    sim.control.injectFault({ kind: 'no_result', result, path: '/user/tokens' });
    const body = await json('/user/tokens');
    expect(body).toMatchObject({ success: true, result_info: { page: 1 } });
    check(body);
  });

  it('leaves an error answer as it was', async () => {
    sim.control.injectFault({ kind: 'no_result', result: 'null', path: '/user/tokens' });
    const response = await fetch(`${sim.baseUrl}/user/tokens`, {
      headers: { authorization: `Bearer ${sim.credential('alice-dns-acme').secret}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ success: false, errors: [{ code: 9109 }] });
  });

  it('wrong_types: a list as an object, ids as numbers, the result as a string', async () => {
    sim.control.injectFault({ kind: 'wrong_types', variant: 'list_as_object', path: '/user/tokens' });
    const listed = await json('/user/tokens');
    expect(Array.isArray(listed['result'])).toBe(false);
    expect(listed['result']).toHaveProperty('0.id', expect.any(String));

    sim.control.injectFault({ kind: 'wrong_types', variant: 'list_as_object', path: '/user' });
    expect((await json('/user'))['result']).toEqual([
      expect.objectContaining({ email: 'alice@example.com' }),
    ]);

    sim.control.injectFault({ kind: 'wrong_types', variant: 'numeric_ids', path: '/user/tokens' });
    const numbered = (await json('/user/tokens'))['result'] as {
      id: unknown;
      policies: { id: unknown }[];
    }[];
    expect(numbered.every((token) => typeof token.id === 'number')).toBe(true);
    expect(numbered[0]?.policies.every((policy) => typeof policy.id === 'number')).toBe(true);

    sim.control.injectFault({ kind: 'wrong_types', variant: 'string_result', path: '/user' });
    expect(typeof (await json('/user'))['result']).toBe('string');
  });

  it('lying_result_info replaces the counts with any number, absurd ones included', async () => {
    sim.control.injectFault({
      kind: 'lying_result_info',
      totalCount: 1e300,
      totalPages: -3,
      count: 2.5,
      path: '/zones',
    });
    const response = await get('/zones');
    const text = await response.text();
    expect(text).toContain('"total_count":1e+300');
    const body = JSON.parse(text) as { result: unknown[]; result_info: Record<string, number> };
    expect(body.result_info).toMatchObject({ total_count: 1e300, total_pages: -3, count: 2.5, page: 1 });
    expect(body.result.length).toBeGreaterThan(0);
  });

  it('oversized: a valid reply of the given size, streamed, with the real result at its end', async () => {
    sim.control.injectFault({ kind: 'oversized', bytes: 3_000_000, path: '/user/tokens' });
    const response = await get('/user/tokens');
    expect(response.headers.get('content-length')).toBeNull();
    const text = await response.text();
    expect(text.length).toBe(3_000_000);
    const body = JSON.parse(text) as { success: boolean; result: unknown[] };
    expect(body.success).toBe(true);
    expect(body.result.length).toBeGreaterThan(3);

    sim.control.injectFault({ kind: 'oversized', bytes: 100_000, declareLength: true, path: '/user' });
    const declared = await get('/user');
    expect(declared.headers.get('content-length')).toBe('100000');
    expect((await declared.text()).length).toBe(100_000);
  });

  it('oversized stops writing once the client hangs up', async () => {
    sim.control.injectFault({ kind: 'oversized', bytes: 500_000_000, path: '/user' });
    const controller = new AbortController();
    const response = await fetch(`${sim.baseUrl}/user`, { headers: auth, signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await expect.poll(() => sim.control.requestLog().at(-1)?.status, { timeout: 2000 }).toBeNull();
  });

  it('slow_drip: every chunk is prompt, the whole answer is slow and intact', async () => {
    sim.control.injectFault({ kind: 'slow_drip', intervalMs: 20, chunkBytes: 40, path: '/user' });
    const started = Date.now();
    const response = await get('/user');
    expect(Date.now() - started).toBeLessThan(500);
    const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
    const gaps: number[] = [];
    const chunks: Uint8Array[] = [];
    let last = Date.now();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      gaps.push(Date.now() - last);
      last = Date.now();
      chunks.push(chunk.value);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    expect(JSON.parse(text)).toMatchObject({ success: true, result: { email: 'alice@example.com' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(Math.floor(text.length / 40) * 20 - 50);
    expect(Math.max(...gaps)).toBeLessThan(500);
  });
});

describe('random faults', () => {
  it('fire with the given probability, the same way for the same seed', async () => {
    const run = async (seed: number): Promise<number[]> => {
      const seeded = await startSimulator({
        faultSeed: seed,
        faults: [{ kind: 'server_error', status: 503, path: '/user', times: 'always', probability: 0.3 }],
      });
      const statuses: number[] = [];
      for (let i = 0; i < 60; i += 1) statuses.push((await get('/user', seeded.baseUrl)).status);
      await seeded.close();
      return statuses;
    };
    const first = await run(7);
    expect(await run(7)).toEqual(first);
    const failed = first.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(35);
    expect(await run(8)).not.toEqual(first);
  });

  it('are armed through the control route too, and bad specs are refused', async () => {
    const armed = await controlCall(sim, '/faults', 'POST', {
      kind: 'too_many_requests',
      retryAfter: '0',
      path: '/user',
      probability: 1,
    });
    expect(armed.status).toBe(200);
    expect((await get('/user')).status).toBe(429);
    for (const bad of [
      { kind: 'server_error', status: 503, probability: 0 },
      { kind: 'server_error', status: 503, probability: 1.5 },
      { kind: 'html_error', status: 418 },
      { kind: 'no_result', result: 'empty' },
      { kind: 'slow_drip', intervalMs: 0 },
    ])
      expect((await controlCall(sim, '/faults', 'POST', bad)).status).toBe(400);
    expect(() => sim.control.injectFault({ kind: 'oversized', bytes: -1 })).toThrow(/invalid fault/u);
  });
});
