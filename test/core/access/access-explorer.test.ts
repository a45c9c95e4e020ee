/**
 * The access explorer against the simulator's demo logins (Alice and Bob share Acme Corp): who
 * can do what on a zone, an account, every zone or the user, across both profiles, and what one
 * token reaches. Deny wins, wildcards and account→zones nesting come from the shared evaluation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { AccessExplore, TokenReach } from '../../../src/shared/access/access-schemas';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';
import { DEMO } from '../support/token-harness';

const sim = await startTestSimulator({ scenario: 'demo' });
afterAll(() => closeAllCores());

const h = makeCore();
const alice = await addProfile(h.core, sim, 'alice-manager', 'Alice');
const bob = await addProfile(h.core, sim, 'bob-manager', 'Bob');
await call(h.core, 'sync.start', {});

const ZONE = {
  acmeCom: DEMO.acmeCom,
  acmeShop: 'c0de0000000000000000000000000203',
  acmeInternal: 'c0de0000000000000000000000000205',
};

/** "Group: token (profile), …" lines, so a test reads what the explorer shows. */
function grantsOf(answer: AccessExplore): Record<string, string[]> {
  return Object.fromEntries(
    answer.groups.map((group) => [
      group.groupName,
      group.grants.map((g) => `${g.tokenName} (${g.profileLabel})${g.unusable ? ` [${g.unusable}]` : ''}`),
    ]),
  );
}

async function explore(target: unknown): Promise<AccessExplore> {
  return call<AccessExplore>(h.core, 'access.explore', { target });
}

