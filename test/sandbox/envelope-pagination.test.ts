/**
 * Envelope, pagination, list parameters and filters, over real HTTP.
 */
import { describe, expect, it } from 'vitest';
import { call, DEMO, failure, resultList } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const manager = sim.credential('alice-manager');

describe('envelope', () => {
  it('wraps successes as {success, errors, messages, result, result_info}', async () => {
    const reply = await call(sim, '/user/tokens', { as: manager });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual([
      'errors',
      'messages',
      'result',
      'result_info',
      'success',
    ]);
    expect(reply.body.success).toBe(true);
    expect(reply.body.errors).toEqual([]);
    expect(reply.headers.get('content-type')).toBe('application/json');
  });

  it('wraps failures with integer codes and a null result', async () => {
    const reply = await call(sim, '/user/tokens', { as: 'cfut_' + 'x'.repeat(40) });
    expect(reply.body).toEqual({
      success: false,
      errors: [{ code: 10000, message: 'Authentication error' }],
      messages: [],
      result: null,
    });
  });

  it('answers unknown routes with 404/7000 and unsupported methods with 405', async () => {
    expect(failure(await call(sim, '/memberships', { as: manager }))).toMatchObject({
      status: 404,
      code: 7000,
    });
    expect(
      failure(await call(sim, '/accounts', { method: 'POST', as: manager, body: { name: 'x' } })),
    ).toMatchObject({
      status: 405,
      code: 7001,
    });
    expect(failure(await call(sim, '/user', { method: 'PATCH', as: manager, body: {} }))).toMatchObject({
      status: 405,
    });
    expect(
      failure(await call(sim, `/zones/${DEMO.zone.aliceDev}`, { method: 'DELETE', as: manager })),
    ).toMatchObject({
      status: 405,
    });
  });

  it('refuses malformed object identifiers with 7003', async () => {
    expect(failure(await call(sim, '/zones/not-an-id', { as: manager }))).toMatchObject({
      status: 400,
      code: 7003,
    });
    expect(failure(await call(sim, '/user/tokens/123', { as: manager }))).toMatchObject({
      status: 400,
      code: 7003,
    });
  });

  it('answers a body that is not JSON with 6007', async () => {
    const response = await fetch(`${sim.baseUrl}/user/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager.secret}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: Array<{ code: number }> }).errors[0]?.code).toBe(6007);
    // The malformed body is also a contract violation of the request; this test expects it.
    expect(sim.schemaViolations().at(-1)?.errors).toEqual(['(root) request body is not valid JSON']);
    sim.debug.clearSchemaViolations();
  });
});

describe('pagination', () => {
  it('defaults to page 1, 20 per page, and reports count/page/per_page/total_count', async () => {
    const reply = await call(sim, '/zones', { as: manager });
    expect(reply.body.result_info).toEqual({
      count: 8,
      page: 1,
      per_page: 20,
      total_count: 8,
      total_pages: 1,
    });
  });

  it('pages through results without overlap', async () => {
    const first = await call(sim, '/zones?per_page=5&page=1', { as: manager });
    const second = await call(sim, '/zones?per_page=5&page=2', { as: manager });
    expect(first.body.result_info).toEqual({
      count: 5,
      page: 1,
      per_page: 5,
      total_count: 8,
      total_pages: 2,
    });
    expect(second.body.result_info).toEqual({
      count: 3,
      page: 2,
      per_page: 5,
      total_count: 8,
      total_pages: 2,
    });
    const ids = [...resultList(first), ...resultList(second)].map((zone) => zone['id']);
    expect(new Set(ids).size).toBe(8);
  });

  it('returns an empty page past the end', async () => {
    const reply = await call(sim, '/zones?per_page=5&page=9', { as: manager });
    expect(resultList(reply)).toEqual([]);
    expect(reply.body.result_info).toMatchObject({ count: 0, page: 9, total_count: 8 });
  });

  it.each([
    ['/zones?per_page=4'],
    ['/zones?per_page=51'],
    ['/zones?page=0'],
    ['/zones?page=abc'],
    ['/user/tokens?per_page=100'],
    ['/accounts?per_page=2'],
    ['/user/tokens?direction=up'],
    ['/user/tokens?include_expired=yes'],
  ])('refuses %s with 400', async (path) => {
    const reply = await call(sim, path, { as: manager });
    expect(reply.status).toBe(400);
    expect(reply.body.success).toBe(false);
    expect(reply.body.errors[0]?.code).toBeGreaterThanOrEqual(1000);
  });

  it('accepts the bounds 5 and 50', async () => {
    expect((await call(sim, '/zones?per_page=5', { as: manager })).status).toBe(200);
    expect((await call(sim, '/zones?per_page=50', { as: manager })).status).toBe(200);
  });

  it('reverses the order with direction=desc', async () => {
    const asc = resultList(await call(sim, '/zones?direction=asc', { as: manager })).map((z) => z['name']);
    const desc = resultList(await call(sim, '/zones?direction=desc', { as: manager })).map((z) => z['name']);
    expect(desc).toEqual([...asc].reverse());
    expect(asc).toEqual([...asc].sort());
  });

  it('hides expired tokens unless include_expired=true', async () => {
    const names = async (query: string): Promise<unknown[]> =>
      resultList(await call(sim, `/user/tokens${query}`, { as: manager })).map((t) => t['name']);
    expect(await names('')).not.toContain('CI token 2024');
    expect(await names('?include_expired=true')).toContain('CI token 2024');
    expect((await names('?include_expired=true')).length).toBe((await names('')).length + 1);
    const accountTokens = resultList(
      await call(sim, `/accounts/${DEMO.alicePersonal}/tokens?include_expired=true`, { as: manager }),
    );
    expect(accountTokens.map((t) => t['status'])).toEqual(['expired']);
  });

  it('leaves total_pages off token and account lists (iam_result_info)', async () => {
    const reply = await call(sim, '/user/tokens', { as: manager });
    expect(reply.body.result_info).toEqual({ count: 9, page: 1, per_page: 20, total_count: 9 });
  });
});

describe('zone and account filters', () => {
  it('filters zones by account.id', async () => {
    const reply = await call(sim, `/zones?account.id=${DEMO.alicePersonal}`, { as: manager });
    expect(resultList(reply).map((z) => z['name'])).toEqual([
      'alice-blog.com',
      'alice.dev',
      'photos-alice.net',
    ]);
    for (const zone of resultList(reply))
      expect(zone['account']).toEqual({ id: DEMO.alicePersonal, name: 'Alice Personal' });
  });

  it('filters zones by exact name and by operators', async () => {
    const names = async (query: string): Promise<unknown[]> =>
      resultList(await call(sim, `/zones?${query}`, { as: manager })).map((z) => z['name']);
    expect(await names('name=acme.com')).toEqual(['acme.com']);
    expect(await names('name=contains:shop')).toEqual(['acme-shop.com']);
    expect(await names('name=starts_with:alice')).toEqual(['alice-blog.com', 'alice.dev']);
    expect(await names('name=ends_with:.net')).toEqual(['acme-status.net', 'photos-alice.net']);
    expect(await names('status=pending')).toEqual(['acme-status.net']);
    expect(await names('account.name=Acme%20Corp&name=acme.io')).toEqual(['acme.io']);
    expect(await names('match=any&name=acme.io&status=pending')).toEqual(['acme-status.net', 'acme.io']);
  });

  it('filters accounts by name', async () => {
    const reply = await call(sim, '/accounts?name=Acme%20Corp', { as: manager });
    expect(resultList(reply).map((a) => a['id'])).toEqual([DEMO.acme]);
  });
});
