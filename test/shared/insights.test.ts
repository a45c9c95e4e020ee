import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../src/shared/cloudflare-types';
import { englishMessage } from '../../src/shared/i18n/english-message';
import { tokenWarnings, type TokenFacts } from '../../src/shared/insights';
import { decodePolicies } from '../../src/shared/policy/decode';
import { ACME, EXAMPLE_COM, USER_ID, groupId, nameLookup } from './support/world';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

const zoneRead: CfPolicy = {
  effect: 'allow',
  permission_groups: [{ id: groupId('Zone Read', 'zone') }],
  resources: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
};

/** A well-kept token: read-only, IP-filtered, expiring in 60 days, used yesterday. */
function facts(extra: Partial<TokenFacts> = {}, policies: CfPolicy[] = [zoneRead]): TokenFacts {
  return {
    status: 'active',
    expiresOn: daysFromNow(60),
    notBefore: null,
    lastUsedOn: daysFromNow(-1),
    issuedOn: daysFromNow(-30),
    policies: decodePolicies(policies, nameLookup()),
    requestIp: { in: ['203.0.113.0/24'], notIn: [] },
    ...extra,
  };
}

/** The warnings with their messages in English, as the command line's --json and logs word them. */
const inEnglish = (token: TokenFacts, now: Date) =>
  tokenWarnings(token, now).map((warning) => ({ ...warning, message: englishMessage(warning.message) }));

const kinds = (extra: Partial<TokenFacts> = {}, policies?: CfPolicy[]) =>
  tokenWarnings(facts(extra, policies), NOW).map((warning) => warning.kind);

