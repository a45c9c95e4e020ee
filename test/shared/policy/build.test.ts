import { describe, expect, it } from 'vitest';
import type { PolicyDraft } from '../../../src/shared/domain';
import { AppError } from '../../../src/shared/errors';
import type { CfToken } from '../../../src/shared/cloudflare-types';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createFormats } from '../../../src/shared/i18n/format';
import { formatMessage } from '../../../src/shared/i18n/format-message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import {
  buildTokenBody,
  describeDraft,
  describeDraftMessages,
  draftFromToken,
  samePolicies,
  validateDraft as validateDraftMessages,
  type DraftIssue,
} from '../../../src/shared/policy/build';
import {
  ACME,
  EXAMPLE_COM,
  OTHER_CO,
  UNKNOWN_ZONE,
  USER_ID,
  X_COM,
  buildContext,
  dnsOnExample,
  draft,
  OUTSIDE_ACME,
} from '../support/world';
import { GROUPS } from '../../fixtures/permission-groups';

/** Each problem in English, as a log says it (the messages render in both languages in validation-messages.test.ts). */
function inEnglish(issues: readonly DraftIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: issue.path, message: englishMessage(issue.message) }));
}

function validateDraft(
  ...args: Parameters<typeof validateDraftMessages>
): { path: string; message: string }[] {
  return inEnglish(validateDraftMessages(...args));
}

