/**
 * Authorization from the caller's own policies: token endpoints, /user, and what /accounts
 * and /zones reveal (resource reach, nested forms, deny wins).
 */
import { describe, expect, it } from 'vitest';
import { call, DEMO, failure, resultList } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';

const sim = await startTestSimulator();
const cred = (label: string): ReturnType<typeof sim.credential> => sim.credential(label);

const zoneRead = {
  effect: 'allow',
  permission_groups: [{ id: DEMO.group.zoneRead }],
  resources: { 'com.cloudflare.api.account.zone.*': '*' },
};

async function accountIds(label: string): Promise<unknown[]> {
  return resultList(await call(sim, '/accounts', { as: cred(label) })).map((account) => account['id']);
}

async function zoneNames(label: string): Promise<unknown[]> {
  return resultList(await call(sim, '/zones?per_page=50', { as: cred(label) })).map((zone) => zone['name']);
}

describe('user token endpoints', () => {
  it('lets API Tokens Read list and read but not write', async () => {
    const reader = cred('alice-tokens-read');
    expect((await call(sim, '/user/tokens', { as: reader })).status).toBe(200);
    expect(
      (await call(sim, `/user/tokens/${cred('alice-manager').tokenId ?? ''}`, { as: reader })).status,
    ).toBe(200);
    expect((await call(sim, '/user/tokens/permission_groups', { as: reader })).status).toBe(200);
    const create = await call(sim, '/user/tokens', {
      method: 'POST',
      as: reader,
      body: { name: 'x', policies: [zoneRead] },
    });
    expect(failure(create)).toEqual({
      status: 403,
      code: 9109,
      message: 'Unauthorized to access requested resource',
    });
    const roll = await call(sim, `/user/tokens/${cred('alice-legacy').tokenId ?? ''}/value`, {
      method: 'PUT',
      as: reader,
      body: {},
    });
    expect(failure(roll)).toMatchObject({ status: 403, code: 9109 });
    const remove = await call(sim, `/user/tokens/${cred('alice-legacy').tokenId ?? ''}`, {
      method: 'DELETE',
      as: reader,
    });
    expect(failure(remove)).toMatchObject({ status: 403, code: 9109 });
  });

  it('refuses tokens without API Tokens permissions', async () => {
    expect(failure(await call(sim, '/user/tokens', { as: cred('alice-dns-acme') }))).toMatchObject({
      status: 403,
      code: 9109,
    });
    expect(failure(await call(sim, '/user/tokens', { as: cred('acme-account-manager') }))).toMatchObject({
      status: 403,
      code: 9109,
    });
  });

  it('shows each user only their own tokens', async () => {
    const bobs = resultList(await call(sim, '/user/tokens', { as: cred('bob-manager') })).map(
      (t) => t['name'],
    );
    expect(bobs).toEqual(expect.arrayContaining(['Keyflare manager (bob)', 'Studio cache purge']));
    expect(bobs).not.toContain('Keyflare manager (alice)');
    const aliceToken = cred('alice-manager').tokenId ?? '';
    expect(failure(await call(sim, `/user/tokens/${aliceToken}`, { as: cred('bob-manager') }))).toMatchObject(
      {
        status: 404,
        code: 1003,
      },
    );
  });
});

describe('account token endpoints', () => {
  it('needs Account API Tokens Read on that account to list', async () => {
    const reader = cred('alice-tokens-read');
    const acme = resultList(await call(sim, `/accounts/${DEMO.acme}/tokens`, { as: reader })).map(
      (t) => t['name'],
    );
    expect(acme).toEqual(
      expect.arrayContaining(['Acme token manager', 'acme.com DNS bot', 'Retired DNS reader']),
    );
    expect(failure(await call(sim, `/accounts/${DEMO.alicePersonal}/tokens`, { as: reader }))).toMatchObject({
      status: 403,
      code: 9109,
    });
  });

  it('lets an account-owned token manage only its own account', async () => {
    const manager = cred('acme-account-manager');
    expect((await call(sim, `/accounts/${DEMO.acme}/tokens`, { as: manager })).status).toBe(200);
    expect(failure(await call(sim, `/accounts/${DEMO.bobStudio}/tokens`, { as: manager }))).toMatchObject({
      status: 403,
      code: 9109,
    });
    const studioReader = cred('studio-token-reader');
    expect((await call(sim, `/accounts/${DEMO.bobStudio}/tokens`, { as: studioReader })).status).toBe(200);
    const create = await call(sim, `/accounts/${DEMO.bobStudio}/tokens`, {
      method: 'POST',
      as: studioReader,
      body: {
        name: 'x',
        policies: [
          {
            ...zoneRead,
            resources: {
              [`com.cloudflare.api.account.${DEMO.bobStudio}`]: { 'com.cloudflare.api.account.zone.*': '*' },
            },
          },
        ],
      },
    });
    expect(failure(create)).toMatchObject({ status: 403, code: 9109 });
  });

  it('treats an unknown account like one the caller cannot reach', async () => {
    const reply = await call(sim, `/accounts/${'f'.repeat(32)}/tokens`, { as: cred('alice-manager') });
    expect(failure(reply)).toMatchObject({ status: 403, code: 9109 });
  });
});

