/**
 * Token quotas: a login's user tokens counted once across its profiles, and when to warn.
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/shared/domain';
import { quotaProblem, tokenQuotas } from '../../../src/shared/health/health-rules';
import { makeProfile } from '../../fixtures/renderer/fixtures';
import { row } from '../support/token-rows';
import { englishMessage } from '../../../src/shared/i18n/english-message';

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
    const near = quotaProblem({ ...quota, used: 45 });
    expect(near).toMatchObject({
      severity: 'warning',
      message: {
        key: 'insights.problem.quotaNearFull',
        params: { used: 45, limit: 50, scope: 'user', label: 'jo@example.com' },
      },
    });
    expect(englishMessage(near?.message ?? { key: '' })).toBe(
      '45 of 50 user tokens of jo@example.com in use: delete unused ones before the quota is full',
    );
    const full = quotaProblem({ ...quota, used: 50 });
    expect(full).toMatchObject({ severity: 'danger', message: { key: 'insights.problem.quotaFull' } });
    expect(englishMessage(full?.message ?? { key: '' })).toBe(
      '50 of 50 user tokens of jo@example.com: the quota is full, Cloudflare refuses new ones',
    );
    const account = quotaProblem({
      ...quota,
      scope: 'account',
      label: 'Acme',
      accountId: 'a',
      limit: 500,
      used: 450,
    });
    expect(englishMessage(account?.message ?? { key: '' })).toBe(
      '450 of 500 tokens of account Acme in use: delete unused ones before the quota is full',
    );
  });
});
