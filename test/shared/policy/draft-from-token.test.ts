import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import { englishLeftovers } from '../../fixtures/renderer/english-leaks';
import type { CfPolicy, CfToken } from '../../../src/shared/cloudflare-types';
import {
  buildTokenBody,
  draftFromToken,
  samePolicies,
  validateDraft,
} from '../../../src/shared/policy/build';
import { ACME, EXAMPLE_COM, OTHER_CO, USER_ID, X_COM, buildContext } from '../support/world';
import { GROUPS } from '../../fixtures/permission-groups';

const zoneKey = (id: string) => `com.cloudflare.api.account.zone.${id}`;
const accountKey = (id: string) => `com.cloudflare.api.account.${id}`;

function token(policies: CfPolicy[], extra: Partial<CfToken> = {}): CfToken {
  return {
    id: 'ed17574386854bf78a67040be0a770b0',
    name: 'ci deploy',
    status: 'active',
    issued_on: '2026-01-01T00:00:00Z',
    modified_on: '2026-01-01T00:00:00Z',
    policies,
    ...extra,
  };
}

/** A token as Cloudflare returns it: ids on policies, names on groups, everything reordered. */
const rich = token(
  [
    {
      id: 'p4',
      effect: 'allow',
      permission_groups: [{ id: GROUPS.apiTokensRead.id, name: 'API Tokens Read' }],
      resources: { [`com.cloudflare.api.user.${USER_ID}`]: '*' },
    },
    {
      id: 'p2',
      effect: 'deny',
      permission_groups: [
        { id: GROUPS.zoneRead.id, name: 'Zone Read' },
        { id: GROUPS.dnsWrite.id, name: 'DNS Write' },
      ],
      resources: { [zoneKey(X_COM)]: '*' },
    },
    {
      id: 'p1',
      effect: 'allow',
      permission_groups: [
        { id: GROUPS.dnsWrite.id, name: 'DNS Write' },
        { id: GROUPS.zoneRead.id, name: 'Zone Read' },
      ],
      // One kind of map per policy, as Cloudflare's schema has it: the zone sits under its account.
      resources: {
        [accountKey(ACME)]: {
          'com.cloudflare.api.account.zone.*': '*',
          [zoneKey('0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f')]: '*',
        },
      },
    },
    {
      id: 'p3',
      effect: 'allow',
      permission_groups: [{ id: GROUPS.billingRead.id, name: 'Billing Read' }],
      resources: { 'com.cloudflare.api.account.*': '*' },
    },
    {
      id: 'p5',
      effect: 'deny',
      permission_groups: [{ id: GROUPS.billingRead.id, name: 'Billing Read' }],
      resources: { [accountKey(OTHER_CO)]: '*' },
    },
  ],
  {
    condition: { request_ip: { in: ['203.0.113.0/24'], not_in: ['203.0.113.7/32'] } },
    expires_on: '2027-01-31T00:00:00Z',
  },
);

describe('draftFromToken', () => {
  const ctx = buildContext();

  it('folds each allow + deny pair with the same groups back into include and exclude selectors', () => {
    const { draft, unrepresentable } = draftFromToken(rich, ctx);
    expect(unrepresentable).toEqual([]);
    expect(draft).toEqual({
      name: 'ci deploy',
      policies: [
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.apiTokensRead.id],
          resources: [{ type: 'user', userId: USER_ID, include: true }],
        },
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.dnsWrite.id, GROUPS.zoneRead.id],
          resources: [
            { type: 'account_zones', accountId: ACME, include: true },
            { type: 'zone', zoneId: '0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f', include: true },
            { type: 'zone', zoneId: X_COM, include: false },
          ],
        },
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.billingRead.id],
          resources: [
            { type: 'all_accounts', include: true },
            { type: 'account', accountId: OTHER_CO, include: false },
          ],
        },
      ],
      requestIp: { in: ['203.0.113.0/24'], notIn: ['203.0.113.7/32'] },
      notBefore: null,
      expiresOn: '2027-01-31T00:00:00Z',
    });
  });

  it('round-trips: rebuilding the draft gives the same policies as a set', () => {
    const { draft } = draftFromToken(rich, ctx);
    expect(validateDraft(draft, ctx)).toEqual([]);
    const body = buildTokenBody(draft, ctx);
    expect(samePolicies(body.policies, rich.policies)).toBe(true);
    expect(body.condition).toEqual(rich.condition);
    expect(body.expires_on).toBe(rich.expires_on);
  });

  it('round-trips a token whose zones are nested under their account', () => {
    const nested = token([
      {
        id: 'p1',
        effect: 'allow',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { [accountKey(ACME)]: { [zoneKey(EXAMPLE_COM)]: '*', [zoneKey(X_COM)]: '*' } },
      },
    ]);
    const { draft, unrepresentable } = draftFromToken(nested, ctx);
    expect(unrepresentable).toEqual([]);
    expect(samePolicies(buildTokenBody(draft, ctx).policies, nested.policies)).toBe(true);
  });

  it('keeps a deny policy without an allow partner as a deny draft, and round-trips it', () => {
    const denyOnly = token([
      {
        effect: 'allow',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { 'com.cloudflare.api.account.zone.*': '*' },
      },
      {
        effect: 'deny',
        permission_groups: [{ id: GROUPS.zoneRead.id }],
        resources: { [zoneKey(X_COM)]: '*' },
      },
      {
        effect: 'deny',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { [zoneKey(X_COM)]: '*' },
      },
      {
        effect: 'deny',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { [zoneKey(EXAMPLE_COM)]: '*' },
      },
    ]);
    const { draft } = draftFromToken(denyOnly, ctx);
    expect(draft.policies.map((p) => [p.effect, p.resources.map((r) => r.include)])).toEqual([
      ['allow', [true, false]],
      ['deny', [true]],
      ['deny', [true]],
    ]);
    expect(samePolicies(buildTokenBody(draft, ctx).policies, denyOnly.policies)).toBe(true);
  });

  it('lists R2 buckets, unknown keys, odd values and other conditions instead of dropping them', () => {
    const odd = token(
      [
        {
          effect: 'allow',
          permission_groups: [{ id: GROUPS.r2BucketItemRead.id }],
          resources: { [`com.cloudflare.edge.r2.bucket.${ACME}_default_media`]: '*' },
        },
        {
          effect: 'allow',
          permission_groups: [{ id: GROUPS.dnsWrite.id }],
          resources: {
            [zoneKey(EXAMPLE_COM)]: '*',
            'com.cloudflare.api.mystery.thing': '*',
            [zoneKey(X_COM)]: 'read',
          },
        },
      ],
      { condition: { request_ip: { in: ['203.0.113.0/24'] }, geo: { in: ['DE'] } } as CfToken['condition'] },
    );
    const { draft, unrepresentable } = draftFromToken(odd, ctx);
    expect(unrepresentable.map(englishMessage)).toEqual([
      'Policy 1 applies to R2 bucket media in account Acme; Keyflare cannot edit R2 bucket resources yet.',
      'Policy 2 applies to resource com.cloudflare.api.mystery.thing, a resource Keyflare does not know.',
      'Policy 2 gives zone x.com the value "read" instead of "*".',
      'The token has a "geo" condition, which Keyflare cannot edit.',
    ]);
    // A Chinese reader gets the same parts in Chinese; names and Cloudflare's keys stay as they are.
    const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
    const chinese = unrepresentable.map((part) => zh(part.key, part.params));
    expect(chinese).toEqual([
      '策略 1 作用于账户 Acme 中的 R2 存储桶 media；Keyflare 暂时无法编辑 R2 存储桶资源。',
      expect.stringContaining('com.cloudflare.api.mystery.thing'),
      '策略 2 给区域 x.com 的值是“read”，而不是“*”。',
      '该令牌带有“geo”条件，Keyflare 无法编辑。',
    ]);
    expect(
      englishLeftovers(chinese, [
        'Acme',
        'media',
        'x.com',
        'com.cloudflare.api.mystery.thing',
        'geo',
        'read',
      ]),
    ).toEqual([]);
    expect(draft.policies).toEqual([
      {
        effect: 'allow',
        permissionGroupIds: [GROUPS.dnsWrite.id],
        resources: [{ type: 'zone', zoneId: EXAMPLE_COM, include: true }],
      },
    ]);
  });
});

