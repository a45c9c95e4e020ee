/**
 * Access evaluation (src/shared/access): "can this token edit DNS on example.com?" answered from
 * decoded policies as the cache holds them, with deny-wins, wildcards, account→zone nesting,
 * scopes and friendly permission names.
 */
import { describe, expect, it } from 'vitest';
import type { CfPolicy } from '../../../src/shared/cloudflare-types';
import { evaluateAccess } from '../../../src/shared/access/evaluate';
import {
  findPermissionGroups,
  matchesPermission,
  permissionWords,
} from '../../../src/shared/access/permission-match';
import { resolveTarget, type AccessTarget, type KnownResources } from '../../../src/shared/access/target';
import { decodePolicies } from '../../../src/shared/policy/decode';
import {
  ACCOUNTS,
  ACME,
  EXAMPLE_COM,
  OTHER_CO,
  OTHER_ORG,
  USER_EMAIL,
  USER_ID,
  X_COM,
  ZONES,
  groupId,
  nameLookup,
} from '../support/world';
import { GROUPS } from '../../fixtures/permission-groups';

const ZONE = 'com.cloudflare.api.account.zone.';
const ACCOUNT = 'com.cloudflare.api.account.';

function policies(...raw: CfPolicy[]) {
  return decodePolicies(raw, nameLookup());
}

const known: KnownResources = { zones: ZONES, accounts: ACCOUNTS, user: { id: USER_ID, email: USER_EMAIL } };

function target(text: string): AccessTarget {
  const resolved = resolveTarget(text, known);
  if (!resolved.ok) throw new Error(resolved.message);
  return resolved.target;
}

const allow = (groups: string[], resources: CfPolicy['resources'], id?: string): CfPolicy => ({
  ...(id ? { id } : {}),
  effect: 'allow',
  permission_groups: groups.map((group) => ({ id: group })),
  resources,
});
const deny = (groups: string[], resources: CfPolicy['resources'], id?: string): CfPolicy => ({
  ...allow(groups, resources, id),
  effect: 'deny',
});

describe('permission names', () => {
  it('reads "edit DNS", "dns:edit" and "DNS write" as the group DNS Write, and not as DNS Read', () => {
    const write = { id: GROUPS.dnsWrite.id, name: 'DNS Write', scope: null };
    const read = { id: GROUPS.dnsRead.id, name: 'DNS Read', scope: null };
    for (const text of ['edit DNS', 'dns:edit', 'DNS write', 'dns write', 'DNS Write', GROUPS.dnsWrite.id]) {
      expect(matchesPermission(write, text), text).toBe(true);
      expect(matchesPermission(read, text), text).toBe(false);
    }
    expect(matchesPermission(read, 'view dns')).toBe(true);
  });

  it('matches whole words only, so a bare "DNS" names no group', () => {
    const groups = [
      { id: GROUPS.dnsWrite.id, name: 'DNS Write', scope: null },
      { id: GROUPS.dnsRead.id, name: 'DNS Read', scope: null },
    ];
    expect(findPermissionGroups(groups, 'DNS')).toEqual([]);
    expect(findPermissionGroups(groups, '')).toEqual([]);
    expect(permissionWords('Edit  the Zone DNS')).toBe('dns write zone');
  });
});

describe('resolving the resource', () => {
  it('finds zones and accounts by name (any case) or id, and the user', () => {
    expect(target('Example.com')).toMatchObject({ kind: 'zone', zoneId: EXAMPLE_COM, accountId: ACME });
    expect(target(OTHER_CO)).toMatchObject({ kind: 'account', accountId: OTHER_CO });
    expect(target('account:acme')).toMatchObject({ kind: 'account', accountId: ACME });
    expect(target('user')).toMatchObject({ kind: 'user', userId: USER_ID, label: `user ${USER_EMAIL}` });
  });

  it('lists the candidates when a name is both a zone and an account, and a prefix settles it', () => {
    const clash: KnownResources = { ...known, accounts: [...ACCOUNTS, { id: 'f00d', name: 'example.com' }] };
    const resolved = resolveTarget('example.com', clash);
    expect(resolved).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(resolved.ok ? [] : resolved.candidates).toEqual([
      `zone:${EXAMPLE_COM} (example.com)`,
      'account:f00d (example.com)',
    ]);
    expect(resolveTarget('zone:example.com', clash)).toMatchObject({ ok: true, target: { kind: 'zone' } });
  });

  it('says so when nothing in the cache has that name', () => {
    expect(resolveTarget('nowhere.test', known)).toMatchObject({ ok: false, reason: 'unknown' });
  });
});

