/**
 * Every way a Cloudflare call fails, mapped to a contract error code the UI can act on —
 * against the simulator over real HTTP. Also: writes are never sent twice.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCloudflareGateway, type CloudflareClient } from '../../../src/main/core/cloudflare/gateway';
import { systemClock } from '../../../src/main/core/ports';
import type { AppError } from '../../../src/shared/errors';
import { DEFAULT_RATE_LIMIT } from '../../../src/sandbox';
import { startTestSimulator } from '../../support/test-simulator';

const sim = await startTestSimulator({ scenario: 'demo' });
const USER = { kind: 'user' } as const;

beforeEach(() => {
  sim.control.clearFaults();
  sim.control.setRateLimit(DEFAULT_RATE_LIMIT);
  sim.control.setLatency(0, 0);
  sim.control.resetLog();
});
afterEach(() => sim.control.clearFaults());

function gateway(options: { timeoutMs?: number } = {}): ReturnType<typeof createCloudflareGateway> {
  return createCloudflareGateway({
    fetch: globalThis.fetch,
    clock: systemClock,
    backoffBaseMs: 10,
    timeoutMs: options.timeoutMs ?? 5000,
  });
}

function clientFor(
  label: string,
  baseUrl = sim.baseUrl,
  options: { timeoutMs?: number } = {},
): CloudflareClient {
  const credential = sim.credential(label);
  return gateway(options).forCredential(
    baseUrl,
    credential.kind === 'global_key'
      ? { kind: 'global_key', email: credential.email ?? '', key: credential.secret }
      : { kind: 'secret', token: credential.secret },
  );
}

async function failure(work: Promise<unknown>): Promise<AppError> {
  return work.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error as AppError,
  );
}

async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${address.port}/client/v4`;
}

describe('Cloudflare errors become contract codes', () => {
  it('401 / 1000 at verify: AUTH_INVALID with Cloudflare’s code and message', async () => {
    const error = await failure(clientFor('alice-disabled').tokens(USER).verify());
    expect(error).toMatchObject({
      code: 'AUTH_INVALID',
      details: { status: 401, cloudflare: [{ code: 1000, message: 'Invalid API Token' }] },
    });
  });

  it('403 / 10000 for a credential that does not authenticate: AUTH_INVALID', async () => {
    const error = await failure(clientFor('alice-disabled').listAccounts(1, 50));
    expect(error).toMatchObject({
      code: 'AUTH_INVALID',
      details: { status: 403, cloudflare: [{ code: 10000 }] },
    });
  });

  it('403 / 9109 for a valid credential lacking permission: PERMISSION_DENIED', async () => {
    const error = await failure(clientFor('alice-dns-acme').tokens(USER).list(1, 50));
    expect(error).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: expect.stringContaining('not allowed'),
      details: { status: 403, cloudflare: [{ code: 9109 }] },
    });
  });

  it('403 for an unknown Global API Key: AUTH_INVALID', async () => {
    const client = gateway().forCredential(sim.baseUrl, {
      kind: 'global_key',
      email: 'alice@example.com',
      key: 'ffffffffffffffffffffffffffffffffffff1',
    });
    await expect(failure(client.getUser())).resolves.toMatchObject({
      code: 'AUTH_INVALID',
      details: { cloudflare: [{ code: 9103 }] },
    });
  });

  it('404: NOT_FOUND', async () => {
    await expect(
      failure(clientFor('alice-manager').tokens(USER).get('0123456789abcdef0123456789abcdef')),
    ).resolves.toMatchObject({
      code: 'NOT_FOUND',
      details: { status: 404 },
    });
  });

  it('400: VALIDATION carrying Cloudflare’s message', async () => {
    const error = await failure(clientFor('alice-manager').tokens(USER).list(1, 100));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('per_page'),
      details: { status: 400 },
    });
  });

  it('429: RATE_LIMITED with retryAt from retry-after, and later calls refused without a request', async () => {
    sim.control.setRateLimit({ limit: 1, windowMs: 30_000 });
    // Another program using the same credential spent the window.
    await fetch(`${sim.baseUrl}/user`, {
      headers: { authorization: `Bearer ${sim.credential('alice-manager').secret}` },
    });
    const client = clientFor('alice-manager');
    const error = await failure(client.getUser());
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      details: { status: 429, retryAt: expect.any(String) },
    });
    const retryAt = Date.parse(error.details?.retryAt ?? '');
    expect(retryAt).toBeGreaterThan(Date.now() + 25_000);
    expect(Math.abs((client.rateLimitedUntil()?.getTime() ?? 0) - retryAt)).toBeLessThan(1000);
    expect(sim.control.requestLog().filter((e) => e.status === 429)).toHaveLength(1);
    const sent = sim.control.requestLog().length;
    await expect(failure(client.listAccounts(1, 50))).resolves.toMatchObject({ code: 'RATE_LIMITED' });
    expect(sim.control.requestLog().length).toBe(sent);
  });

  it('a server that says its quota is spent holds the next call back instead of drawing a 429', async () => {
    sim.control.setRateLimit({ limit: 1, windowMs: 30_000 });
    const client = clientFor('alice-manager');
    await client.getUser();
    await expect(failure(client.getUser())).resolves.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('holding calls'),
    });
    expect(sim.control.requestLog()).toHaveLength(1);
  });

  it('5xx: retried with backoff, then UPSTREAM', async () => {
    sim.control.injectFault({ kind: 'server_error', status: 503, path: '/user', times: 'always' });
    const error = await failure(clientFor('alice-manager').getUser());
    expect(error).toMatchObject({ code: 'UPSTREAM', details: { status: 503 } });
    expect(sim.control.requestLog()).toHaveLength(3);
  });

  it('a malformed body: retried, then read', async () => {
    sim.control.injectFault({ kind: 'malformed_json', path: '/user', times: 1 });
    await expect(clientFor('alice-manager').getUser()).resolves.toMatchObject({ email: 'alice@example.com' });
    expect(sim.control.requestLog()).toHaveLength(2);
  });

  it('a hang: abandoned after the timeout, TIMEOUT', async () => {
    sim.control.injectFault({ kind: 'hang', ms: 5000, path: '/user', times: 'always' });
    const started = Date.now();
    const error = await failure(clientFor('alice-manager', sim.baseUrl, { timeoutMs: 200 }).getUser());
    expect(error).toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('connection refused: OFFLINE', async () => {
    const error = await failure(clientFor('alice-manager', await closedPortUrl()).getUser());
    expect(error).toMatchObject({
      code: 'OFFLINE',
      message: expect.stringContaining('cannot reach Cloudflare'),
    });
  });

  it('a host that does not resolve: OFFLINE', async () => {
    const error = await failure(
      clientFor('alice-manager', 'https://keyflare-test.invalid/client/v4').getUser(),
    );
    expect(error.code).toBe('OFFLINE');
  });

  it('a cancelled call: CANCELLED', async () => {
    sim.control.setLatency(500, 0);
    const controller = new AbortController();
    const pending = failure(clientFor('alice-manager').getUser({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    await expect(pending).resolves.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('writes', () => {
  const body = (
    name: string,
  ): {
    name: string;
    policies: { effect: 'allow'; permission_groups: { id: string }[]; resources: Record<string, string> }[];
  } => ({
    name,
    policies: [
      {
        effect: 'allow',
        permission_groups: [
          { id: sim.state.permissionGroups().find((g) => g.name === 'Zone Read')?.id ?? '' },
        ],
        resources: { 'com.cloudflare.api.account.zone.*': '*' },
      },
    ],
  });

  it('are never retried: a 5xx after the server acted is UNCERTAIN, sent once', async () => {
    sim.control.injectFault({
      kind: 'server_error',
      status: 500,
      method: 'POST',
      path: '/user/tokens',
      phase: 'after',
      times: 'always',
    });
    const error = await failure(clientFor('alice-manager').tokens(USER).create(body('uncertain token')));
    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'create' } });
    expect(sim.control.requestLog().filter((e) => e.method === 'POST')).toHaveLength(1);
    expect(sim.state.tokens().filter((t) => t.name === 'uncertain token')).toHaveLength(1);
  });

  it('a reset roll is UNCERTAIN and sent once', async () => {
    const tokenId = sim.credential('alice-legacy').tokenId ?? '';
    sim.control.injectFault({
      kind: 'reset',
      method: 'PUT',
      path: '/user/tokens/{token_id}/value',
      phase: 'after',
    });
    const error = await failure(clientFor('alice-manager').tokens(USER).roll(tokenId));
    expect(error).toMatchObject({ code: 'UNCERTAIN', details: { operation: 'roll' } });
    expect(sim.control.requestLog().filter((e) => e.method === 'PUT')).toHaveLength(1);
  });

  it('create returns the new token and its secret once; roll returns the new secret', async () => {
    const client = clientFor('alice-manager');
    const created = await client.tokens(USER).create(body('fresh one'));
    expect(created.secret).toEqual(expect.any(String));
    expect(created.token).toMatchObject({ name: 'fresh one', status: 'active' });
    expect(JSON.stringify(created.token)).not.toContain(created.secret);
    const rolled = await client.tokens(USER).roll(created.token.id);
    expect(rolled).not.toBe(created.secret);
    await expect(client.tokens(USER).delete(created.token.id)).resolves.toEqual({ id: created.token.id });
  });
});
