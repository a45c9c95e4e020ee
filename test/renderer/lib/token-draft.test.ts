import { describe, expect, it } from 'vitest';
import { createBuildContext } from '../../../src/shared/policy/build';
import {
  dayToIso,
  daysFromNow,
  draftFromDetail,
  emptyDraft,
  isoToDay,
  wireTokenFromDetail,
} from '../../../src/renderer/lib/token-draft';
import { policyViews } from '../../../src/renderer/lib/policy-view';
import {
  ACCOUNTS,
  detailFor,
  FIXTURE_NOW,
  IDS,
  permissionGroups,
  ZONES,
} from '../../fixtures/renderer/fixtures';

const ctx = (profileId: string) =>
  createBuildContext({
    owner: { kind: 'user' },
    userId: null,
    groups: permissionGroups('user'),
    accounts: ACCOUNTS.filter((a) => a.profileId === profileId),
    zones: ZONES.filter((z) => z.profileId === profileId),
    now: FIXTURE_NOW,
  });

describe('edit drafts from cached tokens', () => {
  it('folds a deny policy with the same permissions back into an exclusion', () => {
    const detail = detailFor(`${IDS.acme}:a1000000000000000000000000000005`);
    const { draft, unrepresentable } = draftFromDetail(detail, ctx(IDS.acme));
    expect(unrepresentable).toEqual([]);
    expect(draft.policies).toHaveLength(1);
    expect(draft.policies[0]?.resources).toEqual([
      { type: 'all_zones', include: true },
      { type: 'zone', zoneId: IDS.zones.acmeIo, include: false },
    ]);
  });

  it('rebuilds "all zones of an account" in Cloudflare’s nested form', () => {
    const detail = detailFor(`${IDS.acme}:a1000000000000000000000000000002`);
    const wire = wireTokenFromDetail(detail);
    expect(wire.policies[0]?.resources).toEqual({
      [`com.cloudflare.api.account.${IDS.acmeStaging}`]: { 'com.cloudflare.api.account.zone.*': '*' },
    });
    expect(draftFromDetail(detail, ctx(IDS.acme)).draft.policies[0]?.resources).toEqual([
      { type: 'account_zones', accountId: IDS.acmeStaging, include: true },
    ]);
  });

  it('keeps the IP filter and the dates', () => {
    const detail = detailFor(`${IDS.personal}:p1000000000000000000000000000003`);
    const { draft } = draftFromDetail(detail, ctx(IDS.personal));
    expect(draft.requestIp).toEqual({ in: ['203.0.113.0/24'], notIn: ['203.0.113.7/32'] });
    expect(draft.expiresOn).toBe(detail.expiresOn);
  });

  it('starts custom tokens with one empty allow policy', () => {
    expect(emptyDraft().policies).toEqual([{ effect: 'allow', permissionGroupIds: [], resources: [] }]);
  });
});

describe('date inputs', () => {
  it('round-trips YYYY-MM-DD through the draft’s ISO time in UTC', () => {
    expect(dayToIso('2027-01-31')).toBe('2027-01-31T00:00:00Z');
    expect(isoToDay('2027-01-31T00:00:00Z')).toBe('2027-01-31');
    expect(dayToIso('')).toBeNull();
    expect(isoToDay(null)).toBe('');
    expect(daysFromNow(30, new Date('2026-03-10T14:02:00Z'))).toBe('2026-04-09T00:00:00Z');
  });
});

describe('policy views', () => {
  it('groups permissions by scope and shows exclusions under their policy', () => {
    const views = policyViews(detailFor(`${IDS.acme}:a1000000000000000000000000000005`).policies);
    expect(views).toHaveLength(1);
    expect(views[0]?.groups).toEqual([{ scope: 'Zone', names: ['Cache Purge'] }]);
    expect(views[0]?.exclude.map((r) => r.label)).toEqual(['zone acme.io']);
    const mixed = policyViews(detailFor(`${IDS.acme}:a1000000000000000000000000000001`).policies);
    expect(mixed.map((v) => v.groups[0]?.scope)).toEqual(['Zone', 'Account']);
  });
});
