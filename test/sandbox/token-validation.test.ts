/**
 * Create/update validation as Cloudflare applies it: names, policies, permission group
 * scopes, resource forms and ownership, CIDRs, dates, quotas.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { generateLargeScenario } from '../../src/sandbox/large-scenario';
import { startSimulator } from '../../src/sandbox/simulator';
import { call, DEMO, failure, resultObject, type CfReply } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const manager = sim.credential('alice-manager');
const acmeManager = sim.credential('acme-account-manager');

type Policy = {
  effect: string;
  permission_groups: Array<{ id: string }>;
  resources: Record<string, unknown>;
  id?: string;
};

const zonePolicy = (resources: Record<string, unknown>, groupId: string = DEMO.group.dnsWrite): Policy => ({
  effect: 'allow',
  permission_groups: [{ id: groupId }],
  resources,
});
const allZones = zonePolicy({ 'com.cloudflare.api.account.zone.*': '*' });

function createUser(body: unknown): Promise<CfReply> {
  return call(sim, '/user/tokens', { method: 'POST', as: manager, body });
}

function createAccount(body: unknown, account: string = DEMO.acme): Promise<CfReply> {
  return call(sim, `/accounts/${account}/tokens`, { method: 'POST', as: acmeManager, body });
}

async function expectInvalid(reply: Promise<CfReply>, message: string | RegExp): Promise<void> {
  const result = await reply;
  expect(failure(result)).toMatchObject({ status: 400, code: 1001 });
  expect(result.body.errors[0]?.message).toMatch(message);
}

/** Bodies that also break the OpenAPI schema leave request violations; the test checks and clears them. */
function takeRequestViolations(): string[] {
  const violations = sim.schemaViolations().filter((v) => v.direction === 'request');
  sim.debug.clearSchemaViolations();
  return violations.flatMap((v) => v.errors);
}

afterEach(() => {
  expect(sim.schemaViolations().filter((v) => v.direction === 'response')).toEqual([]);
});

describe('name', () => {
  it('is required', async () => {
    await expectInvalid(createUser({ policies: [allZones] }), 'name is required');
    expect(takeRequestViolations()).toEqual([expect.stringContaining("must have required property 'name'")]);
  });

  it('is at most 120 characters', async () => {
    await expectInvalid(createUser({ name: 'n'.repeat(121), policies: [allZones] }), 'at most 120');
    expect(takeRequestViolations()).toEqual([
      expect.stringContaining('/name must NOT have more than 120 characters'),
    ]);
    expect((await createUser({ name: 'n'.repeat(120), policies: [allZones] })).status).toBe(200);
  });
});

describe('policies', () => {
  it('must not be empty', async () => {
    await expectInvalid(createUser({ name: 'x', policies: [] }), 'at least one policy');
  });

  it('need an effect and at least one permission group and resource', async () => {
    await expectInvalid(createUser({ name: 'x', policies: [{ ...allZones, effect: 'maybe' }] }), 'effect');
    await expectInvalid(
      createUser({ name: 'x', policies: [{ ...allZones, permission_groups: [] }] }),
      'permission_groups',
    );
    await expectInvalid(createUser({ name: 'x', policies: [{ ...allZones, resources: {} }] }), 'resources');
    takeRequestViolations();
  });

  it('must reference existing permission groups', async () => {
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [zonePolicy({ 'com.cloudflare.api.account.zone.*': '*' }, 'f'.repeat(32))],
      }),
      /does not exist/u,
    );
  });

  it('may not carry policy ids on create', async () => {
    await expectInvalid(
      createUser({ name: 'x', policies: [{ ...allZones, id: 'beefcafe1337beefcafe1337beefcafe' }] }),
      'Reusing existing policies is not supported by token creation',
    );
  });
});

