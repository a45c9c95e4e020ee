/**
 * Authentication: bearer tokens, Global API Keys, malformed headers, unusable secrets,
 * request_ip conditions, and which verify endpoint accepts which secret.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, controlCall, DEMO, failure, resultObject } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const cred = (label: string): ReturnType<typeof sim.credential> => sim.credential(label);

afterEach(() => sim.control.setClientIp(null));

describe('both credential forms', () => {
  it('accepts a bearer token', async () => {
    const reply = await call(sim, '/user', { as: cred('alice-manager') });
    expect(reply.status).toBe(200);
    expect(resultObject(reply)).toMatchObject({ id: DEMO.alice, email: 'alice@example.com' });
  });

  it('accepts X-Auth-Email + X-Auth-Key as the user with full access', async () => {
    const key = cred('alice-global-key');
    expect(resultObject(await call(sim, '/user', { as: key }))['email']).toBe('alice@example.com');
    expect((await call(sim, '/user/tokens', { as: key })).status).toBe(200);
    expect((await call(sim, `/accounts/${DEMO.acme}/tokens`, { as: key })).status).toBe(200);
    // Full access ends at the user's memberships.
    expect(failure(await call(sim, `/accounts/${DEMO.bobStudio}/tokens`, { as: key }))).toMatchObject({
      status: 403,
      code: 9109,
    });
  });

  it('accepts the cfk_ key form and matches the email case-insensitively', async () => {
    const key = cred('bob-global-key');
    const reply = await call(sim, '/user', {
      headers: { 'x-auth-email': 'BOB@example.net', 'x-auth-key': key.secret },
    });
    expect(resultObject(reply)['id']).toBe(DEMO.bob);
  });

  it('accepts a legacy token without prefix', async () => {
    expect((await call(sim, '/zones', { as: cred('alice-legacy') })).status).toBe(200);
  });

  it('refuses a Global API Key with another user email (9103)', async () => {
    const reply = await call(sim, '/user', {
      headers: { 'x-auth-email': 'bob@example.net', 'x-auth-key': cred('alice-global-key').secret },
    });
    expect(failure(reply)).toEqual({
      status: 403,
      code: 9103,
      message: 'Unknown X-Auth-Key or X-Auth-Email',
    });
  });

  it('answers no credentials with 400/9106', async () => {
    expect(failure(await call(sim, '/user'))).toMatchObject({ status: 400, code: 9106 });
  });
});

describe('malformed headers', () => {
  it.each([
    ['Basic dXNlcjpwYXNz'],
    ['Bearer'],
    ['Bearer '],
    ['Bearer two words-0000000000000000000000000000000000000'],
    ['Bearer a11ce0000000000000000000000000000000d'],
    ['cfut_demoAliceManager000000000000000000000000'],
  ])('refuses Authorization "%s" with 6003 + error_chain 6111', async (value) => {
    const reply = await call(sim, '/user/tokens', { headers: { authorization: value } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      {
        code: 6003,
        message: 'Invalid request headers',
        error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }],
      },
    ]);
  });

  it('gives the same 6003/6111 on the verify endpoint', async () => {
    const reply = await call(sim, '/user/tokens/verify', { headers: { authorization: 'Token abc' } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0]?.error_chain?.[0]?.code).toBe(6111);
  });

  it('refuses a malformed X-Auth-Key (6103) or X-Auth-Email (6102)', async () => {
    const badKey = await call(sim, '/user', {
      headers: { 'x-auth-email': 'alice@example.com', 'x-auth-key': 'short' },
    });
    expect(badKey.body.errors[0]).toMatchObject({ code: 6003, error_chain: [{ code: 6103 }] });
    const badEmail = await call(sim, '/user', {
      headers: { 'x-auth-email': 'not-an-email', 'x-auth-key': cred('alice-global-key').secret },
    });
    expect(badEmail.body.errors[0]).toMatchObject({ code: 6003, error_chain: [{ code: 6102 }] });
  });
});

describe('secrets that do not authenticate', () => {
  const unusable = ['alice-disabled', 'alice-expired', 'alice-not-yet-valid'];

  it.each(unusable)('%s gets 401/1000 "Invalid API Token" at verify', async (label) => {
    const reply = await call(sim, '/user/tokens/verify', { as: cred(label) });
    expect(failure(reply)).toEqual({ status: 401, code: 1000, message: 'Invalid API Token' });
  });

  it.each(unusable)('%s gets 403/10000 "Authentication error" elsewhere', async (label) => {
    const reply = await call(sim, '/zones', { as: cred(label) });
    expect(failure(reply)).toEqual({ status: 403, code: 10000, message: 'Authentication error' });
  });

  it('treats an unknown secret the same way', async () => {
    const secret = `cfut_${'Q'.repeat(40)}`;
    expect(failure(await call(sim, '/user/tokens/verify', { as: secret }))).toMatchObject({
      status: 401,
      code: 1000,
    });
    expect(failure(await call(sim, '/user/tokens', { as: secret }))).toMatchObject({
      status: 403,
      code: 10000,
    });
  });

  it('refuses a disabled account-owned token at its own verify endpoint', async () => {
    const reply = await call(sim, `/accounts/${DEMO.acme}/tokens/verify`, { as: cred('acme-disabled-bot') });
    expect(failure(reply)).toMatchObject({ status: 401, code: 1000 });
  });

  it('reports the computed status: an expired token is listed as expired', async () => {
    const reply = await call(sim, `/user/tokens/${cred('alice-expired').tokenId ?? ''}`, {
      as: cred('alice-manager'),
    });
    expect(resultObject(reply)).toMatchObject({ status: 'expired', expires_on: '2024-12-31T23:59:59Z' });
    const notYet = await call(sim, `/user/tokens/${cred('alice-not-yet-valid').tokenId ?? ''}`, {
      as: cred('alice-manager'),
    });
    expect(resultObject(notYet)).toMatchObject({ status: 'active', not_before: '2099-01-01T00:00:00Z' });
  });
});

describe('verify endpoints', () => {
  it('verifies an active user token with the documented message', async () => {
    const reply = await call(sim, '/user/tokens/verify', { as: cred('alice-manager') });
    expect(reply.status).toBe(200);
    expect(reply.body.result).toEqual({ id: cred('alice-manager').tokenId, status: 'active' });
    expect(reply.body.messages[0]?.message).toBe('This API Token is valid and active');
  });

  it('returns expires_on and not_before when the token has them', async () => {
    const created = await call(sim, '/user/tokens', {
      method: 'POST',
      as: cred('alice-manager'),
      body: {
        name: 'dated',
        not_before: '2020-01-01T00:00:00Z',
        expires_on: '2098-01-01T00:00:00Z',
        policies: [
          {
            effect: 'allow',
            permission_groups: [{ id: DEMO.group.zoneRead }],
            resources: { 'com.cloudflare.api.account.zone.*': '*' },
          },
        ],
      },
    });
    const secret = String(resultObject(created)['value']);
    const reply = await call(sim, '/user/tokens/verify', { as: secret });
    expect(reply.body.result).toEqual({
      id: resultObject(created)['id'],
      status: 'active',
      not_before: '2020-01-01T00:00:00Z',
      expires_on: '2098-01-01T00:00:00Z',
    });
  });

  it('refuses an account-owned secret at /user/tokens/verify with 401/1000', async () => {
    const reply = await call(sim, '/user/tokens/verify', { as: cred('acme-account-manager') });
    expect(failure(reply)).toEqual({ status: 401, code: 1000, message: 'Invalid API Token' });
  });

  it('verifies an account-owned secret only at its own account', async () => {
    const token = cred('acme-account-manager');
    const own = await call(sim, `/accounts/${DEMO.acme}/tokens/verify`, { as: token });
    expect(own.status).toBe(200);
    expect(own.body.result).toEqual({ id: token.tokenId, status: 'active' });
    const other = await call(sim, `/accounts/${DEMO.bobStudio}/tokens/verify`, { as: token });
    expect(failure(other)).toMatchObject({ status: 401, code: 1000 });
  });

  it('refuses a user token at an account verify endpoint', async () => {
    const reply = await call(sim, `/accounts/${DEMO.acme}/tokens/verify`, { as: cred('alice-manager') });
    expect(failure(reply)).toMatchObject({ status: 401, code: 1000 });
  });

  it('refuses a Global API Key at verify (tokens only)', async () => {
    const reply = await call(sim, '/user/tokens/verify', { as: cred('alice-global-key') });
    expect(failure(reply)).toEqual({ status: 400, code: 1001, message: 'Missing "Authorization" header' });
  });
});

describe('request_ip conditions', () => {
  const token = (): ReturnType<typeof sim.credential> => cred('alice-ip-restricted');

  it('refuses the token from 127.0.0.1 with 9109 naming the address', async () => {
    const reply = await call(sim, '/zones', { as: token() });
    expect(failure(reply)).toEqual({
      status: 403,
      code: 9109,
      message: 'Cannot use the access token from location: 127.0.0.1',
    });
    expect(failure(await call(sim, '/user/tokens/verify', { as: token() }))).toMatchObject({
      status: 403,
      code: 9109,
    });
  });

  it('accepts addresses inside `in` (IPv4 and IPv6)', async () => {
    sim.control.setClientIp('203.0.113.7');
    expect((await call(sim, '/zones', { as: token() })).status).toBe(200);
    sim.control.setClientIp('2001:db8::42');
    expect((await call(sim, '/user/tokens/verify', { as: token() })).status).toBe(200);
  });

  it('refuses addresses in `not_in` even when inside `in`', async () => {
    sim.control.setClientIp('203.0.113.99');
    expect(failure(await call(sim, '/zones', { as: token() }))).toMatchObject({ status: 403, code: 9109 });
  });

  it('refuses addresses outside `in`', async () => {
    sim.control.setClientIp('198.51.100.1');
    expect(failure(await call(sim, '/zones', { as: token() }))).toMatchObject({ status: 403, code: 9109 });
    sim.control.setClientIp('2001:db9::1');
    expect(failure(await call(sim, '/zones', { as: token() }))).toMatchObject({ status: 403, code: 9109 });
  });

  it('can be steered through the control route', async () => {
    expect((await controlCall(sim, '/client-ip', 'POST', { ip: '203.0.113.8' })).status).toBe(200);
    expect((await call(sim, '/zones', { as: token() })).status).toBe(200);
    expect((await controlCall(sim, '/client-ip', 'POST', { ip: 'nonsense' })).status).toBe(400);
    expect((await controlCall(sim, '/client-ip', 'POST', { ip: null })).status).toBe(200);
    expect((await call(sim, '/zones', { as: token() })).status).toBe(403);
  });

  it('does not restrict tokens without a condition', async () => {
    sim.control.setClientIp('198.51.100.1');
    expect((await call(sim, '/zones', { as: cred('alice-manager') })).status).toBe(200);
  });
});
