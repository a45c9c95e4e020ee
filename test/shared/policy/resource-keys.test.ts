import { describe, expect, it } from 'vitest';
import {
  classifyResource,
  flattenResources,
  resourceIdentity,
  resourcesFromSelectors,
  selectorFor,
  selectorResource,
} from '../../../src/shared/policy/resource-keys';
import type { ResourceSelector } from '../../../src/shared/domain';
import { ACME, EXAMPLE_COM, OTHER_CO, USER_ID, X_COM } from '../support/world';

const account = (id: string) => `com.cloudflare.api.account.${id}`;
const zone = (id: string) => `com.cloudflare.api.account.zone.${id}`;

describe('flattenResources', () => {
  it('keeps flat keys as they are and lifts nested zones out with their account', () => {
    expect(
      flattenResources({
        [zone(EXAMPLE_COM)]: '*',
        [account(ACME)]: { 'com.cloudflare.api.account.zone.*': '*', [zone(X_COM)]: '*' },
      }),
    ).toEqual([
      { key: zone(EXAMPLE_COM), value: '*', parentKey: null },
      { key: 'com.cloudflare.api.account.zone.*', value: '*', parentKey: account(ACME) },
      { key: zone(X_COM), value: '*', parentKey: account(ACME) },
    ]);
  });
});

describe('classifyResource', () => {
  it.each([
    [zone(EXAMPLE_COM), null, { kind: 'zone', zoneId: EXAMPLE_COM, accountId: null }],
    [zone(EXAMPLE_COM), account(ACME), { kind: 'zone', zoneId: EXAMPLE_COM, accountId: ACME }],
    ['com.cloudflare.api.account.zone.*', null, { kind: 'all_zones', accountId: null }],
    ['com.cloudflare.api.account.zone.*', account(ACME), { kind: 'account_zones', accountId: ACME }],
    [account(ACME), null, { kind: 'account', accountId: ACME }],
    ['com.cloudflare.api.account.*', null, { kind: 'all_accounts', accountId: null }],
    [`com.cloudflare.api.user.${USER_ID}`, null, { kind: 'user', userId: USER_ID }],
  ] as const)('reads %s (under %s)', (key, parent, expected) => {
    expect(classifyResource(key, parent)).toMatchObject(expected);
  });

  it('reads an R2 bucket key into account, jurisdiction and bucket name', () => {
    expect(classifyResource(`com.cloudflare.edge.r2.bucket.${ACME}_eu_media-files`)).toMatchObject({
      kind: 'r2_bucket',
      accountId: ACME,
      bucket: { name: 'media-files', jurisdiction: 'eu' },
    });
  });

  it('treats shapes Cloudflare does not document as other, so they are refused rather than guessed', () => {
    expect(classifyResource('com.cloudflare.api.something.else').kind).toBe('other');
    expect(classifyResource(account(OTHER_CO), account(ACME)).kind).toBe('other');
    expect(classifyResource(zone(EXAMPLE_COM), 'com.cloudflare.api.account.*').kind).toBe('other');
    expect(classifyResource('com.cloudflare.api.account.zone.not a zone').kind).toBe('other');
    expect(classifyResource(`com.cloudflare.api.user.${USER_ID}`, account(ACME)).kind).toBe('other');
  });
});

describe('resourceIdentity', () => {
  it('names a zone the same whether nested under its account or flat, but not "all zones"', () => {
    expect(resourceIdentity({ key: zone(X_COM), value: '*', parentKey: account(ACME) })).toBe(
      resourceIdentity({ key: zone(X_COM), value: '*', parentKey: null }),
    );
    expect(
      resourceIdentity({ key: 'com.cloudflare.api.account.zone.*', value: '*', parentKey: account(ACME) }),
    ).not.toBe(resourceIdentity({ key: 'com.cloudflare.api.account.zone.*', value: '*', parentKey: null }));
  });
});

describe('selectors and resource keys', () => {
  const selectors: ResourceSelector[] = [
    { type: 'zone', zoneId: EXAMPLE_COM, include: true },
    { type: 'account_zones', accountId: ACME, include: true },
    { type: 'all_zones', include: true },
    { type: 'account', accountId: ACME, include: true },
    { type: 'all_accounts', include: true },
    { type: 'user', userId: USER_ID, include: true },
  ];

  it.each(selectors)('writes $type and reads it back to the same selector', (selector) => {
    const { key, value } = selectorResource(selector);
    const [flat] = flattenResources({ [key]: value });
    expect(flat).toBeDefined();
    expect(selectorFor(classifyResource(flat?.key ?? '', flat?.parentKey ?? null), true)).toEqual(selector);
  });

  it('writes all zones of an account in the nested form', () => {
    expect(resourcesFromSelectors([{ type: 'account_zones', accountId: ACME, include: true }])).toEqual({
      [account(ACME)]: { 'com.cloudflare.api.account.zone.*': '*' },
    });
  });

  it('writes keys in sorted order whatever order they were chosen in', () => {
    const a = resourcesFromSelectors([
      { type: 'zone', zoneId: X_COM, include: true },
      { type: 'zone', zoneId: EXAMPLE_COM, include: true },
    ]);
    const b = resourcesFromSelectors([
      { type: 'zone', zoneId: EXAMPLE_COM, include: true },
      { type: 'zone', zoneId: X_COM, include: true },
    ]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(Object.keys(a)).toEqual([zone(EXAMPLE_COM), zone(X_COM)]);
  });

  it('refuses one account both as an account and as its zones, which a map cannot hold', () => {
    expect(() =>
      resourcesFromSelectors([
        { type: 'account', accountId: ACME, include: true },
        { type: 'account_zones', accountId: ACME, include: true },
      ]),
    ).toThrow(/both as an account and as that account's zones/u);
  });
});