describe('validateDraft', () => {
  const ctx = buildContext();

  it('accepts a sound draft', () => {
    expect(validateDraft(draft([dnsOnExample]), ctx)).toEqual([]);
  });

  it('names the field of every schema problem', () => {
    const issues = validateDraft(
      draft([{ effect: 'allow', permissionGroupIds: [], resources: [] }], { name: '   ' }),
      ctx,
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'give the token a name' },
        { path: 'policies.0.permissionGroupIds', message: 'choose at least one permission' },
        { path: 'policies.0.resources', message: 'choose at least one resource' },
      ]),
    );
  });

  it('limits the name to the 120 characters Cloudflare takes', () => {
    expect(validateDraft(draft([dnsOnExample], { name: 'n'.repeat(120) }), ctx)).toEqual([]);
    expect(validateDraft(draft([dnsOnExample], { name: 'n'.repeat(121) }), ctx)).toEqual([
      { path: 'name', message: 'at most 120 characters' },
    ]);
  });

  it('refuses a group the profile cannot grant', () => {
    const issues = validateDraft(
      draft([
        { ...dnsOnExample, permissionGroupIds: [GROUPS.dnsWrite.id, 'f00dfeedf00dfeedf00dfeedf00dfeed'] },
      ]),
      ctx,
    );
    expect(issues).toEqual([
      {
        path: 'policies.0.permissionGroupIds.1',
        message:
          'permission group f00dfeed… is not one this profile can grant: sync the profile or remove it',
      },
    ]);
  });

  it('refuses a zone permission on an account, naming the group and the resource', () => {
    const issues = validateDraft(
      draft([{ ...dnsOnExample, resources: [{ type: 'account', accountId: ACME, include: true }] }]),
      ctx,
    );
    expect(issues).toEqual([
      {
        path: 'policies.0.resources.0',
        message: 'DNS Write applies to zones, so account Acme cannot be chosen in this policy',
      },
    ]);
  });

  it('accepts every zone selection for zone permissions and every account selection for account permissions', () => {
    const zones: PolicyDraft = {
      effect: 'allow',
      permissionGroupIds: [GROUPS.dnsWrite.id],
      resources: [
        { type: 'zone', zoneId: EXAMPLE_COM, include: true },
        { type: 'account_zones', accountId: OTHER_CO, include: true },
        { type: 'all_zones', include: true },
      ],
    };
    const accounts: PolicyDraft = {
      effect: 'allow',
      permissionGroupIds: [GROUPS.billingRead.id],
      resources: [
        { type: 'account', accountId: ACME, include: true },
        { type: 'all_accounts', include: true },
      ],
    };
    const user: PolicyDraft = {
      effect: 'allow',
      permissionGroupIds: [GROUPS.apiTokensWrite.id],
      resources: [{ type: 'user', userId: USER_ID, include: true }],
    };
    expect(validateDraft(draft([zones, accounts, user]), ctx)).toEqual([]);
  });

  it('refuses a user permission on zones and an account permission on the user', () => {
    const issues = validateDraft(
      draft([
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.apiTokensWrite.id],
          resources: [{ type: 'all_zones', include: true }],
        },
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.billingRead.id],
          resources: [{ type: 'user', userId: USER_ID, include: true }],
        },
      ]),
      ctx,
    );
    expect(issues).toEqual([
      {
        path: 'policies.0.resources.0',
        message: 'API Tokens Write applies to the user, so all zones cannot be chosen in this policy',
      },
      {
        path: 'policies.1.resources.0',
        message: 'Billing Read applies to accounts, so user jane@example.com cannot be chosen in this policy',
      },
    ]);
  });

  it('refuses zone and account permissions in one policy, naming the groups, even when both are "Logs Read"', () => {
    const issues = validateDraft(
      draft([
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.zoneLogsRead.id, GROUPS.accountLogsRead.id, GROUPS.dnsWrite.id],
          resources: [{ type: 'all_zones', include: true }],
        },
      ]),
      ctx,
    );
    expect(issues).toEqual([
      {
        path: 'policies.0.permissionGroupIds',
        message:
          'zone permissions (Logs Read, DNS Write) and account permissions (Logs Read) cannot share one policy: put each kind in a policy of its own',
      },
    ]);
  });

  it('refuses R2 bucket permissions, which the builder has no resource for', () => {
    expect(
      validateDraft(draft([{ ...dnsOnExample, permissionGroupIds: [GROUPS.r2BucketItemWrite.id] }]), ctx),
    ).toEqual([
      {
        path: 'policies.0.permissionGroupIds.0',
        message:
          'Workers R2 Storage Bucket Item Write applies to R2 buckets, which Keyflare cannot select yet: use the Cloudflare dashboard',
      },
    ]);
  });

  it('refuses a policy that only excludes, and a deny policy that excludes', () => {
    const issues = validateDraft(
      draft([
        { ...dnsOnExample, resources: [{ type: 'zone', zoneId: X_COM, include: false }] },
        {
          effect: 'deny',
          permissionGroupIds: [GROUPS.dnsWrite.id],
          resources: [{ type: 'zone', zoneId: X_COM, include: false }],
        },
      ]),
      ctx,
    );
    expect(issues).toEqual([
      {
        path: 'policies.0.resources',
        message: 'include at least one resource: an exclusion only narrows what the policy includes',
      },
      {
        path: 'policies.1.resources.0',
        message: 'zone x.com is excluded, but a deny policy can only list the resources it denies',
      },
    ]);
  });

  it('refuses a resource both included and excluded', () => {
    const issues = validateDraft(
      draft([
        {
          ...dnsOnExample,
          resources: [
            { type: 'zone', zoneId: X_COM, include: true },
            { type: 'zone', zoneId: X_COM, include: false },
          ],
        },
      ]),
      ctx,
    );
    expect(issues).toEqual([
      { path: 'policies.0.resources.1', message: 'zone x.com is both included and excluded' },
    ]);
  });

  it("refuses a user resource that is not the profile's user", () => {
    const issues = validateDraft(
      draft([
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.apiTokensWrite.id],
          resources: [{ type: 'user', userId: 'someoneelse000000000000000000000', include: true }],
        },
      ]),
      ctx,
    );
    expect(issues).toEqual([
      { path: 'policies.0.resources.0', message: 'user jane@example.com is not this profile’s user' },
    ]);
  });

  it('names each bad IPv4 and IPv6 range by its place in the list', () => {
    const issues = validateDraft(
      draft([dnsOnExample], {
        requestIp: { in: ['203.0.113.0/24', '2001:db8::/32', '203.0.113.300/24'], notIn: ['2001:db8::/200'] },
      }),
      ctx,
    );
    expect(issues).toEqual([
      {
        path: 'requestIp.in.2',
        message:
          '"203.0.113.300/24" is not an IPv4 or IPv6 address or CIDR range (for example 203.0.113.0/24 or 2001:db8::/32)',
      },
      {
        path: 'requestIp.notIn.0',
        message: '"2001:db8::/200" has prefix /200, but an IPv6 range is /0 to /128',
      },
    ]);
  });

  it('wants the expiry in the future and after the start date', () => {
    expect(validateDraft(draft([dnsOnExample], { expiresOn: '2026-06-15T12:00:00Z' }), ctx)).toEqual([
      { path: 'expiresOn', message: 'the expiry date (2026-06-15) must be in the future' },
    ]);
    expect(
      validateDraft(
        draft([dnsOnExample], { notBefore: '2026-09-01T00:00:00Z', expiresOn: '2026-08-01T00:00:00Z' }),
        ctx,
      ),
    ).toEqual([{ path: 'expiresOn', message: 'the expiry date must be after the start date (2026-09-01)' }]);
    expect(
      validateDraft(
        draft([dnsOnExample], { notBefore: '2026-07-01T00:00:00Z', expiresOn: '2026-08-01T00:00:00+02:00' }),
        ctx,
      ),
    ).toEqual([]);
  });

  it('refuses a date without an offset, as the schema does', () => {
    expect(validateDraft(draft([dnsOnExample], { expiresOn: 'next week' }), ctx)).toEqual([
      expect.objectContaining({ path: 'expiresOn' }),
    ]);
  });

  describe('for an account-owned token', () => {
    const accountCtx = buildContext({ kind: 'account', accountId: ACME });

    it('accepts its own account and its zones', () => {
      expect(
        validateDraft(
          draft([
            {
              effect: 'allow',
              permissionGroupIds: [GROUPS.dnsWrite.id],
              resources: [
                { type: 'zone', zoneId: EXAMPLE_COM, include: true },
                { type: 'account_zones', accountId: ACME, include: true },
                { type: 'zone', zoneId: X_COM, include: false },
              ],
            },
            {
              effect: 'allow',
              permissionGroupIds: [GROUPS.billingRead.id],
              resources: [{ type: 'account', accountId: ACME, include: true }],
            },
          ]),
          accountCtx,
        ),
      ).toEqual([]);
    });

    it('refuses all accounts, all zones, other accounts, their zones and unknown zones', () => {
      const issues = validateDraft(draft(OUTSIDE_ACME), accountCtx);
      expect(issues).toEqual([
        {
          path: 'policies.0.resources.0',
          message:
            'an account-owned token reaches only its own account: choose all zones in account Acme instead of all zones',
        },
        {
          path: 'policies.0.resources.1',
          message: 'all zones in account Other Co is outside account Acme, which owns this token',
        },
        {
          path: 'policies.0.resources.2',
          message: 'zone other.org is outside account Acme, which owns this token',
        },
        {
          path: 'policies.0.resources.3',
          message: 'zone 1a2b3c4d… is not a known zone of account Acme, which owns this token',
        },
        {
          path: 'policies.1.resources.0',
          message:
            'an account-owned token reaches only its own account: choose account Acme instead of all accounts',
        },
        {
          path: 'policies.1.resources.1',
          message: 'account Other Co is outside account Acme, which owns this token',
        },
      ]);
    });

    it('refuses user permissions and the user resource', () => {
      const issues = validateDraft(
        draft([
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.apiTokensWrite.id],
            resources: [{ type: 'user', userId: USER_ID, include: true }],
          },
        ]),
        accountCtx,
      );
      expect(issues).toEqual([
        {
          path: 'policies.0.permissionGroupIds.0',
          message:
            'API Tokens Write is a user permission, and an account-owned token cannot hold user permissions',
        },
        { path: 'policies.0.resources.0', message: 'an account-owned token cannot act on a user' },
      ]);
    });
  });
});