describe('the access explorer', () => {
  it('lists every login’s tokens with access to a zone, write access first, with the granting policy', async () => {
    const answer = await explore({ kind: 'zone', zoneId: ZONE.acmeCom });
    expect(answer.target).toMatchObject({ kind: 'zone', label: 'zone acme.com', accountName: 'Acme Corp' });
    expect(answer.groups[0]).toMatchObject({ groupName: 'DNS Write', write: true });
    const grants = grantsOf(answer);
    expect(grants['DNS Write']).toEqual([
      'acme.com DNS bot (Alice)',
      'Edit DNS acme.com (Alice)',
      'acme.com DNS bot (Bob)',
    ]);
    // Bob's acme-shop.com token is nested under Acme's account but names one other zone only.
    expect(grants['DNS Write']).not.toContain('acme-shop.com DNS (Bob)');
    expect(grants['Zone Read']).toEqual(
      expect.arrayContaining([
        'Keyflare manager (alice) (Alice)',
        'Keyflare manager (bob) (Bob)',
        'Acme zones except internal (Alice)',
        'Acme token manager (Alice)',
        'Acme token manager (Bob)',
        'CI token 2024 (Alice) [expired]',
      ]),
    );
    // Usable tokens come before the ones Cloudflare would refuse today.
    expect(grants['Zone Read']?.at(-1)).toBe('CI token 2024 (Alice) [expired]');
    expect(grants['DNS Read']).toEqual([
      'Acme zones except internal (Alice)',
      'Retired DNS reader (Alice) [disabled]',
      'Retired DNS reader (Bob) [disabled]',
    ]);
    const edit = answer.groups[0]?.grants.find((g) => g.tokenName === 'Edit DNS acme.com');
    expect(edit?.policy).toEqual({
      number: 1,
      summary: expect.stringContaining('acme.com') as string,
      summaryMessage: expect.objectContaining({ key: 'outcomes.policy.summary' }) as object,
    });
    expect(answer.tokenCount).toBeGreaterThan(answer.usableCount);
  });

  it('honours a deny on one zone: the excluded zone is not reachable, the others are', async () => {
    const internal = grantsOf(await explore({ kind: 'zone', zoneId: ZONE.acmeInternal }));
    expect(internal['Zone Read']).not.toContain('Acme zones except internal (Alice)');
    expect(internal['DNS Read'] ?? []).not.toContain('Acme zones except internal (Alice)');
    const shop = grantsOf(await explore({ kind: 'zone', zoneId: ZONE.acmeShop }));
    expect(shop['DNS Write']).toEqual(['acme-shop.com DNS (Bob)']);
    expect(shop['Zone Read']).toContain('Acme zones except internal (Alice)');
  });

  it('answers an account with account permissions and zone permissions on every zone of it', async () => {
    const answer = await explore({ kind: 'account', accountId: DEMO.acme });
    const grants = grantsOf(answer);
    expect(grants['Account API Tokens Write']).toEqual([
      'Acme token manager (Alice)',
      'Keyflare manager (alice) (Alice)',
      'Acme token manager (Bob)',
      'Keyflare manager (bob) (Bob)',
    ]);
    expect(grants['Zone Read']).toContain('Acme token manager (Alice)');
    // A deny on one of Acme's zones means not "every zone of Acme".
    expect(grants['Zone Read']).not.toContain('Acme zones except internal (Alice)');
    // A token on one zone of the account is not access to the account.
    expect(grants['DNS Write']).toBeUndefined();
  });

  it('answers "every zone" with the zone wildcards only, and "user" per login', async () => {
    const all = grantsOf(await explore({ kind: 'all_zones' }));
    expect(all['Zone Read']).toEqual(
      expect.arrayContaining([
        'Keyflare manager (alice) (Alice)',
        'Office analytics (Alice)',
        'Keyflare manager (bob) (Bob)',
      ]),
    );
    expect(all['Zone Read']).not.toContain('Acme token manager (Alice)');
    const user = grantsOf(await explore({ kind: 'user' }));
    expect(user['API Tokens Write']).toEqual([
      'Keyflare manager (alice) (Alice)',
      'Keyflare manager (bob) (Bob)',
    ]);
    expect(user['API Tokens Read']).toEqual(['Token auditor (Alice)']);
  });

  it('lets a wildcard reach only its own login’s zones: Alice’s “all zones” is not Bob’s studio', async () => {
    const studio = grantsOf(await explore({ kind: 'zone', zoneId: 'c0de0000000000000000000000000301' }));
    expect(studio['Zone Read']).toContain('Keyflare manager (bob) (Bob)');
    expect(studio['Zone Read']).not.toContain('Keyflare manager (alice) (Alice)');
    expect(studio['Cache Purge']).toEqual(['Studio cache purge (Bob)']);
    const bobStudio = grantsOf(await explore({ kind: 'account', accountId: DEMO.bobStudio }));
    expect(bobStudio['Account API Tokens Write']).toEqual(['Keyflare manager (bob) (Bob)']);
  });

  it('says NOT_FOUND for a zone no login has cached', async () => {
    const reply = await h.core.dispatch('access.explore', {
      target: { kind: 'zone', zoneId: 'c0de0000000000000000000000009999' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('sees a change at the next question: a deleted token no longer has access', async () => {
    const before = grantsOf(await explore({ kind: 'zone', zoneId: ZONE.acmeShop }));
    expect(before['DNS Write']).toEqual(['acme-shop.com DNS (Bob)']);
    await call(h.core, 'tokens.delete', {
      profileId: bob.id,
      tokenId: sim.credential('bob-shop-dns').tokenId,
    });
    const after = grantsOf(await explore({ kind: 'zone', zoneId: ZONE.acmeShop }));
    expect(after['DNS Write']).toBeUndefined();
  });
});

/** What the window computes for the detail, from the same index over the cache. */
function reachOf(tokenId: string | undefined): TokenReach {
  const reach = h.core.services.access.index().reach(`${alice.id}:${tokenId ?? ''}`);
  if (!reach) expect.fail(`no reach for ${tokenId ?? '?'}`);
  return reach;
}

describe('a token’s reach', () => {
  it('counts the zones and accounts a token reaches, from its login’s cached zones', () => {
    const reach = reachOf(sim.credential('alice-deny').tokenId);
    expect(reach.summary).toEqual([{ key: 'access.reach.zones', params: { zones: 4, accounts: 1 } }]);
    expect(reach.summary.map(englishMessage)).toEqual(['Reaches 4 zones in 1 account.']);
    expect(reach.zones.map((z) => z.zoneName)).toEqual([
      'acme-shop.com',
      'acme-status.net',
      'acme.com',
      'acme.io',
    ]);
    expect(reach.zones[0]).toMatchObject({ accountName: 'Acme Corp', groups: ['DNS Read', 'Zone Read'] });
  });

  it('says what a manager token reaches: every zone, account-level and user-level access', () => {
    const reach = reachOf(sim.credential('alice-manager').tokenId);
    expect(reach.summary.map(englishMessage)).toEqual([
      'Reaches 8 zones in 2 accounts.',
      'Has account-level access to 2 accounts.',
      'Has user-level access.',
    ]);
    expect(reach.accounts.map((a) => a.accountName)).toEqual(['Acme Corp', 'Alice Personal']);
    expect(reach.userGroups).toEqual(['API Tokens Write', 'Memberships Read', 'User Details Read']);
  });
});