describe('samePolicies', () => {
  const allowZones: CfPolicy = {
    effect: 'allow',
    permission_groups: [{ id: GROUPS.dnsWrite.id }, { id: GROUPS.zoneRead.id }],
    resources: { [zoneKey(EXAMPLE_COM)]: '*', [zoneKey(X_COM)]: '*' },
  };
  const billing: CfPolicy = {
    effect: 'allow',
    permission_groups: [{ id: GROUPS.billingRead.id }],
    resources: { 'com.cloudflare.api.account.*': '*' },
  };

  it('ignores policy order, group order, ids and group names', () => {
    const reordered: CfPolicy[] = [
      { ...billing, id: 'b' },
      {
        id: 'a',
        effect: 'allow',
        permission_groups: [
          { id: GROUPS.zoneRead.id, name: 'Zone Read' },
          { id: GROUPS.dnsWrite.id, name: 'DNS Write' },
        ],
        resources: { [zoneKey(X_COM)]: '*', [zoneKey(EXAMPLE_COM)]: '*' },
      },
    ];
    expect(samePolicies([allowZones, billing], reordered)).toBe(true);
  });

  it('treats a zone nested under its account as the same zone written flat', () => {
    const nested: CfPolicy = {
      ...allowZones,
      resources: { [accountKey(ACME)]: { [zoneKey(EXAMPLE_COM)]: '*', [zoneKey(X_COM)]: '*' } },
    };
    expect(samePolicies([allowZones], [nested])).toBe(true);
  });

  it('treats two policies with the same effect and groups as one policy on both their resources', () => {
    const split: CfPolicy[] = [
      { ...allowZones, resources: { [zoneKey(EXAMPLE_COM)]: '*' } },
      { ...allowZones, resources: { [zoneKey(X_COM)]: '*' } },
    ];
    expect(samePolicies([allowZones], split)).toBe(true);
    expect(samePolicies([allowZones], [split[0] as CfPolicy])).toBe(false);
    expect(
      samePolicies([allowZones], [split[0] as CfPolicy, { ...(split[1] as CfPolicy), effect: 'deny' }]),
    ).toBe(false);
  });

  it('sees a changed effect, group, resource or extra policy', () => {
    expect(samePolicies([allowZones], [{ ...allowZones, effect: 'deny' }])).toBe(false);
    expect(
      samePolicies([allowZones], [{ ...allowZones, permission_groups: [{ id: GROUPS.dnsWrite.id }] }]),
    ).toBe(false);
    expect(samePolicies([allowZones], [{ ...allowZones, resources: { [zoneKey(EXAMPLE_COM)]: '*' } }])).toBe(
      false,
    );
    expect(samePolicies([allowZones], [allowZones, billing])).toBe(false);
    expect(
      samePolicies(
        [{ ...allowZones, resources: { 'com.cloudflare.api.account.zone.*': '*' } }],
        [{ ...allowZones, resources: { [accountKey(ACME)]: { 'com.cloudflare.api.account.zone.*': '*' } } }],
      ),
    ).toBe(false);
  });
});