describe('permission group scope must fit the resources', () => {
  it('refuses a zone-scoped group on an account resource', async () => {
    await expectInvalid(
      createUser({ name: 'x', policies: [zonePolicy({ [`com.cloudflare.api.account.${DEMO.acme}`]: '*' })] }),
      /"DNS Write".*com\.cloudflare\.api\.account resource/u,
    );
  });

  it('refuses an account-scoped group on zone resources', async () => {
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [zonePolicy({ 'com.cloudflare.api.account.zone.*': '*' }, DEMO.group.accountSettingsRead)],
      }),
      /"Account Settings Read"/u,
    );
  });

  it('refuses a user-scoped group on anything but the user', async () => {
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [zonePolicy({ 'com.cloudflare.api.account.*': '*' }, DEMO.group.apiTokensWrite)],
      }),
      /"API Tokens Write"/u,
    );
    const ok = await createUser({
      name: 'user scoped',
      policies: [zonePolicy({ [`com.cloudflare.api.user.${DEMO.alice}`]: '*' }, DEMO.group.apiTokensWrite)],
    });
    expect(ok.status).toBe(200);
  });

  it('distinguishes same-named groups by scope (Logs Read)', async () => {
    const onZones = await createUser({
      name: 'logs',
      policies: [zonePolicy({ 'com.cloudflare.api.account.zone.*': '*' }, DEMO.group.logsReadZone)],
    });
    expect(onZones.status).toBe(200);
    await expectInvalid(
      createUser({
        name: 'logs',
        policies: [zonePolicy({ 'com.cloudflare.api.account.zone.*': '*' }, DEMO.group.logsReadAccount)],
      }),
      /"Logs Read"/u,
    );
  });
});

describe('resources', () => {
  it('accept the nested form: all zones of an account', async () => {
    const reply = await createUser({
      name: 'nested',
      policies: [
        zonePolicy({
          [`com.cloudflare.api.account.${DEMO.acme}`]: { 'com.cloudflare.api.account.zone.*': '*' },
        }),
      ],
    });
    expect(reply.status).toBe(200);
    const secret = String(resultObject(reply)['value']);
    const zones = await call(sim, '/zones', { as: secret });
    expect(zones.body.result_info?.['total_count']).toBe(5);
  });

  it('refuse a nested zone that is not in the named account', async () => {
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [
          zonePolicy({
            [`com.cloudflare.api.account.${DEMO.alicePersonal}`]: {
              [`com.cloudflare.api.account.zone.${DEMO.zone.acmeCom}`]: '*',
            },
          }),
        ],
      }),
      /not in account/u,
    );
  });

  it('refuse unknown keys, non-* values and unknown zones', async () => {
    await expectInvalid(
      createUser({ name: 'x', policies: [zonePolicy({ 'com.example.zone.1': '*' })] }),
      /unknown resource key/u,
    );
    await expectInvalid(
      createUser({ name: 'x', policies: [zonePolicy({ 'com.cloudflare.api.account.zone.*': 'read' })] }),
      /must be "\*"/u,
    );
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [zonePolicy({ [`com.cloudflare.api.account.zone.${'d'.repeat(32)}`]: '*' })],
      }),
      /no such zone/u,
    );
  });

  it('refuse accounts and zones the user is not a member of', async () => {
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [zonePolicy({ [`com.cloudflare.api.account.zone.${DEMO.zone.bobStudioIo}`]: '*' })],
      }),
      /Failed common permission check/u,
    );
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [zonePolicy({ [`com.cloudflare.api.user.${DEMO.bob}`]: '*' }, DEMO.group.apiTokensWrite)],
      }),
      /Failed common permission check/u,
    );
  });
});

describe('account-owned token bodies', () => {
  it('may only reference their account and its zones', async () => {
    await expectInvalid(createAccount({ name: 'x', policies: [allZones] }), /may only reference account/u);
    await expectInvalid(
      createAccount({
        name: 'x',
        policies: [zonePolicy({ 'com.cloudflare.api.account.*': '*' }, DEMO.group.accountSettingsRead)],
      }),
      /may only reference account/u,
    );
    await expectInvalid(
      createAccount({
        name: 'x',
        policies: [zonePolicy({ [`com.cloudflare.api.account.zone.${DEMO.zone.aliceDev}`]: '*' })],
      }),
      /may only reference account/u,
    );
    const ok = await createAccount({
      name: 'own zone',
      policies: [zonePolicy({ [`com.cloudflare.api.account.zone.${DEMO.zone.acmeCom}`]: '*' })],
    });
    expect(ok.status).toBe(200);
  });

  it('cannot use user-scoped groups', async () => {
    await expectInvalid(
      createAccount({
        name: 'x',
        policies: [
          zonePolicy({ [`com.cloudflare.api.account.${DEMO.acme}`]: '*' }, DEMO.group.apiTokensWrite),
        ],
      }),
      /cannot be used in account-owned tokens/u,
    );
  });
});

