/**
 * Scenarios: the demo fixture's promises, the large generator, and validation errors.
 */
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, LARGE_SCENARIO_DEFAULTS } from '../../src/sandbox/large-scenario';
import { parseScenario, ScenarioError, type Scenario } from '../../src/sandbox/scenario-schema';
import { resolveScenario } from '../../src/sandbox/scenarios';
import { startSimulator } from '../../src/sandbox/simulator';
import { call } from '../support/test-http';
import { startTestSimulator } from '../support/test-simulator';
import { GROUPS } from '../fixtures/permission-groups';

const sim = await startTestSimulator();

const minimal = (): Scenario => ({
  name: 'minimal',
  users: [{ id: 'a'.repeat(32), email: 'x@example.com', created_on: '2020-01-01T00:00:00Z' }],
});

describe('demo scenario', () => {
  it('has two users, three accounts (one shared) and a dozen zones', () => {
    expect(sim.state.users()).toHaveLength(2);
    expect(sim.state.accounts()).toHaveLength(3);
    expect(sim.state.zones()).toHaveLength(12);
    const members = sim.state.memberships();
    const shared = sim.state
      .accounts()
      .filter((account) => members.filter((m) => m.account_id === account.id).length === 2);
    expect(shared.map((account) => account.name)).toEqual(['Acme Corp']);
  });

  it('has tokens of every status and shape', () => {
    const tokens = sim.state.tokens();
    expect(new Set(tokens.map((token) => token.computedStatus))).toEqual(
      new Set(['active', 'disabled', 'expired']),
    );
    expect(
      tokens.some((token) => token.not_before !== null && Date.parse(token.not_before) > Date.now()),
    ).toBe(true);
    expect(tokens.some((token) => token.requestIp !== null)).toBe(true);
    expect(tokens.some((token) => token.policies.some((policy) => policy.effect === 'deny'))).toBe(true);
    expect(
      tokens.some((token) =>
        token.policies.some((policy) => Object.values(policy.resources).some((v) => typeof v === 'object')),
      ),
    ).toBe(true);
    expect(tokens.filter((token) => token.owner.kind === 'account').length).toBeGreaterThanOrEqual(3);
    expect(tokens.some((token) => !/^cf[ua]t_/u.test(token.secret))).toBe(true);
  });

  it('gives each user a manager token that can do what Keyflare needs', async () => {
    for (const label of ['alice-manager', 'bob-manager']) {
      const manager = sim.credential(label);
      expect(manager.kind).toBe('user_token');
      expect((await call(sim, '/user', { as: manager })).status).toBe(200);
      expect((await call(sim, '/user/tokens', { as: manager })).status).toBe(200);
      expect((await call(sim, '/user/tokens/permission_groups', { as: manager })).status).toBe(200);
      const accounts = (await call(sim, '/accounts', { as: manager })).body.result as Array<{ id: string }>;
      expect(accounts).toHaveLength(2);
      for (const account of accounts) {
        expect((await call(sim, `/accounts/${account.id}/tokens`, { as: manager })).status).toBe(200);
      }
      expect(((await call(sim, '/zones', { as: manager })).body.result as unknown[]).length).toBeGreaterThan(
        0,
      );
    }
    const groups = sim.state
      .token(sim.credential('alice-manager').tokenId ?? '')
      ?.policies.flatMap((p) => p.permission_groups.map((g) => g.id));
    const names = sim.state
      .permissionGroups()
      .filter((g) => groups?.includes(g.id))
      .map((g) => g.name)
      .sort();
    expect(names).toEqual([
      'API Tokens Write',
      'Account API Tokens Write',
      'Account Settings Read',
      'Memberships Read',
      'User Details Read',
      'Zone Read',
    ]);
  });

  it('includes an account-owned manager token', () => {
    const manager = sim.credential('acme-account-manager');
    expect(manager).toMatchObject({ kind: 'account_token', accountId: 'acc00000000000000000000000000002' });
    expect(manager.secret).toMatch(/^cfat_/u);
  });

  it('lists credentials with labels, kinds and fixed secrets', () => {
    expect(sim.credentials.map((c) => c.kind).sort()).toEqual(
      expect.arrayContaining(['account_token', 'global_key', 'user_token']),
    );
    expect(sim.credential('alice-global-key')).toMatchObject({
      email: 'alice@example.com',
      secret: 'a11ce0000000000000000000000000000000d',
    });
    expect(() => sim.credential('nobody')).toThrow(/No credential labelled "nobody"/u);
  });
});

describe('large scenario', () => {
  it('defaults to 1 login, 10 accounts x 100 zones, 50 user tokens, 300 account tokens per account', async () => {
    expect(LARGE_SCENARIO_DEFAULTS).toEqual({
      accounts: 10,
      zonesPerAccount: 100,
      userTokens: 50,
      accountTokensPerAccount: 300,
    });
    await expectScenario('large', {
      accounts: 10,
      zones: 1000,
      userTokens: 50,
      accountTokens: 3000,
      zonePages: 20,
    });
  });

  it('is deterministic', () => {
    const options = { accounts: 2, zonesPerAccount: 3, userTokens: 4, accountTokensPerAccount: 5 };
    expect(generateLargeScenario(options)).toEqual(generateLargeScenario(options));
    expect(resolveScenario(generateLargeScenario(options)).zones).toHaveLength(6);
  });
});