describe('buildTokenBody', () => {
  const ctx = buildContext();

  it('writes the exact body Cloudflare receives, keys in a fixed order', () => {
    const body = buildTokenBody(
      draft(
        [
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.zoneRead.id, GROUPS.dnsWrite.id, GROUPS.dnsWrite.id],
            resources: [
              { type: 'zone', zoneId: X_COM, include: true },
              { type: 'zone', zoneId: EXAMPLE_COM, include: true },
            ],
          },
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.zoneRead.id],
            resources: [{ type: 'account_zones', accountId: ACME, include: true }],
          },
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.billingRead.id],
            resources: [{ type: 'all_accounts', include: true }],
          },
          {
            effect: 'allow',
            permissionGroupIds: [GROUPS.apiTokensWrite.id],
            resources: [{ type: 'user', userId: USER_ID, include: true }],
          },
        ],
        {
          name: '  deploy bot  ',
          requestIp: { in: ['203.0.113.0/24', '198.51.100.7'], notIn: [] },
          notBefore: '2026-07-01T02:00:00+02:00',
          expiresOn: '2027-01-31T00:00:00.000Z',
        },
      ),
      ctx,
    );
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        name: 'deploy bot',
        policies: [
          {
            effect: 'allow',
            permission_groups: [{ id: GROUPS.dnsWrite.id }, { id: GROUPS.zoneRead.id }].sort((a, b) =>
              a.id < b.id ? -1 : 1,
            ),
            resources: {
              [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*',
              [`com.cloudflare.api.account.zone.${X_COM}`]: '*',
            },
          },
          {
            effect: 'allow',
            permission_groups: [{ id: GROUPS.zoneRead.id }],
            resources: {
              [`com.cloudflare.api.account.${ACME}`]: { 'com.cloudflare.api.account.zone.*': '*' },
            },
          },
          {
            effect: 'allow',
            permission_groups: [{ id: GROUPS.billingRead.id }],
            resources: { 'com.cloudflare.api.account.*': '*' },
          },
          {
            effect: 'allow',
            permission_groups: [{ id: GROUPS.apiTokensWrite.id }],
            resources: { [`com.cloudflare.api.user.${USER_ID}`]: '*' },
          },
        ],
        condition: { request_ip: { in: ['203.0.113.0/24', '198.51.100.7/32'] } },
        not_before: '2026-07-01T00:00:00Z',
        expires_on: '2027-01-31T00:00:00Z',
      }),
    );
  });

  it('writes an exclusion as a deny policy with the same groups, as the dashboard does', () => {
    const body = buildTokenBody(
      draft([
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.dnsWrite.id],
          resources: [
            { type: 'all_zones', include: true },
            { type: 'zone', zoneId: X_COM, include: false },
          ],
        },
      ]),
      ctx,
    );
    expect(body.policies).toEqual([
      {
        effect: 'allow',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { 'com.cloudflare.api.account.zone.*': '*' },
      },
      {
        effect: 'deny',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { [`com.cloudflare.api.account.zone.${X_COM}`]: '*' },
      },
    ]);
  });

  it('writes a deny draft as one deny policy', () => {
    const body = buildTokenBody(draft([{ ...dnsOnExample, effect: 'deny' }]), ctx);
    expect(body.policies).toEqual([
      {
        effect: 'deny',
        permission_groups: [{ id: GROUPS.dnsWrite.id }],
        resources: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
      },
    ]);
  });

  it('writes a zone and all zones of an account as two policies, since Cloudflare takes one kind of map per policy', () => {
    const mixed: PolicyDraft = {
      effect: 'allow',
      permissionGroupIds: [GROUPS.dnsWrite.id],
      resources: [
        { type: 'zone', zoneId: EXAMPLE_COM, include: true },
        { type: 'account_zones', accountId: ACME, include: true },
        { type: 'zone', zoneId: X_COM, include: false },
        { type: 'account_zones', accountId: OTHER_CO, include: false },
      ],
    };
    const body = buildTokenBody(draft([mixed]), ctx);
    const zoneKey = (id: string): string => `com.cloudflare.api.account.zone.${id}`;
    const accountZones = (id: string) => ({
      [`com.cloudflare.api.account.${id}`]: { 'com.cloudflare.api.account.zone.*': '*' },
    });
    const dns = [{ id: GROUPS.dnsWrite.id }];
    expect(body.policies).toEqual([
      { effect: 'allow', permission_groups: dns, resources: { [zoneKey(EXAMPLE_COM)]: '*' } },
      { effect: 'allow', permission_groups: dns, resources: accountZones(ACME) },
      { effect: 'deny', permission_groups: dns, resources: { [zoneKey(X_COM)]: '*' } },
      { effect: 'deny', permission_groups: dns, resources: accountZones(OTHER_CO) },
    ]);
    for (const policy of body.policies) {
      const kinds = new Set(Object.values(policy.resources).map((value) => typeof value));
      expect(kinds.size).toBe(1);
    }

    // Read back for Edit and built again, the token writes the same policies.
    const token: CfToken = {
      id: 'tok',
      name: body.name,
      status: 'active',
      policies: body.policies.map((p, i) => ({ ...p, id: `p${i}` })),
    };
    const again = buildTokenBody(draftFromToken(token, ctx).draft, ctx);
    expect(samePolicies(again.policies, body.policies)).toBe(true);
  });

  it('leaves out the condition and the dates when there are none, and sends only the IP list used', () => {
    expect(buildTokenBody(draft([dnsOnExample]), ctx)).toEqual({
      name: 'deploy bot',
      policies: [
        {
          effect: 'allow',
          permission_groups: [{ id: GROUPS.dnsWrite.id }],
          resources: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
        },
      ],
    });
    expect(
      buildTokenBody(draft([dnsOnExample], { requestIp: { in: [], notIn: ['2001:db8::1'] } }), ctx).condition,
    ).toEqual({ request_ip: { not_in: ['2001:db8::1/128'] } });
  });

  it('refuses to build a draft that does not validate, carrying every issue', () => {
    const build = () =>
      buildTokenBody(
        draft([dnsOnExample], {
          requestIp: { in: ['not-an-ip'], notIn: [] },
          expiresOn: '2020-01-01T00:00:00Z',
        }),
        ctx,
      );
    expect(build).toThrow(AppError);
    expect(build).toThrow(/requestIp\.in\.0/u);
    expect(build).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        details: {
          issues: [
            expect.objectContaining({ path: 'requestIp.in.0' }),
            expect.objectContaining({ path: 'expiresOn' }),
          ],
        },
      }),
    );
  });
});