describe('condition and dates', () => {
  it.each([['10.0.0.0/33'], ['300.1.1.1'], ['10.0.0'], ['not-an-ip'], ['2001:db8::/129']])(
    'refuses CIDR %s',
    async (cidr) => {
      await expectInvalid(
        createUser({ name: 'x', policies: [allZones], condition: { request_ip: { in: [cidr] } } }),
        /Invalid IP address or CIDR/u,
      );
    },
  );

  it('accepts IPv4 and IPv6 CIDRs and bare addresses', async () => {
    const reply = await createUser({
      name: 'cidrs',
      policies: [allZones],
      condition: {
        request_ip: { in: ['10.0.0.0/8', '2001:db8::/32', '192.0.2.1'], not_in: ['10.1.0.0/16', '::1'] },
      },
    });
    expect(reply.status).toBe(200);
  });

  it('refuses dates that are not RFC 3339, and expiry before not_before', async () => {
    await expectInvalid(
      createUser({ name: 'x', policies: [allZones], expires_on: 'next tuesday' }),
      /expires_on/u,
    );
    await expectInvalid(
      createUser({ name: 'x', policies: [allZones], not_before: '2030-13-01T00:00:00Z' }),
      /not_before/u,
    );
    await expectInvalid(
      createUser({
        name: 'x',
        policies: [allZones],
        not_before: '2031-01-01T00:00:00Z',
        expires_on: '2030-01-01T00:00:00Z',
      }),
      /later than not_before/u,
    );
    takeRequestViolations();
  });

  it('normalises accepted dates to whole-second UTC', async () => {
    const reply = await createUser({
      name: 'dates',
      policies: [allZones],
      expires_on: '2030-01-01T02:00:00.123+02:00',
    });
    expect(resultObject(reply)['expires_on']).toBe('2030-01-01T00:00:00Z');
  });
});

describe('update validation', () => {
  it('applies the same rules to PUT', async () => {
    const id = sim.credential('alice-dns-acme').tokenId ?? '';
    const reply = call(sim, `/user/tokens/${id}`, {
      method: 'PUT',
      as: manager,
      body: { name: 'x', policies: [] },
    });
    await expectInvalid(reply, 'at least one policy');
    const status = call(sim, `/user/tokens/${id}`, {
      method: 'PUT',
      as: manager,
      body: { name: 'x', status: 'paused', policies: [allZones] },
    });
    await expectInvalid(status, /status must be one of/u);
    takeRequestViolations();
  });
});

describe('quotas', () => {
  it('allow 50 user tokens per user', async () => {
    const full = await startSimulator({
      scenario: generateLargeScenario({
        accounts: 1,
        zonesPerAccount: 1,
        userTokens: 49,
        accountTokensPerAccount: 1,
      }),
    });
    const secret = full.credential('large-manager').secret;
    const body = { name: 'fiftieth', policies: [allZones] };
    expect((await call(full, '/user/tokens', { method: 'POST', as: secret, body })).status).toBe(200);
    const over = await call(full, '/user/tokens', {
      method: 'POST',
      as: secret,
      body: { ...body, name: 'fifty-first' },
    });
    expect(failure(over)).toMatchObject({ status: 400, code: 1001 });
    expect(over.body.errors[0]?.message).toMatch(/at most 50/u);
    expect(full.schemaViolations()).toEqual([]);
    await full.close();
  });

  it('allow 500 account tokens per account', async () => {
    const full = await startSimulator({
      scenario: generateLargeScenario({
        accounts: 1,
        zonesPerAccount: 1,
        userTokens: 1,
        accountTokensPerAccount: 499,
      }),
    });
    const [account] = full.state.accounts();
    const secret = full.credential('large-account-1-manager').secret;
    const body = {
      name: 'five hundredth',
      policies: [
        zonePolicy(
          { [`com.cloudflare.api.account.${account?.id ?? ''}`]: '*' },
          DEMO.group.accountSettingsRead,
        ),
      ],
    };
    const path = `/accounts/${account?.id ?? ''}/tokens`;
    expect((await call(full, path, { method: 'POST', as: secret, body })).status).toBe(200);
    const over = await call(full, path, { method: 'POST', as: secret, body });
    expect(failure(over)).toMatchObject({ status: 400, code: 1001 });
    expect(over.body.errors[0]?.message).toMatch(/at most 500/u);
    await full.close();
  });
});
