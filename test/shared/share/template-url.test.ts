/**
 * Share a request: the dashboard template URL (../shared/cloudflare/template-urls.md) and the
 * exact list of what it carries and what the teammate must add by hand.
 */
import { describe, expect, it } from 'vitest';
import { decodePolicies, decodeRequestIp } from '../../../src/shared/policy/decode';
import { shareLink, templateKeyOf, type ShareInput } from '../../../src/shared/share/template-url';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createFormats } from '../../../src/shared/i18n/format';
import { formatMessage } from '../../../src/shared/i18n/format-message';
import type { Message } from '../../../src/shared/i18n/message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import { EXAMPLE_COM, groupId, nameLookup } from '../support/world';
import { richToken } from '../support/sample-tokens';

function input(policies: CfPolicy[], extra: Partial<ShareInput> = {}): ShareInput {
  return {
    name: 'DNS Management Token',
    kind: 'user',
    policies: decodePolicies(policies, nameLookup()),
    requestIp: { in: [], notIn: [] },
    notBefore: null,
    expiresOn: null,
    ...extra,
  };
}

/** The lines as the English logs and the command line's English runs read them. */
const english = (lines: readonly Message[]): string[] => lines.map(englishMessage);
const zhT = translatorFor(createI18n('zh-CN'), 'zh-CN');
const zhFormats = createFormats('zh-CN', '刚刚');
const chinese = (lines: readonly Message[]): string[] =>
  lines.map((line) => formatMessage(zhT, line, zhFormats));

const ALL_ZONES = { 'com.cloudflare.api.account.zone.*': '*' };

describe('share a request', () => {
  it('reproduces the documented example: DNS edit on all zones, user token', () => {
    const link = shareLink(
      input([
        { effect: 'allow', permission_groups: [{ id: groupId('DNS Write', 'zone') }], resources: ALL_ZONES },
      ]),
    );
    expect(link.url).toBe(
      'https://dash.cloudflare.com/profile/api-tokens?permissionGroupKeys=%5B%7B%22key%22%3A%22dns%22%2C%22type%22%3A%22edit%22%7D%5D&accountId=%2A&zoneId=all&name=DNS%20Management%20Token',
    );
    expect(english(link.carried)).toEqual([
      'Permission dns (edit)',
      'Zone resources: all zones',
      'Name: DNS Management Token',
    ]);
    expect(english(link.manual)).toEqual([]);
  });

  it('carries one zone by id and keeps the stronger type when read and edit share a key', () => {
    const link = shareLink(
      input([
        {
          effect: 'allow',
          permission_groups: [
            { id: groupId('DNS Read', 'zone') },
            { id: groupId('DNS Write', 'zone') },
            { id: groupId('Cache Purge', 'zone') },
          ],
          resources: { [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*' },
        },
      ]),
    );
    const url = new URL(link.url ?? '');
    expect(JSON.parse(url.searchParams.get('permissionGroupKeys') ?? '')).toEqual([
      { key: 'dns', type: 'edit' },
      { key: 'cache', type: 'purge' },
    ]);
    expect(url.searchParams.get('zoneId')).toBe(EXAMPLE_COM);
    expect(english(link.carried)).toContain('Zone resources: zone example.com');
  });

  it('lists everything a template cannot say: exclusions, several resources, IP filter, dates, keyless groups', () => {
    const token = richToken();
    const link = shareLink(
      input(token.policies, {
        name: token.name,
        requestIp: decodeRequestIp(token.condition),
        notBefore: token.not_before ?? null,
        expiresOn: token.expires_on ?? null,
      }),
    );
    expect(english(link.manual)).toEqual([
      'Exclusion: exclude zone x.com from DNS Write by hand.',
      'Permission User Details Read: the dashboard has no template key for it; add it by hand.',
      'Zone resources: the link pre-fills all zones; set them to all zones, all zones in account Acme and zone example.com by hand.',
      'IP filter: allow only 203.0.113.0/24 and 2001:db8::/32.',
      'IP filter: exclude 203.0.113.7/32.',
      'Start date: 2026-07-01.',
      'End date (TTL): 2027-01-31.',
    ]);
    const url = new URL(link.url ?? '');
    expect(JSON.parse(url.searchParams.get('permissionGroupKeys') ?? '')).toEqual([
      { key: 'dns', type: 'edit' },
      { key: 'zone', type: 'read' },
      { key: 'analytics', type: 'read' },
      { key: 'account_settings', type: 'read' },
      { key: 'logs', type: 'read' },
    ]);
    expect(url.searchParams.get('accountId')).not.toBe('*');
    expect(english(link.carried)).toContain('Account resources: account Other Co');
    // The same lines in Chinese: every resource, list and date in the reader's words; names,
    // permission groups, IP ranges and template keys stay as they are.
    expect(chinese(link.manual)).toEqual([
      '排除：请手动从 DNS Write 中排除区域 x.com。',
      '权限 User Details Read：仪表板没有它的模板键，请手动添加。',
      '区域资源：链接会预填所有区域；请手动改为所有区域、账户 Acme 中的所有区域和区域 example.com。',
      'IP 筛选：仅允许 203.0.113.0/24和2001:db8::/32。',
      'IP 筛选：排除 203.0.113.7/32。',
      '开始日期：2026年7月1日。',
      '结束日期（TTL）：2027年1月31日。',
    ]);
    expect(chinese(link.carried)).toContain('账户资源：账户 Other Co');
    expect(chinese(link.carried)).toContain(`名称：${token.name}`);
  });

  it('builds the account-token form, whose resources are chosen in the dashboard', () => {
    const link = shareLink(
      input(
        [
          {
            effect: 'allow',
            permission_groups: [{ id: groupId('DNS Write', 'zone') }],
            resources: ALL_ZONES,
          },
        ],
        {
          kind: 'account',
          name: 'Acme (CI)',
        },
      ),
    );
    expect(link.url).toBe(
      'https://dash.cloudflare.com/?to=/:account/api-tokens&permissionGroupKeys=%5B%7B%22key%22%3A%22dns%22%2C%22type%22%3A%22edit%22%7D%5D&name=Acme%20%28CI%29',
    );
    expect(english(link.manual)).toEqual([
      'Resources: the dashboard asks for the account and zones of an account-owned token; choose all zones.',
    ]);
  });

  it('gives no link when no permission has a documented key', () => {
    const link = shareLink(
      input([
        {
          effect: 'allow',
          permission_groups: [{ id: groupId('Zone WAF Write', 'zone') }],
          resources: ALL_ZONES,
        },
      ]),
    );
    expect(link.url).toBeNull();
    expect(english(link.manual)[0]).toContain('Zone WAF Write');
  });

  it('maps only documented keys, at the right scope', () => {
    expect(templateKeyOf('Logs Read', 'com.cloudflare.api.account')).toEqual({ key: 'logs', type: 'read' });
    expect(templateKeyOf('Logs Read', 'com.cloudflare.api.account.zone')).toBeNull();
    expect(templateKeyOf('Pages Write', 'com.cloudflare.api.account')).toEqual({ key: 'page', type: 'edit' });
    expect(templateKeyOf('API Tokens Write', 'com.cloudflare.api.user')).toBeNull();
  });
});