describe('describeDraft', () => {
  const ctx = buildContext();

  it('says the draft in one line: policies, IP filter, dates', () => {
    expect(
      describeDraft(
        draft(
          [
            dnsOnExample,
            {
              effect: 'allow',
              permissionGroupIds: [GROUPS.zoneRead.id],
              resources: [{ type: 'account_zones', accountId: ACME, include: true }],
            },
          ],
          { requestIp: { in: ['203.0.113.0/24'], notIn: [] }, expiresOn: '2027-01-31T23:30:00-05:00' },
        ),
        ctx,
      ),
    ).toBe(
      'DNS Write on zone example.com; Zone Read on all zones in account Acme; only from 203.0.113.0/24; expires 2027-02-01',
    );
  });

  it('says exclusions, deny policies, the start date and unknown ids', () => {
    expect(
      describeDraft(
        draft(
          [
            {
              effect: 'allow',
              permissionGroupIds: [GROUPS.dnsWrite.id, GROUPS.zoneRead.id],
              resources: [
                { type: 'all_zones', include: true },
                { type: 'zone', zoneId: X_COM, include: false },
                { type: 'zone', zoneId: UNKNOWN_ZONE, include: false },
              ],
            },
            {
              effect: 'deny',
              permissionGroupIds: ['f00dfeedf00dfeedf00dfeedf00dfeed'],
              resources: [{ type: 'all_accounts', include: true }],
            },
          ],
          {
            requestIp: { in: [], notIn: ['198.51.100.7'] },
            notBefore: '2026-07-01T00:00:00Z',
            expiresOn: '2027-01-31T00:00:00Z',
          },
        ),
        ctx,
      ),
    ).toBe(
      'DNS Write, Zone Read on all zones except zone x.com, zone 1a2b3c4d…; deny Unknown permission f00dfeed on all accounts; not from 198.51.100.7/32; valid from 2026-07-01; expires 2027-01-31',
    );
  });

  it('says the same clauses as messages, whole in English and in Simplified Chinese', () => {
    const described = draft(
      [
        {
          effect: 'allow',
          permissionGroupIds: [GROUPS.dnsWrite.id],
          resources: [
            { type: 'all_zones', include: true },
            { type: 'zone', zoneId: X_COM, include: false },
          ],
        },
      ],
      { requestIp: { in: [], notIn: ['198.51.100.7'] }, expiresOn: '2027-01-31T00:00:00Z' },
    );
    const clauses = describeDraftMessages(described, ctx);
    expect(clauses.map(englishMessage).join('; ')).toBe(describeDraft(described, ctx));
    const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
    const formats = createFormats('zh-CN', '刚刚');
    expect(clauses.map((clause) => formatMessage(zh, clause, formats))).toEqual([
      '所有区域（区域 x.com 除外）上的 DNS Write',
      '不允许来自 198.51.100.7/32',
      '于2027年1月31日过期',
    ]);
  });
});
