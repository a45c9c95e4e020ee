/**
 * Tokens the export tests share: every resource form a draft holds, an exclusion, an IP filter
 * and dates, and one token a draft cannot hold (an R2 bucket).
 */
import type { CfToken } from '../../../src/shared/cloudflare-types';
import { ACME, EXAMPLE_COM, OTHER_CO, USER_ID, X_COM, groupId } from './world';

/** DNS Write on all zones except x.com, Zone Read on Acme's zones, Account Settings Read on Other Co, user details. */
export function richToken(): CfToken {
  return {
    id: 'f267e341f3dd4697bd3b9f71dd96247f',
    name: 'CI deploy "prod" ${env}',
    status: 'active',
    issued_on: '2026-01-01T00:00:00Z',
    modified_on: '2026-01-02T00:00:00Z',
    last_used_on: null,
    not_before: '2026-07-01T00:00:00.000Z',
    expires_on: '2027-01-31T00:00:00Z',
    policies: [
      {
        id: 'p3',
        effect: 'deny',
        permission_groups: [{ id: groupId('DNS Write', 'zone'), name: 'DNS Write' }],
        resources: { [`com.cloudflare.api.account.zone.${X_COM}`]: '*' },
      },
      {
        id: 'p1',
        effect: 'allow',
        permission_groups: [{ id: groupId('DNS Write', 'zone'), name: 'DNS Write' }],
        resources: { 'com.cloudflare.api.account.zone.*': '*' },
      },
      {
        id: 'p2',
        effect: 'allow',
        permission_groups: [{ id: groupId('Zone Read', 'zone') }, { id: groupId('Analytics Read', 'zone') }],
        resources: {
          [`com.cloudflare.api.account.${ACME}`]: { 'com.cloudflare.api.account.zone.*': '*' },
          [`com.cloudflare.api.account.zone.${EXAMPLE_COM}`]: '*',
        },
      },
      {
        id: 'p4',
        effect: 'allow',
        permission_groups: [
          { id: groupId('Account Settings Read', 'account') },
          { id: groupId('Logs Read', 'account') },
        ],
        resources: { [`com.cloudflare.api.account.${OTHER_CO}`]: '*' },
      },
      {
        id: 'p5',
        effect: 'allow',
        permission_groups: [{ id: groupId('User Details Read', 'user') }],
        resources: { [`com.cloudflare.api.user.${USER_ID}`]: '*' },
      },
    ],
    condition: { request_ip: { in: ['203.0.113.0/24', '2001:db8::/32'], not_in: ['203.0.113.7/32'] } },
  };
}

/** A token with an R2 bucket: no draft can hold it, the export still must. */
export function r2Token(): CfToken {
  return {
    id: 'aa67e341f3dd4697bd3b9f71dd96247f',
    name: 'R2 bucket writer',
    status: 'disabled',
    policies: [
      {
        effect: 'allow',
        permission_groups: [{ id: groupId('Workers R2 Storage Bucket Item Write', 'r2Bucket') }],
        resources: {
          [`com.cloudflare.api.account.${ACME}`]: {
            [`com.cloudflare.edge.r2.bucket.${ACME}_default_photos`]: '*',
          },
        },
      },
    ],
    condition: null,
  };
}