describe('/user', () => {
  it('needs User Details Read', async () => {
    expect((await call(sim, '/user', { as: cred('alice-manager') })).status).toBe(200);
    expect(failure(await call(sim, '/user', { as: cred('alice-dns-acme') }))).toMatchObject({
      status: 403,
      code: 9109,
    });
  });

  it('refuses account-owned tokens (no user behind them)', async () => {
    expect(failure(await call(sim, '/user', { as: cred('acme-account-manager') }))).toEqual({
      status: 403,
      code: 9109,
      message: 'Unauthorized to access requested resource',
    });
  });
});

describe('/accounts reach', () => {
  it('lists the accounts an account-scoped group reaches', async () => {
    expect(await accountIds('alice-manager')).toEqual([DEMO.acme, DEMO.alicePersonal]);
    expect(await accountIds('alice-account-reader')).toEqual([DEMO.alicePersonal]);
    expect(await accountIds('bob-manager')).toEqual([DEMO.acme, DEMO.bobStudio]);
  });

  it('lists nothing for zone-only tokens', async () => {
    expect(await accountIds('alice-dns-acme')).toEqual([]);
  });

  it('lists the member accounts for a Global API Key, and its own account for an account token', async () => {
    expect(await accountIds('alice-global-key')).toEqual([DEMO.acme, DEMO.alicePersonal]);
    expect(await accountIds('acme-account-manager')).toEqual([DEMO.acme]);
  });

  it('answers /accounts/{id} only within reach', async () => {
    expect(
      (await call(sim, `/accounts/${DEMO.alicePersonal}`, { as: cred('alice-account-reader') })).status,
    ).toBe(200);
    expect(
      failure(await call(sim, `/accounts/${DEMO.acme}`, { as: cred('alice-account-reader') })),
    ).toMatchObject({
      status: 403,
      code: 9109,
    });
    expect(
      failure(await call(sim, `/accounts/${DEMO.bobStudio}`, { as: cred('alice-global-key') })),
    ).toMatchObject({
      status: 403,
      code: 9109,
    });
  });
});

describe('/zones reach', () => {
  it('reaches all zones of member accounts through com.cloudflare.api.account.zone.*', async () => {
    expect(await zoneNames('alice-manager')).toEqual([
      'acme-internal.org',
      'acme-shop.com',
      'acme-status.net',
      'acme.com',
      'acme.io',
      'alice-blog.com',
      'alice.dev',
      'photos-alice.net',
    ]);
  });

  it('reaches one zone through a flat zone key', async () => {
    expect(await zoneNames('alice-dns-acme')).toEqual(['acme.com']);
    expect(await zoneNames('acme-dns-bot')).toEqual(['acme.com']);
  });

  it('reaches all zones of one account through the nested form', async () => {
    expect(await zoneNames('bob-cache')).toEqual([
      'bob-music.com',
      'bob.dev',
      'bobs-pizza.net',
      'bobstudio.io',
    ]);
    expect(await zoneNames('alice-legacy')).toEqual(['alice-blog.com', 'alice.dev', 'photos-alice.net']);
  });

  it('reaches one zone through the nested form naming a zone', async () => {
    expect(await zoneNames('bob-shop-dns')).toEqual(['acme-shop.com']);
  });

  it('lets deny policies win over allow', async () => {
    const names = await zoneNames('alice-deny');
    expect(names).toEqual(['acme-shop.com', 'acme-status.net', 'acme.com', 'acme.io']);
    const denied = await call(sim, `/zones/${DEMO.zone.acmeInternal}`, { as: cred('alice-deny') });
    expect(failure(denied)).toMatchObject({ status: 403, code: 9109 });
    expect((await call(sim, `/zones/${DEMO.zone.acmeCom}`, { as: cred('alice-deny') })).status).toBe(200);
  });

  it('shows nothing to account-scoped-only tokens', async () => {
    expect(await zoneNames('alice-account-reader')).toEqual([]);
  });

  it('answers /zones/{id} outside reach with 403 and unknown zones with 7003', async () => {
    expect(
      failure(await call(sim, `/zones/${DEMO.zone.bobStudioIo}`, { as: cred('alice-manager') })),
    ).toMatchObject({
      status: 403,
      code: 9109,
    });
    expect(failure(await call(sim, `/zones/${'e'.repeat(32)}`, { as: cred('alice-manager') }))).toMatchObject(
      {
        status: 400,
        code: 7003,
      },
    );
  });

  it('gives a Global API Key every zone of its memberships', async () => {
    const names = await zoneNames('bob-global-key');
    expect(names).toHaveLength(9);
    expect(names).toContain('acme.com');
    expect(names).not.toContain('alice.dev');
  });
});
