/**
 * The request log: what tests can read about each call, and that it never holds a secret.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { call, controlCall, DEMO, resultObject } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const manager = sim.credential('alice-manager');

beforeEach(() => sim.control.resetLog());

describe('request log', () => {
  it('records method, path, query, operation, credential label, status and time', async () => {
    await call(sim, '/zones?per_page=5&name=acme.com', { as: manager });
    await call(sim, `/accounts/${DEMO.acme}/tokens/verify`, { as: sim.credential('acme-account-manager') });
    await call(sim, '/user', { as: sim.credential('bob-global-key') });
    const log = sim.control.requestLog();
    expect(log).toHaveLength(3);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: '/client/v4/zones',
      query: { per_page: '5', name: 'acme.com' },
      operation: 'GET /zones',
      credential: 'alice-manager',
      credentialKind: 'user_token',
      status: 200,
      fault: null,
      clientIp: '127.0.0.1',
    });
    expect(log[1]).toMatchObject({
      operation: 'GET /accounts/{account_id}/tokens/verify',
      credential: 'acme-account-manager',
      credentialKind: 'account_token',
    });
    expect(log[2]).toMatchObject({ credential: 'bob-global-key', credentialKind: 'global_key', status: 200 });
    expect(Date.parse(log[0]?.time ?? '')).not.toBeNaN();
    expect(log[0]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(log.map((entry) => entry.seq)).toEqual([...log.map((entry) => entry.seq)].sort((a, b) => a - b));
  });

  it('labels unknown secrets "unknown", anonymous calls null, and runtime tokens token:<id>', async () => {
    await call(sim, '/zones', { as: `cfut_${'U'.repeat(40)}` });
    await call(sim, '/zones');
    const created = resultObject(
      await call(sim, '/user/tokens', {
        method: 'POST',
        as: manager,
        body: {
          name: 'logged',
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
    await call(sim, '/zones', { as: String(created['value']) });
    const log = sim.control.requestLog();
    expect(log.map((entry) => [entry.credential, entry.status])).toEqual([
      ['unknown', 403],
      [null, 400],
      ['alice-manager', 200],
      [`token:${String(created['id'])}`, 200],
    ]);
  });

  it('never contains a secret, not even an unknown or rolled one', async () => {
    const unknown = `cfut_${'S'.repeat(40)}`;
    await call(sim, '/zones', { as: unknown });
    const rolled = await call(sim, `/user/tokens/${sim.credential('alice-dns-acme').tokenId ?? ''}/value`, {
      method: 'PUT',
      as: manager,
    });
    await call(sim, '/zones', { as: String(rolled.body.result) });
    await call(sim, '/user', { as: sim.credential('alice-global-key') });
    const serialised = JSON.stringify([sim.control.requestLog(), (await controlCall(sim, '/requests')).json]);
    for (const secret of [unknown, String(rolled.body.result), ...sim.credentials.map((c) => c.secret)]) {
      expect(serialised).not.toContain(secret);
    }
  });

  it('is readable and resettable over the control route', async () => {
    await call(sim, '/user/tokens/verify', { as: manager });
    const listed = await controlCall(sim, '/requests');
    expect(listed.json['requests']).toEqual([
      expect.objectContaining({ operation: 'GET /user/tokens/verify', status: 200 }),
    ]);
    await controlCall(sim, '/reset-log', 'POST');
    expect(sim.control.requestLog()).toEqual([]);
  });

  it("carries Cloudflare's default rate-limit headers (1200 per 5 minutes)", async () => {
    const reply = await call(sim, '/user/tokens/verify', { as: sim.credential('bob-manager') });
    expect(reply.headers.get('ratelimit-policy')).toBe('"default";q=1200;w=300');
    expect(reply.headers.get('ratelimit')).toMatch(/^"default";r=1199;t=(300|299)$/u);
  });
});
