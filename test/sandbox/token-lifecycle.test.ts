/**
 * Token lifecycle over HTTP: create, read, update, roll, delete, for user and account
 * tokens; secrets only from create and roll; last_used_on; re-ordered policies.
 */
import { describe, expect, it } from 'vitest';
import { call, DEMO, failure, resultList, resultObject, type CfReply } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const manager = sim.credential('alice-manager');
const acmeManager = sim.credential('acme-account-manager');

const policies = [
  {
    effect: 'allow',
    permission_groups: [
      { id: DEMO.group.dnsWrite },
      { id: DEMO.group.zoneRead },
      { id: DEMO.group.cachePurge },
    ],
    resources: { [`com.cloudflare.api.account.zone.${DEMO.zone.acmeCom}`]: '*' },
  },
  {
    effect: 'allow',
    permission_groups: [{ id: DEMO.group.accountSettingsRead }, { id: DEMO.group.workersScriptsWrite }],
    resources: { [`com.cloudflare.api.account.${DEMO.acme}`]: '*' },
  },
  {
    effect: 'deny',
    permission_groups: [{ id: DEMO.group.dnsWrite }],
    resources: { [`com.cloudflare.api.account.zone.${DEMO.zone.acmeShop}`]: '*' },
  },
];

async function createUserToken(name: string, body: Record<string, unknown> = {}): Promise<CfReply> {
  return call(sim, '/user/tokens', { method: 'POST', as: manager, body: { name, policies, ...body } });
}

function stringField(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new Error(`${key} is not a string: ${JSON.stringify(record)}`);
  return value;
}

