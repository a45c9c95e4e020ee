/**
 * What a token write puts on the wire, read at the fetch under the SDK: the body the preview
 * showed, in the SDK's own param types, at the endpoint of the token's owner. The simulator also
 * checks every request against Cloudflare's OpenAPI schema (test-simulator.ts fails the test on a
 * violation).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { CfTokenBody } from '../../../src/shared/cloudflare-types';
import type { TokenOwner } from '../../../src/shared/domain';
import { createCloudflareGateway, type CloudflareClient } from '../../../src/main/core/cloudflare/gateway';
import { systemClock } from '../../../src/main/core/ports';
import { fullTokenBody } from '../../../src/main/core/tokens/full-token-body';
import { startTestSimulator } from '../../support/test-simulator';

const sim = await startTestSimulator({ scenario: 'demo' });
const USER: TokenOwner = { kind: 'user' };
const ACME = 'acc00000000000000000000000000002';

interface Sent {
  method: string;
  path: string;
  body: string | null;
}
let sent: Sent[] = [];
beforeEach(() => {
  sent = [];
});

const recordingFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  sent.push({
    method: init?.method ?? 'GET',
    path: url.pathname.replace(/^\/client\/v4/u, ''),
    body: typeof init?.body === 'string' ? init.body : null,
  });
  return globalThis.fetch(input, init);
};

function clientFor(label: string): CloudflareClient {
  const gateway = createCloudflareGateway({ fetch: recordingFetch, clock: systemClock, backoffBaseMs: 10 });
  return gateway.forCredential(sim.baseUrl, { kind: 'secret', token: sim.credential(label).secret });
}

function groupId(name: string): string {
  const group = sim.state.permissionGroups().find((g) => g.name === name);
  if (!group) throw new Error(`no permission group ${name}`);
  return group.id;
}

function zoneReadBody(name: string, resources: CfTokenBody['policies'][number]['resources']): CfTokenBody {
  return {
    name,
    policies: [{ effect: 'allow', permission_groups: [{ id: groupId('Zone Read') }], resources }],
  };
}

function only(method: string): Sent {
  const matching = sent.filter((s) => s.method === method);
  expect(matching).toHaveLength(1);
  return matching[0] as Sent;
}

describe('token writes', () => {
  it('a create sends the body as shown, without a status (not part of Cloudflare’s create payload)', async () => {
    const body: CfTokenBody = {
      ...zoneReadBody('shown body', { 'com.cloudflare.api.account.zone.*': '*' }),
      condition: { request_ip: { in: ['192.0.2.0/24'], not_in: ['192.0.2.7/32'] } },
      not_before: '2026-01-01T00:00:00Z',
      expires_on: '2097-01-01T00:00:00Z',
      status: 'disabled',
    };
    const created = await clientFor('alice-manager').tokens(USER).create(body);

    const { status: _status, ...shown } = body;
    const post = only('POST');
    expect(post.path).toBe('/user/tokens');
    expect(post.body).toBe(JSON.stringify(shown));
    expect(created.token).toMatchObject({ name: 'shown body', status: 'active' });
  });

  it('a PUT sending a token back keeps its policy ids and group meta, exactly as read', async () => {
    const tokens = clientFor('alice-manager').tokens(USER);
    const meta = { key: 'label', value: 'zone_read' };
    const created = await tokens.create({
      name: 'sent back',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: groupId('Zone Read'), meta }],
          resources: { 'com.cloudflare.api.account.zone.*': '*' },
        },
      ],
    });
    const fresh = await tokens.get(created.token.id);
    const policyIds = fresh.policies.map((policy) => policy.id);
    expect(policyIds.every((id) => typeof id === 'string')).toBe(true);

    const updated = await tokens.update(fresh.id, fullTokenBody(fresh, 'disabled'));

    const put = only('PUT');
    expect(put.path).toBe(`/user/tokens/${fresh.id}`);
    expect(put.body).toBe(JSON.stringify(fullTokenBody(fresh, 'disabled')));
    const sentPolicies = (
      JSON.parse(put.body ?? '{}') as { policies: { id?: string; permission_groups: { meta?: unknown }[] }[] }
    ).policies;
    expect(sentPolicies.map((policy) => policy.id)).toEqual(policyIds);
    expect(sentPolicies[0]?.permission_groups[0]?.meta).toEqual(meta);
    expect(updated.status).toBe('disabled');
  });

  it('a policy mixing plain and nested resources is refused before anything is sent', async () => {
    const mixed = zoneReadBody('mixed map', {
      'com.cloudflare.api.account.zone.*': '*',
      [`com.cloudflare.api.account.${ACME}`]: { 'com.cloudflare.api.account.zone.*': '*' },
    });
    await expect(clientFor('alice-manager').tokens(USER).create(mixed)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('split it into two policies'),
    });
    expect(sent).toEqual([]);
  });

  it('a roll sends an empty JSON object, as Cloudflare’s schema requires a body', async () => {
    const tokens = clientFor('alice-manager').tokens(USER);
    const created = await tokens.create(zoneReadBody('rolled', { 'com.cloudflare.api.account.zone.*': '*' }));
    const secret = await tokens.roll(created.token.id);
    expect(secret).not.toBe(created.secret);
    expect(only('PUT')).toEqual({
      method: 'PUT',
      path: `/user/tokens/${created.token.id}/value`,
      body: '{}',
    });
  });
});

describe('the owner picks the endpoint', () => {
  it('account tokens are created, read, rolled, deleted and verified under their account', async () => {
    const owner: TokenOwner = { kind: 'account', accountId: ACME };
    const tokens = clientFor('acme-account-manager').tokens(owner);
    const body = zoneReadBody('acme reader', {
      [`com.cloudflare.api.account.${ACME}`]: { 'com.cloudflare.api.account.zone.*': '*' },
    });
    const created = await tokens.create(body);
    await tokens.get(created.token.id);
    await tokens.roll(created.token.id);
    await expect(tokens.delete(created.token.id)).resolves.toEqual({ id: created.token.id });
    await expect(tokens.verify()).resolves.toMatchObject({ status: 'active' });

    const id = created.token.id;
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `POST /accounts/${ACME}/tokens`,
      `GET /accounts/${ACME}/tokens/${id}`,
      `PUT /accounts/${ACME}/tokens/${id}/value`,
      `DELETE /accounts/${ACME}/tokens/${id}`,
      `GET /accounts/${ACME}/tokens/verify`,
    ]);
    // The account id is in the path only; the body is the one shown.
    expect(sent[0]?.body).toBe(JSON.stringify(body));
  });

  it('user tokens are listed at /user/tokens, expired ones included', async () => {
    const page = await clientFor('alice-manager').tokens(USER).list(1, 50);
    expect(page.items.length).toBeGreaterThan(0);
    expect(only('GET').path).toBe('/user/tokens');
  });
});