describe('tokenWarnings', () => {
  it('has nothing to say about a well-kept token', () => {
    expect(inEnglish(facts(), NOW)).toEqual([]);
  });

  it('returns each warning as a message, its key and parameters, never a sentence', () => {
    expect(tokenWarnings(facts({ expiresOn: daysFromNow(29) }), NOW)).toEqual([
      {
        kind: 'expires_soon',
        severity: 'warning',
        message: { key: 'insights.warning.expiresSoon', params: { days: 29 } },
      },
    ]);
    expect(tokenWarnings(facts({ expiresOn: daysFromNow(-1) }), NOW)[0]?.message).toEqual({
      key: 'insights.warning.expiredOn',
      params: { expiresDay: '2026-06-14' },
    });
  });

  it('warns from 30 days before expiry, counting days up', () => {
    expect(inEnglish(facts({ expiresOn: daysFromNow(29) }), NOW)).toEqual([
      { kind: 'expires_soon', severity: 'warning', message: 'expires in 29 days' },
    ]);
    expect(inEnglish(facts({ expiresOn: daysFromNow(30) }), NOW)).toEqual([
      { kind: 'expires_soon', severity: 'warning', message: 'expires in 30 days' },
    ]);
    expect(inEnglish(facts({ expiresOn: daysFromNow(31) }), NOW)).toEqual([]);
    expect(inEnglish(facts({ expiresOn: daysFromNow(12) }), NOW)[0]?.message).toBe('expires in 12 days');
    expect(inEnglish(facts({ expiresOn: daysFromNow(0.1) }), NOW)[0]?.message).toBe('expires in 1 day');
  });

  it('says an expired token is expired, and nothing else', () => {
    const write: CfPolicy = { ...zoneRead, permission_groups: [{ id: groupId('DNS Write', 'zone') }] };
    const expected = [{ kind: 'expired', severity: 'danger', message: 'expired on 2026-06-14' }];
    expect(
      inEnglish(
        facts({ expiresOn: daysFromNow(-1), lastUsedOn: null, requestIp: { in: [], notIn: [] } }, [write]),
        NOW,
      ),
    ).toEqual(expected);
    expect(inEnglish(facts({ expiresOn: NOW.toISOString() }), NOW)[0]?.kind).toBe('expired');
    expect(inEnglish(facts({ status: 'expired', expiresOn: null }), NOW)).toEqual([
      { kind: 'expired', severity: 'danger', message: 'has expired' },
    ]);
  });

  it('notes a token that never expires', () => {
    expect(inEnglish(facts({ expiresOn: null }), NOW)).toEqual([
      { kind: 'no_expiry', severity: 'info', message: 'never expires' },
    ]);
  });

  it('warns about Write permissions usable from any IP address, but not about reads', () => {
    const write: CfPolicy = { ...zoneRead, permission_groups: [{ id: groupId('DNS Write', 'zone') }] };
    expect(inEnglish(facts({ requestIp: { in: [], notIn: [] } }, [write]), NOW)).toEqual([
      {
        kind: 'no_ip_filter',
        severity: 'warning',
        message: 'has Write permissions (DNS Write) and works from any IP address',
      },
    ]);
    expect(kinds({ requestIp: { in: [], notIn: ['198.51.100.7/32'] } }, [write])).toEqual(['no_ip_filter']);
    expect(kinds({ requestIp: { in: [], notIn: [] } })).toEqual([]);
    expect(kinds({}, [write])).toEqual([]);
  });

  it('counts a Write permission only where it is allowed, not where it is denied', () => {
    const denyWrite: CfPolicy = {
      ...zoneRead,
      effect: 'deny',
      permission_groups: [{ id: groupId('DNS Write', 'zone') }],
    };
    expect(kinds({ requestIp: { in: [], notIn: [] } }, [zoneRead, denyWrite])).toEqual([]);
  });

  it('warns about a token never used more than 7 days after issue', () => {
    expect(kinds({ lastUsedOn: null, issuedOn: daysFromNow(-7) })).toEqual([]);
    expect(inEnglish(facts({ lastUsedOn: null, issuedOn: daysFromNow(-8) }), NOW)).toEqual([
      { kind: 'never_used', severity: 'warning', message: 'issued 8 days ago and never used' },
    ]);
    expect(kinds({ lastUsedOn: null, issuedOn: null })).toEqual([]);
  });

  it('warns about a token unused for 90 days or more', () => {
    expect(kinds({ lastUsedOn: daysFromNow(-89) })).toEqual([]);
    expect(inEnglish(facts({ lastUsedOn: daysFromNow(-90) }), NOW)).toEqual([
      { kind: 'unused_long', severity: 'warning', message: 'not used for 90 days' },
    ]);
  });

  it('warns about Write on all zones or all accounts, not on one account', () => {
    const allZones: CfPolicy = {
      effect: 'allow',
      permission_groups: [{ id: groupId('DNS Write', 'zone') }, { id: groupId('Zone Read', 'zone') }],
      resources: { 'com.cloudflare.api.account.zone.*': '*' },
    };
    const allAccounts: CfPolicy = {
      effect: 'allow',
      permission_groups: [{ id: groupId('Workers Scripts Write', 'account') }],
      resources: { 'com.cloudflare.api.account.*': '*' },
    };
    const oneAccount: CfPolicy = {
      ...allAccounts,
      resources: { [`com.cloudflare.api.account.${ACME}`]: '*' },
    };
    const allAccountsRead: CfPolicy = {
      effect: 'allow',
      permission_groups: [{ id: groupId('Billing Read', 'account') }],
      resources: { 'com.cloudflare.api.account.*': '*' },
    };
    expect(inEnglish(facts({}, [allZones, allAccounts, allAccountsRead]), NOW)).toEqual([
      {
        kind: 'broad_write',
        severity: 'warning',
        message: 'can write everywhere: DNS Write on all zones; Workers Scripts Write on all accounts',
      },
    ]);
    expect(kinds({}, [oneAccount, allAccountsRead])).toEqual([]);
  });

  it('flags, first and as danger, a token that can mint more tokens', () => {
    const mint: CfPolicy = {
      effect: 'allow',
      permission_groups: [{ id: groupId('API Tokens Write', 'user') }],
      resources: { [`com.cloudflare.api.user.${USER_ID}`]: '*' },
    };
    const accountMint: CfPolicy = {
      effect: 'allow',
      permission_groups: [{ id: groupId('Account API Tokens Write', 'account') }],
      resources: { [`com.cloudflare.api.account.${ACME}`]: '*' },
    };
    expect(inEnglish(facts({ expiresOn: null }, [mint, accountMint]), NOW)).toEqual([
      {
        kind: 'can_create_tokens',
        severity: 'danger',
        message: 'can create more API tokens (API Tokens Write, Account API Tokens Write)',
      },
      { kind: 'no_expiry', severity: 'info', message: 'never expires' },
    ]);
  });

  it('notes a token that is not valid yet', () => {
    expect(inEnglish(facts({ notBefore: daysFromNow(3) }), NOW)).toEqual([
      { kind: 'not_yet_valid', severity: 'info', message: 'not valid until 2026-06-18' },
    ]);
    expect(kinds({ notBefore: daysFromNow(-3) })).toEqual([]);
  });

  it('orders warnings danger, then warning, then info', () => {
    const mint: CfPolicy = {
      effect: 'allow',
      permission_groups: [{ id: groupId('API Tokens Write', 'user') }],
      resources: { [`com.cloudflare.api.user.${USER_ID}`]: '*' },
    };
    expect(
      tokenWarnings(
        facts(
          { expiresOn: null, notBefore: daysFromNow(2), lastUsedOn: null, requestIp: { in: [], notIn: [] } },
          [mint],
        ),
        NOW,
      ).map((w) => [w.severity, w.kind]),
    ).toEqual([
      ['danger', 'can_create_tokens'],
      ['warning', 'never_used'],
      ['warning', 'no_ip_filter'],
      ['info', 'no_expiry'],
      ['info', 'not_yet_valid'],
    ]);
  });
});