describe('user tokens', () => {
  it('create returns the token with its secret (cfut_, 40-80 chars) and 32-hex ids', async () => {
    const reply = await createUserToken('created');
    expect(reply.status).toBe(200);
    const token = resultObject(reply);
    const secret = stringField(token, 'value');
    expect(secret).toMatch(/^cfut_[A-Za-z0-9]{40}$/u);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(secret.length).toBeLessThanOrEqual(80);
    expect(stringField(token, 'id')).toMatch(/^[0-9a-f]{32}$/u);
    expect(token).toMatchObject({ name: 'created', status: 'active' });
    expect(token).not.toHaveProperty('last_used_on');
    for (const policy of token['policies'] as Array<Record<string, unknown>>) {
      expect(stringField(policy, 'id')).toMatch(/^[0-9a-f]{32}$/u);
    }
    expect(token['issued_on']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/u);
  });

  it('never returns a secret from get or list', async () => {
    const created = resultObject(await createUserToken('quiet'));
    const secret = stringField(created, 'value');
    const id = stringField(created, 'id');
    const got = await call(sim, `/user/tokens/${id}`, { as: manager });
    expect(resultObject(got)).not.toHaveProperty('value');
    const listed = await call(sim, '/user/tokens?per_page=50&include_expired=true', { as: manager });
    const everything = JSON.stringify([got.body, listed.body]);
    expect(everything).not.toContain(secret);
    for (const credential of sim.credentials) expect(everything).not.toContain(credential.secret);
  });

  it('lets the new secret authenticate and records last_used_on', async () => {
    const created = resultObject(await createUserToken('used'));
    const id = stringField(created, 'id');
    expect(sim.state.token(id)?.last_used_on).toBeNull();
    const verify = await call(sim, '/user/tokens/verify', { as: stringField(created, 'value') });
    expect(verify.body.result).toEqual({ id, status: 'active' });
    const after = resultObject(await call(sim, `/user/tokens/${id}`, { as: manager }));
    expect(stringField(after, 'last_used_on')).toMatch(/^\d{4}-\d\d-\d\dT/u);
  });

  it('does not update last_used_on for a failed call', async () => {
    const created = resultObject(await createUserToken('dns only'));
    const id = stringField(created, 'id');
    // This token has no User Details Read: /user answers 403, the token was not used successfully.
    expect((await call(sim, '/user', { as: stringField(created, 'value') })).status).toBe(403);
    expect(sim.state.token(id)?.last_used_on).toBeNull();
  });

  it('roll returns a new secret as the result and kills the old one at once', async () => {
    const created = resultObject(await createUserToken('rolled'));
    const id = stringField(created, 'id');
    const oldSecret = stringField(created, 'value');
    const roll = await call(sim, `/user/tokens/${id}/value`, { method: 'PUT', as: manager, body: {} });
    expect(roll.status).toBe(200);
    const newSecret = roll.body.result;
    expect(typeof newSecret).toBe('string');
    expect(newSecret).toMatch(/^cfut_[A-Za-z0-9]{40}$/u);
    expect(newSecret).not.toBe(oldSecret);
    expect(failure(await call(sim, '/user/tokens/verify', { as: oldSecret }))).toMatchObject({
      status: 401,
      code: 1000,
    });
    expect((await call(sim, '/user/tokens/verify', { as: String(newSecret) })).status).toBe(200);
    expect(sim.state.token(id)?.secret).toBe(newSecret);
  });

  it('roll of a scenario credential updates sim.credential()', async () => {
    const before = sim.credential('alice-legacy').secret;
    const roll = await call(sim, `/user/tokens/${sim.credential('alice-legacy').tokenId ?? ''}/value`, {
      method: 'PUT',
      as: manager,
    });
    expect(roll.status).toBe(200);
    expect(sim.credential('alice-legacy').secret).toBe(roll.body.result);
    expect(failure(await call(sim, '/zones', { as: before }))).toMatchObject({ status: 403, code: 10000 });
  });

  it('update replaces name, policies and dates, keeps known policy ids, and can disable', async () => {
    const created = resultObject(await createUserToken('to update', { expires_on: '2097-01-01T00:00:00Z' }));
    const id = stringField(created, 'id');
    const secret = stringField(created, 'value');
    const [firstPolicy] = created['policies'] as Array<Record<string, unknown>>;
    const keptId = stringField(firstPolicy ?? {}, 'id');
    const update = await call(sim, `/user/tokens/${id}`, {
      method: 'PUT',
      as: manager,
      body: {
        name: 'updated',
        status: 'disabled',
        policies: [
          {
            id: keptId,
            effect: 'allow',
            permission_groups: [{ id: DEMO.group.zoneRead }],
            resources: { 'com.cloudflare.api.account.zone.*': '*' },
          },
          {
            effect: 'allow',
            permission_groups: [{ id: DEMO.group.dnsWrite }],
            resources: { [`com.cloudflare.api.account.zone.${DEMO.zone.aliceDev}`]: '*' },
          },
        ],
      },
    });
    expect(update.status).toBe(200);
    const token = resultObject(update);
    expect(token).toMatchObject({ id, name: 'updated', status: 'disabled' });
    expect(token).not.toHaveProperty('expires_on');
    expect(token).not.toHaveProperty('value');
    const ids = (token['policies'] as Array<Record<string, unknown>>).map((p) => p['id']);
    expect(ids).toContain(keptId);
    expect(ids).toHaveLength(2);
    expect(failure(await call(sim, '/user/tokens/verify', { as: secret }))).toMatchObject({
      status: 401,
      code: 1000,
    });
    const reEnable = await call(sim, `/user/tokens/${id}`, {
      method: 'PUT',
      as: manager,
      body: { name: 'updated', status: 'active', policies: [policies[0]] },
    });
    expect(resultObject(reEnable)['status']).toBe('active');
    expect((await call(sim, '/user/tokens/verify', { as: secret })).status).toBe(200);
  });

  it('delete returns the id; the secret and the token are gone', async () => {
    const created = resultObject(await createUserToken('deleted'));
    const id = stringField(created, 'id');
    const removed = await call(sim, `/user/tokens/${id}`, { method: 'DELETE', as: manager });
    expect(removed.status).toBe(200);
    expect(removed.body.result).toEqual({ id });
    expect(failure(await call(sim, `/user/tokens/${id}`, { as: manager }))).toMatchObject({
      status: 404,
      code: 1003,
    });
    expect(
      failure(await call(sim, '/user/tokens/verify', { as: stringField(created, 'value') })),
    ).toMatchObject({
      status: 401,
      code: 1000,
    });
  });

  it('returns policies and permission groups in another order than sent, as the same sets', async () => {
    const created = resultObject(await createUserToken('reordered'));
    const id = stringField(created, 'id');
    for (const reply of [created, resultObject(await call(sim, `/user/tokens/${id}`, { as: manager }))]) {
      const returned = reply['policies'] as Array<{
        effect: string;
        resources: unknown;
        permission_groups: Array<{ id: string; name: string }>;
      }>;
      const signature = (p: { effect: string; resources: unknown }): string =>
        `${p.effect}:${JSON.stringify(p.resources)}`;
      expect(returned.map(signature)).not.toEqual(policies.map(signature));
      expect(returned.map(signature).sort()).toEqual(policies.map(signature).sort());
      const sentFirst = policies[0];
      const returnedFirst = returned.find(
        (p) => sentFirst !== undefined && signature(p) === signature(sentFirst),
      );
      const sentIds = (sentFirst?.permission_groups ?? []).map((g) => g.id);
      const returnedIds = (returnedFirst?.permission_groups ?? []).map((g) => g.id);
      expect(returnedIds).not.toEqual(sentIds);
      expect([...returnedIds].sort()).toEqual([...sentIds].sort());
      expect(returnedFirst?.permission_groups.map((g) => g.name).sort()).toEqual([
        'Cache Purge',
        'DNS Write',
        'Zone Read',
      ]);
    }
  });

  it('returns the request_ip condition and nested resources as sent', async () => {
    const nested = {
      [`com.cloudflare.api.account.${DEMO.acme}`]: { 'com.cloudflare.api.account.zone.*': '*' },
    };
    const created = resultObject(
      await call(sim, '/user/tokens', {
        method: 'POST',
        as: manager,
        body: {
          name: 'conditional',
          condition: { request_ip: { in: ['192.0.2.0/24', '2001:db8:1::/48'], not_in: ['192.0.2.1'] } },
          policies: [
            { effect: 'allow', permission_groups: [{ id: DEMO.group.zoneRead }], resources: nested },
          ],
        },
      }),
    );
    expect(created['condition']).toEqual({
      request_ip: { in: ['192.0.2.0/24', '2001:db8:1::/48'], not_in: ['192.0.2.1'] },
    });
    expect((created['policies'] as Array<Record<string, unknown>>)[0]?.['resources']).toEqual(nested);
  });
});

