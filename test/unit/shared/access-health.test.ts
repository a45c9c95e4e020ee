/**
 * The pure parts of access and health: the explorer's "every zone" question in the shared
 * evaluation, token quotas, report escaping and the bulk plan's wording.
 */
import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import { evaluateAccess } from '../../../src/shared/access/evaluate';
import { planBulk } from '../../../src/shared/bulk/bulk-plan';
import type { Profile, TokenRow } from '../../../src/shared/domain';
import { quotaProblem, tokenQuotas } from '../../../src/shared/health/health-rules';
import { decodePolicies } from '../../../src/shared/policy/decode';
import { csvField, markdownText } from '../../../src/shared/reports/report-text';
import { makeProfile, TOKEN_ROWS } from '../../fixtures/renderer/fixtures';
import { ACME, EXAMPLE_COM, groupId, nameLookup } from './support';

const ZONE = 'com.cloudflare.api.account.zone.';
const ZONE_READ = groupId('Zone Read', 'zone');
const everyZone = { kind: 'all_zones', label: 'every zone' } as const;

function policies(...raw: CfPolicy[]) {
  return decodePolicies(raw, nameLookup());
}

function allow(resources: CfPolicy['resources'], effect: 'allow' | 'deny' = 'allow'): CfPolicy {
  return { effect, permission_groups: [{ id: ZONE_READ }], resources };
}

describe('"every zone" in the shared evaluation', () => {
  it('is granted by the zone wildcard only, and refused by a deny on any zone', () => {
    expect(evaluateAccess(policies(allow({ [`${ZONE}*`]: '*' })), ZONE_READ, everyZone).allowed).toBe(true);
    expect(
      evaluateAccess(
        policies(allow({ [`com.cloudflare.api.account.${ACME}`]: { [`${ZONE}*`]: '*' } })),
        ZONE_READ,
        everyZone,
      ).allowed,
    ).toBe(false);
    const excluded = evaluateAccess(
      policies(allow({ [`${ZONE}*`]: '*' }), allow({ [`${ZONE}${EXAMPLE_COM}`]: '*' }, 'deny')),
      ZONE_READ,
      everyZone,
    );
    expect(excluded).toMatchObject({ allowed: false, decidedBy: { number: 2, effect: 'deny' } });
  });
});

function row(overrides: Partial<TokenRow>): TokenRow {
  const base = TOKEN_ROWS[0];
  if (!base) throw new Error('fixture: no token rows');
  return {
    ...base,
    ...overrides,
    key: `${overrides.profileId ?? base.profileId}:${overrides.id ?? base.id}`,
  };
}

describe('token quotas', () => {
  const first: Profile = makeProfile({
    id: '00000000-0000-4000-8000-000000000001',
    userId: 'u1',
    email: 'jo@example.com',
  });
  const second: Profile = makeProfile({
    id: '00000000-0000-4000-8000-000000000002',
    userId: 'u1',
    label: 'Jo again',
  });

  it('counts a login’s user tokens once across its profiles, and each account’s tokens', () => {
    const rows = [
      ...Array.from({ length: 45 }, (_, i) => row({ profileId: first.id, id: `t${i}`, kind: 'user' })),
      // The same tokens seen by a second profile of the same login, and one more.
      ...Array.from({ length: 46 }, (_, i) => row({ profileId: second.id, id: `t${i}`, kind: 'user' })),
      ...Array.from({ length: 12 }, (_, i) =>
        row({ profileId: first.id, id: `a${i}`, kind: 'account', accountId: 'acc1', accountName: 'Acme' }),
      ),
    ];
    const quotas = tokenQuotas(rows, [first, second]);
    expect(quotas).toEqual([
      {
        scope: 'user',
        label: 'jo@example.com',
        profileIds: [first.id, second.id],
        accountId: null,
        used: 46,
        limit: 50,
      },
      { scope: 'account', label: 'Acme', profileIds: [first.id], accountId: 'acc1', used: 12, limit: 500 },
    ]);
  });

  it('warns from 90 % and says when the quota is full', () => {
    const quota = {
      scope: 'user' as const,
      label: 'jo@example.com',
      profileIds: [],
      accountId: null,
      limit: 50,
    };
    expect(quotaProblem({ ...quota, used: 44 })).toBeNull();
    expect(quotaProblem({ ...quota, used: 45 })).toMatchObject({
      severity: 'warning',
      message: '45 of 50 user tokens of jo@example.com in use: delete unused ones before the quota is full',
    });
    expect(quotaProblem({ ...quota, used: 50 })).toMatchObject({ severity: 'danger' });
    expect(
      quotaProblem({ ...quota, scope: 'account', label: 'Acme', accountId: 'a', limit: 500, used: 450 }),
    ).toMatchObject({
      message: '450 of 500 tokens of account Acme in use: delete unused ones before the quota is full',
    });
  });
});

describe('report escaping', () => {
  it('defuses formulas and quotes CSV fields as RFC 4180 says', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps a name from breaking a Markdown table or adding markup', () => {
    expect(markdownText('a | b\nc')).toBe('a \\| b c');
    expect(markdownText('**bold** [link](x) <img>')).toBe('\\*\\*bold\\*\\* \\[link\\](x) \\<img\\>');
    expect(markdownText('# heading')).toBe('\\# heading');
  });
});

describe('the bulk plan', () => {
  it('says when nothing is left to send', () => {
    const disabled = row({ status: 'disabled' });
    const plan = planBulk('disable', [disabled], () => ({ edit: true, delete: true, reason: null }));
    expect(plan.summary).toBe('Nothing to disable: the token is left out.');
    expect(plan.sendCount).toBe(0);
  });
});
