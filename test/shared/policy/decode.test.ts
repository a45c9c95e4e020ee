import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import type { MessageKey } from '../../../src/shared/i18n/message';
import { englishText } from '../../../src/shared/i18n/english-message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import {
  decodePolicies,
  decodeRequestIp,
  summarizeRequestIp,
  summarizeToken,
} from '../../../src/shared/policy/decode';
import {
  ACME,
  EXAMPLE_COM,
  UNKNOWN_ACCOUNT,
  UNKNOWN_ZONE,
  USER_ID,
  X_COM,
  groupId,
  nameLookup,
} from '../support/world';
import { GROUPS } from '../../fixtures/permission-groups';

function policy(effect: 'allow' | 'deny', groups: string[], resources: CfPolicy['resources']): CfPolicy {
  return { id: `p-${groups.join('-')}`, effect, permission_groups: groups.map((id) => ({ id })), resources };
}

describe('decodePolicies', () => {
  const lookup = nameLookup();

  it('says each policy in plain words, as the inventory shows it', () => {
    const decoded = decodePolicies(
      [
        policy('allow', [GROUPS.dnsWrite.id], { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' }),
        policy('allow', [GROUPS.zoneRead.id], {
          [`com.cloudflare.api.account.${ACME}`]: { 'com.cloudflare.api.account.zone.*': '*' },
        }),
        policy('allow', [GROUPS.billingRead.id], { 'com.cloudflare.api.account.*': '*' }),
        policy('allow', [GROUPS.apiTokensWrite.id], { [`com.cloudflare.api.user.${USER_ID}`]: '*' }),
        policy('deny', [GROUPS.dnsWrite.id], { [`com.cloudflare.api.account.zone.${X_COM}`]: '*' }),
      ],
      lookup,
    );
    expect(decoded.map((p) => p.summary)).toEqual([
      'DNS Write on zone example.com',
      'Zone Read on all zones in account Acme',
      'Billing Read on all accounts',
      'API Tokens Write on user jane@example.com',
      'deny DNS Write on zone x.com',
    ]);
    // The same lines as messages, worded whole in either language (group names as Cloudflare sends them).
    expect(
      decoded.map((p) => englishText(p.summaryMessage.key as MessageKey, p.summaryMessage.params)),
    ).toEqual(decoded.map((p) => p.summary));
    const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
    // No space between two Chinese words ("所有账户上的"); Latin names keep theirs ("example.com 上的").
    expect(decoded.map((p) => zh(p.summaryMessage.key as MessageKey, p.summaryMessage.params))).toEqual([
      '区域 example.com 上的 DNS Write',
      '账户 Acme 中的所有区域上的 Zone Read',
      '所有账户上的 Billing Read',
      '用户 jane@example.com 上的 API Tokens Write',
      '拒绝：区域 x.com 上的 DNS Write',
    ]);
    expect(decoded[1]?.resources).toEqual([
      {
        key: 'com.cloudflare.api.account.zone.*',
        kind: 'account_zones',
        label: 'all zones in account Acme',
        accountId: ACME,
        zoneId: null,
      },
    ]);
  });

  it('tells apart groups whose names repeat across scopes by their id', () => {
    const [decoded] = decodePolicies(
      [
        policy('allow', [GROUPS.zoneLogsRead.id, GROUPS.accountLogsRead.id], {
          'com.cloudflare.api.account.*': '*',
        }),
      ],
      lookup,
    );
    expect(decoded?.permissionGroups).toEqual([
      { id: GROUPS.zoneLogsRead.id, name: 'Logs Read', scope: 'com.cloudflare.api.account.zone' },
      { id: GROUPS.accountLogsRead.id, name: 'Logs Read', scope: 'com.cloudflare.api.account' },
    ]);
  });

  it('decodes a zone nested under its account exactly as the same zone written flat', () => {
    const [flat] = decodePolicies(
      [policy('allow', [GROUPS.dnsWrite.id], { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' })],
      lookup,
    );
    const [nested] = decodePolicies(
      [
        policy('allow', [GROUPS.dnsWrite.id], {
          [`com.cloudflare.api.account.${ACME}`]: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
        }),
      ],
      lookup,
    );
    expect(nested).toEqual(flat);
    expect(flat?.resources[0]).toMatchObject({ kind: 'zone', zoneId: EXAMPLE_COM, accountId: ACME });
  });

  it('shows unknown zones, accounts and groups by short id instead of hiding them', () => {
    const [decoded] = decodePolicies(
      [
        policy('allow', ['f00dfeedf00dfeedf00dfeedf00dfeed'], {
          [`com.cloudflare.api.account.zone.${UNKNOWN_ZONE}`]: '*',
          [`com.cloudflare.api.account.${UNKNOWN_ACCOUNT}`]: { 'com.cloudflare.api.account.zone.*': '*' },
        }),
      ],
      lookup,
    );
    expect(decoded?.summary).toBe(
      'Unknown permission f00dfeed on zone 1a2b3c4d…, all zones in account 99999999…',
    );
  });

  it("uses the name Cloudflare sent when the profile's list lacks the group", () => {
    const [decoded] = decodePolicies(
      [
        {
          effect: 'allow',
          permission_groups: [{ id: 'f00dfeedf00dfeedf00dfeedf00dfeed', name: 'Magic Transit Write' }],
          resources: { 'com.cloudflare.api.account.*': '*' },
        },
      ],
      lookup,
    );
    expect(decoded).toMatchObject({ id: 'policy-1', summary: 'Magic Transit Write on all accounts' });
  });

  it('names R2 buckets and keys it does not know rather than dropping them', () => {
    const [decoded] = decodePolicies(
      [
        policy('allow', [groupId('Workers R2 Storage Bucket Item Write', 'r2Bucket')], {
          [`com.cloudflare.edge.r2.bucket.${ACME}_default_media`]: '*',
          'com.cloudflare.api.mystery.thing': '*',
        }),
      ],
      lookup,
    );
    expect(decoded?.resources.map((r) => [r.kind, r.label])).toEqual([
      ['r2_bucket', 'R2 bucket media in account Acme'],
      ['other', 'resource com.cloudflare.api.mystery.thing'],
    ]);
  });
});

describe('request IP condition', () => {
  it('reads in and not_in, and says them in words', () => {
    const requestIp = decodeRequestIp({
      request_ip: { in: ['203.0.113.0/24'], not_in: ['198.51.100.7/32'] },
    });
    expect(requestIp).toEqual({ in: ['203.0.113.0/24'], notIn: ['198.51.100.7/32'] });
    expect(summarizeRequestIp(requestIp)).toBe('only from 203.0.113.0/24; not from 198.51.100.7/32');
  });

  it('has no summary when there is no filter', () => {
    expect(decodeRequestIp(null)).toEqual({ in: [], notIn: [] });
    expect(summarizeRequestIp(decodeRequestIp({}))).toBeNull();
    expect(summarizeRequestIp({ in: [], notIn: ['2001:db8::/32'] })).toBe('not from 2001:db8::/32');
  });
});

describe('summarizeToken', () => {
  const zoneKey = (id: string) => `com.cloudflare.api.account.zone.${id}`;

  it('reads an allow policy and its deny twin as one exclusion, not as a denial', () => {
    const summary = summarizeToken(
      {
        policies: [
          policy('allow', [GROUPS.dnsWrite.id, GROUPS.zoneRead.id], {
            'com.cloudflare.api.account.zone.*': '*',
          }),
          // The twin lists the same groups in another order: they are compared as sets.
          policy('deny', [GROUPS.zoneRead.id, GROUPS.dnsWrite.id], { [zoneKey(X_COM)]: '*' }),
          policy('allow', [GROUPS.billingRead.id], { [`com.cloudflare.api.account.${ACME}`]: '*' }),
        ],
        condition: { request_ip: { in: ['203.0.113.0/24', '2001:db8::/32'] } },
      },
      nameLookup(),
    );
    expect(summary).toEqual({
      permissionsSummary: 'DNS Write, Zone Read, Billing Read',
      resourcesSummary: 'all zones except zone x.com; account Acme',
      ipFilterSummary: 'only from 203.0.113.0/24, 2001:db8::/32',
      permissionNames: ['DNS Write', 'Zone Read', 'Billing Read'],
      // Every resource stays searchable, the excluded zone too.
      resourceNames: ['all zones', 'zone x.com', 'account Acme'],
    });
  });

  it('words the Cloudflare dashboard’s nested form of "all zones of an account except one"', () => {
    const summary = summarizeToken(
      {
        policies: [
          policy('allow', [GROUPS.zoneRead.id], {
            [`com.cloudflare.api.account.${ACME}`]: { 'com.cloudflare.api.account.zone.*': '*' },
          }),
          policy('deny', [GROUPS.zoneRead.id], { [zoneKey(EXAMPLE_COM)]: '*', [zoneKey(X_COM)]: '*' }),
        ],
      },
      nameLookup(),
    );
    expect(summary.permissionsSummary).toBe('Zone Read');
    expect(summary.resourcesSummary).toBe('all zones in account Acme except zone example.com, zone x.com');
  });

  it('keeps a deny policy with no allow twin reading "deny"', () => {
    const summary = summarizeToken(
      {
        policies: [
          policy('allow', [GROUPS.dnsWrite.id, GROUPS.zoneRead.id], {
            'com.cloudflare.api.account.zone.*': '*',
          }),
          policy('deny', [GROUPS.dnsWrite.id], { [zoneKey(X_COM)]: '*' }),
        ],
      },
      nameLookup(),
    );
    expect(summary.permissionsSummary).toBe('DNS Write, Zone Read, deny DNS Write');
    expect(summary.resourcesSummary).toBe('all zones; except zone x.com');
  });

  it('folds each deny into its own allow, and a second deny of the same groups stays a denial', () => {
    const summary = summarizeToken(
      {
        policies: [
          policy('allow', [GROUPS.dnsWrite.id], { [zoneKey(EXAMPLE_COM)]: '*' }),
          policy('deny', [GROUPS.dnsWrite.id], { [zoneKey(X_COM)]: '*' }),
          policy('deny', [GROUPS.dnsWrite.id], { [zoneKey(UNKNOWN_ZONE)]: '*' }),
        ],
      },
      nameLookup(),
    );
    expect(summary.permissionsSummary).toBe('DNS Write, deny DNS Write');
    expect(summary.resourcesSummary).toBe('zone example.com except zone x.com; except zone 1a2b3c4d…');
  });
});
