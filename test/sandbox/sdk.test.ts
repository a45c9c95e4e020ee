/**
 * The official `cloudflare` SDK against the simulator: the request shapes Keyflare sends.
 * Every call here also passes the simulator's contract checks (startTestSimulator).
 */
import Cloudflare from 'cloudflare';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();

function tokenClient(secret: string): Cloudflare {
  // apiEmail/apiKey null: the SDK would otherwise pick CLOUDFLARE_* variables from the environment.
  return new Cloudflare({
    apiToken: secret,
    apiEmail: null,
    apiKey: null,
    baseURL: sim.baseUrl,
    maxRetries: 0,
  });
}

const manager = tokenClient(sim.credential('alice-manager').secret);

describe('official SDK', () => {
  it('lists user tokens across pages', async () => {
    sim.control.resetLog();
    const names: string[] = [];
    for await (const token of manager.user.tokens.list({ per_page: 5 })) names.push(token.name ?? '');
    expect(names).toHaveLength(9);
    expect(names).toContain('Keyflare manager (alice)');
    const pages = sim.control.requestLog().filter((entry) => entry.operation === 'GET /user/tokens');
    expect(pages.map((entry) => entry.query['page'] ?? '1')).toEqual(['1', '2', '3']);
  });

  it('verifies a user token', async () => {
    const result = await manager.user.tokens.verify();
    expect(result).toEqual({ id: sim.credential('alice-manager').tokenId, status: 'active' });
  });

  it('verifies an account-owned token at its account', async () => {
    const account = tokenClient(sim.credential('acme-account-manager').secret);
    const result = await account.accounts.tokens.verify({ account_id: DEMO.acme });
    expect(result.status).toBe('active');
    await expect(account.user.tokens.verify()).rejects.toBeInstanceOf(Cloudflare.AuthenticationError);
  });

  it('creates, gets, rolls and deletes a token with SDK-shaped bodies', async () => {
    const created = await manager.user.tokens.create({
      name: 'sdk token',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: DEMO.group.dnsWrite }, { id: DEMO.group.zoneRead }],
          resources: {
            [`com.cloudflare.api.account.${DEMO.acme}`]: { 'com.cloudflare.api.account.zone.*': '*' },
          },
        },
      ],
      condition: { request_ip: { in: ['127.0.0.1/32'] } },
      expires_on: '2099-01-01T00:00:00Z',
    });
    expect(created.value).toMatch(/^cfut_/u);
    const id = created.id ?? '';
    const fetched = await manager.user.tokens.get(id);
    expect(fetched.name).toBe('sdk token');
    const rolled = await manager.user.tokens.value.update(id);
    expect(rolled).toMatch(/^cfut_/u);
    expect(await tokenClient(rolled).user.tokens.verify()).toMatchObject({ id, status: 'active' });
    expect(await manager.user.tokens.delete(id)).toEqual({ id });
  });

  it('lists zones filtered by account and accounts with a Global API Key', async () => {
    const zones: string[] = [];
    for await (const zone of manager.zones.list({ account: { id: DEMO.alicePersonal } }))
      zones.push(zone.name);
    expect(zones).toEqual(['alice-blog.com', 'alice.dev', 'photos-alice.net']);
    const key = sim.credential('bob-global-key');
    const global = new Cloudflare({
      apiEmail: key.email ?? '',
      apiKey: key.secret,
      apiToken: null,
      baseURL: sim.baseUrl,
      maxRetries: 0,
    });
    const accounts: string[] = [];
    for await (const account of global.accounts.list()) accounts.push(account.name);
    expect(accounts).toEqual(['Acme Corp', 'Bob Studio']);
  });

  it('surfaces permission errors as PermissionDeniedError', async () => {
    const dnsOnly = tokenClient(sim.credential('alice-dns-acme').secret);
    const error: unknown = await dnsOnly.user.tokens.list().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Cloudflare.PermissionDeniedError);
    expect((error as InstanceType<typeof Cloudflare.PermissionDeniedError>).status).toBe(403);
  });
});
