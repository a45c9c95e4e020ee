import { describe, expect, it } from 'vitest';
import { dayToIso, daysFromNow, emptyDraft, isoToDay } from '../../../src/renderer/lib/token-draft';
import { policyViews } from '../../../src/renderer/lib/policy-view';
import type { DecodedPolicy } from '../../../src/shared/domain';
import { detailFor, tokenNamed } from '../../fixtures/renderer/fixtures';

describe('new drafts', () => {
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
    const views = policyViews(detailFor(tokenNamed('Cache purge bot').key).policies);
    expect(views).toHaveLength(1);
    expect(views[0]?.groups).toEqual([{ scope: 'zone', names: ['Cache Purge'] }]);
    expect(views[0]?.exclude.map((r) => r.label)).toEqual(['zone acme.io']);
    const mixed = policyViews(detailFor(tokenNamed('GitHub Actions — deploy acme.com').key).policies);
    expect(mixed.map((v) => v.groups[0]?.scope)).toEqual(['zone', 'account']);
  });

  it('pairs each deny with its own allow when two allow policies share the same permissions', () => {
    const policy = (id: string, effect: DecodedPolicy['effect'], label: string): DecodedPolicy => ({
      id,
      effect,
      permissionGroups: [{ id: 'g1', name: 'DNS Write', scope: 'com.cloudflare.api.account.zone' }],
      resources: [{ key: label, kind: 'zone', label, accountId: null, zoneId: null }],
      summary: '',
      summaryMessage: { key: 'outcomes.policy.rawWords', params: { words: label } },
    });
    const views = policyViews([
      policy('a1', 'allow', 'zone one.com'),
      policy('a2', 'allow', 'zone two.com'),
      policy('d1', 'deny', 'zone x.com'),
      policy('d2', 'deny', 'zone y.com'),
      policy('d3', 'deny', 'zone z.com'),
    ]);
    expect(views.map((v) => [v.effect, v.include[0]?.label, v.exclude.map((r) => r.label)])).toEqual([
      ['allow', 'zone one.com', ['zone x.com']],
      ['allow', 'zone two.com', ['zone y.com']],
      ['deny', 'zone z.com', []],
    ]);
  });
});