describe('evaluateAccess', () => {
  it('allows a permission on the zone a policy names, and names that policy', () => {
    const token = policies(
      allow([GROUPS.zoneRead.id], { [`${ZONE}${X_COM}`]: '*' }),
      allow([GROUPS.dnsWrite.id], { [`${ZONE}${EXAMPLE_COM}`]: '*' }),
    );
    const answer = evaluateAccess(token, 'edit DNS', target('example.com'));
    expect(answer).toMatchObject({
      allowed: true,
      decidedBy: { number: 2, effect: 'allow' },
      matchedGroups: ['DNS Write'],
    });
    expect(answer.reason).toContain('policy 2 allows it');
    expect(evaluateAccess(token, 'edit DNS', target('x.com'))).toMatchObject({
      allowed: false,
      decidedBy: null,
    });
  });

  it('lets a deny policy win over an allow, whatever their order', () => {
    const granting = allow([GROUPS.dnsWrite.id], { [`${ZONE}*`]: '*' });
    const refusing = deny([GROUPS.dnsWrite.id], { [`${ZONE}${X_COM}`]: '*' });
    for (const order of [
      [granting, refusing],
      [refusing, granting],
    ]) {
      const token = policies(...order);
      const onX = evaluateAccess(token, 'DNS Write', target('x.com'));
      expect(onX.allowed).toBe(false);
      expect(onX.decidedBy?.effect).toBe('deny');
      expect(onX.reason).toContain('a deny wins');
      expect(evaluateAccess(token, 'DNS Write', target('example.com')).allowed).toBe(true);
    }
  });

  it('reads the wildcards: every zone, every account', () => {
    const token = policies(
      allow([GROUPS.dnsWrite.id], { [`${ZONE}*`]: '*' }),
      allow([groupId('Account Settings Read', 'account')], { [`${ACCOUNT}*`]: '*' }),
    );
    expect(evaluateAccess(token, 'edit dns', target('other.org')).allowed).toBe(true);
    expect(evaluateAccess(token, 'Account Settings Read', target('Other Co'))).toMatchObject({
      allowed: true,
      decidedBy: { number: 2 },
    });
  });

  it('reads an account with nested zones as that account’s zones only', () => {
    const token = policies(allow([GROUPS.dnsWrite.id], { [`${ACCOUNT}${ACME}`]: { [`${ZONE}*`]: '*' } }));
    expect(evaluateAccess(token, 'edit DNS', target('example.com')).allowed).toBe(true);
    expect(evaluateAccess(token, 'edit DNS', target('x.com')).allowed).toBe(true);
    expect(evaluateAccess(token, 'edit DNS', target('other.org')).allowed).toBe(false);
    // Asked of the account itself: on every zone of it.
    expect(evaluateAccess(token, 'edit DNS', target('account:Acme')).allowed).toBe(true);
    expect(evaluateAccess(token, 'edit DNS', target('account:Other Co')).allowed).toBe(false);
  });

  it('refuses "every zone of the account" when a deny takes one zone out, and one zone never grants it', () => {
    const excluded = policies(
      allow([GROUPS.dnsWrite.id], { [`${ACCOUNT}${ACME}`]: { [`${ZONE}*`]: '*' } }),
      deny([GROUPS.dnsWrite.id], { [`${ZONE}${X_COM}`]: '*' }),
    );
    expect(evaluateAccess(excluded, 'edit DNS', target('account:Acme'))).toMatchObject({
      allowed: false,
      decidedBy: { number: 2, effect: 'deny' },
    });
    const oneZone = policies(allow([GROUPS.dnsWrite.id], { [`${ZONE}${EXAMPLE_COM}`]: '*' }));
    expect(evaluateAccess(oneZone, 'edit DNS', target('account:Acme')).allowed).toBe(false);
  });

  it('applies a group only to resources of its scope', () => {
    // Zone Read on every account is not Zone Read on a zone, nor an account permission.
    const token = policies(allow([GROUPS.zoneRead.id], { [`${ACCOUNT}*`]: '*' }));
    expect(evaluateAccess(token, 'Zone Read', target('example.com')).allowed).toBe(false);
    const user = policies(
      allow([groupId('API Tokens Write', 'user')], { [`com.cloudflare.api.user.${USER_ID}`]: '*' }),
    );
    expect(evaluateAccess(user, 'API Tokens Write', target('user')).allowed).toBe(true);
    expect(evaluateAccess(user, 'API Tokens Write', target('user:someoneelse')).allowed).toBe(false);
    expect(evaluateAccess(user, 'API Tokens Write', target('Acme')).allowed).toBe(false);
  });

  it('says which permissions the token has when it has none of the one asked for', () => {
    const answer = evaluateAccess(
      policies(allow([GROUPS.zoneRead.id], { [`${ZONE}*`]: '*' })),
      'edit DNS',
      target('example.com'),
    );
    expect(answer).toMatchObject({ allowed: false, decidedBy: null, matchedGroups: [] });
    expect(answer.reason).toBe('No: the token has no permission “edit DNS”; it has Zone Read.');
  });

  it('gives the same answer for a zone written flat or nested under its account', () => {
    const flat = policies(allow([GROUPS.dnsWrite.id], { [`${ZONE}${OTHER_ORG}`]: '*' }));
    const nested = policies(
      allow([GROUPS.dnsWrite.id], { [`${ACCOUNT}${OTHER_CO}`]: { [`${ZONE}${OTHER_ORG}`]: '*' } }),
    );
    for (const token of [flat, nested]) {
      expect(evaluateAccess(token, 'edit DNS', target('other.org')).allowed).toBe(true);
      expect(evaluateAccess(token, 'edit DNS', target('example.com')).allowed).toBe(false);
    }
  });
});