describe('account-owned tokens', () => {
  it('go through the whole lifecycle with cfat_ secrets', async () => {
    const body = {
      name: 'acme bot',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: DEMO.group.dnsWrite }],
          resources: {
            [`com.cloudflare.api.account.${DEMO.acme}`]: { 'com.cloudflare.api.account.zone.*': '*' },
          },
        },
      ],
    };
    const created = resultObject(
      await call(sim, `/accounts/${DEMO.acme}/tokens`, { method: 'POST', as: acmeManager, body }),
    );
    const id = stringField(created, 'id');
    const secret = stringField(created, 'value');
    expect(secret).toMatch(/^cfat_[A-Za-z0-9]{40}$/u);
    expect(sim.state.token(id)?.owner).toEqual({
      kind: 'account',
      accountId: DEMO.acme,
      createdBy: DEMO.alice,
    });

    expect((await call(sim, `/accounts/${DEMO.acme}/tokens/verify`, { as: secret })).status).toBe(200);
    expect(failure(await call(sim, '/user/tokens/verify', { as: secret }))).toMatchObject({
      status: 401,
      code: 1000,
    });

    const listed = resultList(
      await call(sim, `/accounts/${DEMO.acme}/tokens?per_page=50`, { as: acmeManager }),
    );
    expect(listed.map((t) => t['id'])).toContain(id);
    expect(failure(await call(sim, `/user/tokens/${id}`, { as: manager }))).toMatchObject({ status: 404 });

    const rolled = await call(sim, `/accounts/${DEMO.acme}/tokens/${id}/value`, {
      method: 'PUT',
      as: manager,
      body: {},
    });
    expect(rolled.body.result).toMatch(/^cfat_/u);
    expect(failure(await call(sim, `/accounts/${DEMO.acme}/tokens/verify`, { as: secret }))).toMatchObject({
      status: 401,
    });

    const updated = await call(sim, `/accounts/${DEMO.acme}/tokens/${id}`, {
      method: 'PUT',
      as: acmeManager,
      body: { ...body, name: 'acme bot v2' },
    });
    expect(resultObject(updated)['name']).toBe('acme bot v2');

    const removed = await call(sim, `/accounts/${DEMO.acme}/tokens/${id}`, {
      method: 'DELETE',
      as: acmeManager,
    });
    expect(removed.body.result).toEqual({ id });
    expect(sim.state.token(id)).toBeUndefined();
  });

  it('are not reachable through another account path', async () => {
    const dnsBot = sim.credential('acme-dns-bot').tokenId ?? '';
    const reply = await call(sim, `/accounts/${DEMO.alicePersonal}/tokens/${dnsBot}`, { as: manager });
    expect(failure(reply)).toMatchObject({ status: 404, code: 1003 });
  });

  it('list only account-usable permission groups', async () => {
    const user = resultList(await call(sim, '/user/tokens/permission_groups', { as: manager }));
    const account = resultList(
      await call(sim, `/accounts/${DEMO.acme}/tokens/permission_groups`, { as: manager }),
    );
    expect(user).toHaveLength(99);
    expect(account).toHaveLength(93);
    expect(account.some((g) => (g['scopes'] as string[]).includes('com.cloudflare.api.user'))).toBe(false);
    const logsRead = resultList(
      await call(sim, '/user/tokens/permission_groups?name=Logs%20Read', { as: manager }),
    );
    expect(logsRead.map((g) => g['id']).sort()).toEqual(
      [DEMO.group.logsReadAccount, DEMO.group.logsReadZone].sort(),
    );
    const zoneScoped = resultList(
      await call(
        sim,
        '/user/tokens/permission_groups?name=Logs%20Read&scope=com.cloudflare.api.account.zone',
        { as: manager },
      ),
    );
    expect(zoneScoped).toEqual([
      { id: DEMO.group.logsReadZone, name: 'Logs Read', scopes: ['com.cloudflare.api.account.zone'] },
    ]);
  });
});