interface ScenarioSize {
  accounts: number;
  zones: number;
  userTokens: number;
  accountTokens: number;
  /** Pages of 50 zones its manager lists. */
  zonePages: number;
}

/** Starts a generated scenario and checks its size, its zone paging and its schema. */
async function expectScenario(name: 'large' | 'small', size: ScenarioSize): Promise<void> {
  const sim = await startSimulator({ scenario: name });
  expect(sim.scenarioName).toBe(name);
  expect(sim.state.users()).toHaveLength(1);
  expect(sim.state.accounts()).toHaveLength(size.accounts);
  expect(sim.state.zones()).toHaveLength(size.zones);
  expect(sim.state.tokens().filter((t) => t.owner.kind === 'user')).toHaveLength(size.userTokens);
  expect(sim.state.tokens().filter((t) => t.owner.kind === 'account')).toHaveLength(size.accountTokens);
  const reply = await call(sim, '/zones?per_page=50', { as: sim.credential(`${name}-manager`) });
  expect(reply.body.result_info).toMatchObject({ total_count: size.zones, total_pages: size.zonePages });
  expect(sim.schemaViolations()).toEqual([]);
  await sim.close();
}

describe('small scenario', () => {
  it('is the large scenario’s shapes at 3 accounts x 37 zones, 50 user tokens, 40 account tokens each', async () => {
    await expectScenario('small', {
      accounts: 3,
      zones: 111,
      userTokens: 50,
      accountTokens: 120,
      zonePages: 3,
    });
  });
});

describe('scenario validation', () => {
  it('names each shape problem with its path', () => {
    const broken = { ...minimal(), users: [{ id: 'xyz', email: 'not-mail', created_on: 'yesterday' }] };
    expect(() => parseScenario(broken, 'broken.json')).toThrow(ScenarioError);
    expect(() => parseScenario(broken, 'broken.json')).toThrow(
      /broken\.json[\s\S]*users\[0\]\.id[\s\S]*users\[0\]\.email[\s\S]*users\[0\]\.created_on/u,
    );
  });

  it('reports every inconsistency at once when loading', async () => {
    const scenario: Scenario = {
      ...minimal(),
      accounts: [{ id: 'b'.repeat(32), name: 'B', created_on: '2020-01-01T00:00:00Z' }],
      zones: [
        {
          id: 'c'.repeat(32),
          name: 'orphan.example',
          account_id: 'd'.repeat(32),
          created_on: '2020-01-01T00:00:00Z',
        },
      ],
      memberships: [{ user_id: 'e'.repeat(32), account_id: 'b'.repeat(32) }],
    };
    await expect(startSimulator({ scenario })).rejects.toThrow(
      /unknown account d{32}[\s\S]*|membership: unknown user/u,
    );
    await expect(startSimulator({ scenario })).rejects.toThrow(/membership: unknown user e{32}/u);
  });

  it('applies API validation to seeded tokens', async () => {
    const scenario: Scenario = {
      ...minimal(),
      users: [
        {
          id: 'a'.repeat(32),
          email: 'x@example.com',
          created_on: '2020-01-01T00:00:00Z',
          tokens: [
            {
              id: 'f'.repeat(32),
              label: 'bad-scope',
              name: 'bad',
              secret: `cfut_${'b'.repeat(40)}`,
              issued_on: '2020-01-01T00:00:00Z',
              policies: [
                {
                  effect: 'allow',
                  permission_groups: [{ name: 'DNS Write' }],
                  resources: { 'com.cloudflare.api.account.*': '*' },
                },
              ],
            },
          ],
        },
      ],
    };
    await expect(startSimulator({ scenario })).rejects.toThrow(
      /token bad-scope: Permission group "DNS Write"/u,
    );
  });

  it('refuses ambiguous permission group names without a scope', async () => {
    const scenario: Scenario = {
      ...minimal(),
      users: [
        {
          id: 'a'.repeat(32),
          email: 'x@example.com',
          created_on: '2020-01-01T00:00:00Z',
          tokens: [
            {
              id: 'f'.repeat(32),
              label: 'logs',
              name: 'logs',
              secret: `cfut_${'c'.repeat(40)}`,
              issued_on: '2020-01-01T00:00:00Z',
              policies: [
                {
                  effect: 'allow',
                  permission_groups: [{ name: 'Logs Read' }],
                  resources: { 'com.cloudflare.api.account.zone.*': '*' },
                },
              ],
            },
          ],
        },
      ],
    };
    await expect(startSimulator({ scenario })).rejects.toThrow(/"Logs Read" is ambiguous/u);
  });

  it('accepts extra permission groups that the sample lacks, and refuses ones it has', async () => {
    const extra = {
      id: '1'.repeat(32),
      name: 'Hypothetical Read',
      scopes: ['com.cloudflare.api.account' as const],
      note: 'added for a test',
    };
    const withExtra = await startSimulator({ scenario: { ...minimal(), extra_permission_groups: [extra] } });
    expect(withExtra.state.permissionGroups().find((g) => g.id === extra.id)).toMatchObject({
      extraNote: 'added for a test',
    });
    await withExtra.close();
    const duplicate = { ...extra, id: GROUPS.zoneRead.id };
    await expect(
      startSimulator({ scenario: { ...minimal(), extra_permission_groups: [duplicate] } }),
    ).rejects.toThrow(/already in the sample/u);
  });
});
