/**
 * Recipes and imports: a token exported as a recipe and imported into the same profile gives the
 * identical draft; into another profile, names resolve to that profile's ids and what does not
 * resolve is named with the closest matches. A pasted API body builds the identical body again.
 */
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import type { CfToken } from '../../../src/shared/cloudflare-types';
import { tokenApiBody } from '../../../src/shared/export/api-body';
import { closestNames } from '../../../src/shared/export/closest';
import {
  parseImportText,
  recipeOwnerIn,
  resolveBody,
  resolveRecipe,
  type ImportTarget,
} from '../../../src/shared/export/import';
import { RecipeGap, recipeFromDraft, recipeText } from '../../../src/shared/export/recipe';
import type { PermissionGroup, TokenDraft, TokenOwner } from '../../../src/shared/domain';
import { buildTokenBody, draftFromToken } from '../../../src/shared/policy/build';
import { isAppError } from '../../../src/shared/errors';
import {
  ACCOUNTS,
  ACME,
  OTHER_CO,
  USER_ID,
  USER_EMAIL,
  ZONES,
  buildContext,
  groupId,
  sampleGroups,
} from '../support/world';
import { r2Token, richToken } from '../support/sample-tokens';

const POSITION = { tokenCount: 1, index: 0 };

function sameProfile(owner: TokenOwner = { kind: 'user' }): ImportTarget {
  return {
    profileId: '00000000-0000-4000-8000-000000000001',
    owner,
    userId: USER_ID,
    userLabel: USER_EMAIL,
    groups: sampleGroups(owner),
    accounts: ACCOUNTS,
    zones: ZONES,
  };
}

function draftOf(token: CfToken, owner: TokenOwner = { kind: 'user' }): TokenDraft {
  const read = draftFromToken(token, buildContext(owner));
  expect(read.unrepresentable).toEqual([]);
  return read.draft;
}

function throughText(
  draft: TokenDraft,
  owner: TokenOwner = { kind: 'user' },
): ReturnType<typeof parseImportText> {
  return parseImportText(recipeText([recipeFromDraft(draft, owner, buildContext(owner))]));
}

describe('recipes', () => {
  it('name groups by name and scope, accounts and zones by name, and hold no id', () => {
    const text = recipeText([recipeFromDraft(draftOf(richToken()), { kind: 'user' }, buildContext())]);
    expect(text).toContain('"name": "Logs Read",\n              "scope": "account"');
    expect(text).toContain('"zone": "x.com"');
    expect(text).toContain('"account": "Other Co"');
    for (const id of [ACME, OTHER_CO, USER_ID, groupId('DNS Write', 'zone')]) expect(text).not.toContain(id);
  });

  it('export → import into the same profile gives the identical draft', () => {
    const draft = draftOf(richToken());
    const parsed = throughText(draft);
    expect(parsed.source).toBe('recipe');
    const [recipe] = parsed.source === 'recipe' ? parsed.tokens : [];
    const result = resolveRecipe(recipe ?? expect.fail('no recipe'), sameProfile(), POSITION);
    expect(result.unresolved).toEqual([]);
    expect(result.draft).toEqual(draft);
  });

  it('an account-owned recipe finds its owner by account name', () => {
    const owner: TokenOwner = { kind: 'account', accountId: OTHER_CO };
    const draft = { ...draftOf(richToken()), policies: draftOf(richToken()).policies.slice(2, 3) };
    const parsed = throughText(draft, owner);
    const [recipe] = parsed.source === 'recipe' ? parsed.tokens : [];
    if (!recipe) return expect.fail('no recipe');
    expect(recipeOwnerIn(recipe, ACCOUNTS)).toEqual(owner);
    expect(recipeOwnerIn(recipe, [{ id: ACME, name: 'Acme' }])).toBeNull();
  });

  it('resolves into another login by name, and names what did not resolve with the closest matches', () => {
    const parsed = throughText(draftOf(richToken()));
    const [recipe] = parsed.source === 'recipe' ? parsed.tokens : [];
    const otherZone = 'b'.repeat(32);
    const otherAcme = 'c'.repeat(32);
    // Another login: Acme has another id, x.com is missing (but x.co exists), Other Co is "OtherCo Ltd",
    // and its groups lack Logs Read at account scope (it exists at zone scope only).
    const groups: PermissionGroup[] = sampleGroups().filter(
      (group) => !(group.name === 'Logs Read' && group.scope === 'com.cloudflare.api.account'),
    );
    const target: ImportTarget = {
      ...sameProfile(),
      userId: 'd'.repeat(32),
      groups,
      accounts: [
        { id: otherAcme, name: 'Acme' },
        { id: 'e'.repeat(32), name: 'OtherCo Ltd' },
      ],
      zones: [
        { id: otherZone, name: 'example.com', accountId: otherAcme },
        { id: 'f'.repeat(32), name: 'x.co', accountId: otherAcme },
      ],
    };
    const result = resolveRecipe(recipe ?? expect.fail('no recipe'), target, POSITION);
    expect(result.resolved).toEqual(
      expect.arrayContaining([
        { what: 'account', from: 'Acme', to: 'Acme' },
        { what: 'zone', from: 'example.com', to: 'example.com' },
        { what: 'user', from: 'the login’s user', to: USER_EMAIL },
      ]),
    );
    expect(result.unresolved).toEqual([
      {
        what: 'zone',
        name: 'x.com',
        reason: { key: 'outcomes.import.noZone' },
        closest: ['x.co'],
      },
      {
        what: 'permission group',
        name: 'Logs Read (account)',
        reason: { key: 'outcomes.import.otherScope', params: { scope: 'zone' } },
        closest: expect.arrayContaining(['Logs Write (account)']) as string[],
      },
      {
        what: 'account',
        name: 'Other Co',
        reason: { key: 'outcomes.import.noAccount' },
        closest: ['OtherCo Ltd'],
      },
    ]);
    const [dns, zone, account] = result.draft.policies;
    // The exclusion of x.com could not be resolved: the policy keeps what did.
    expect(dns?.resources).toEqual([{ type: 'all_zones', include: true }]);
    expect(zone?.resources).toEqual([
      { type: 'account_zones', accountId: otherAcme, include: true },
      { type: 'zone', zoneId: otherZone, include: true },
    ]);
    expect(account).toMatchObject({
      permissionGroupIds: [groupId('Account Settings Read', 'account')],
      resources: [],
    });
  });

  it('a recipe moved to another owner account points the old owner at the new one', () => {
    const owner: TokenOwner = { kind: 'account', accountId: ACME };
    const draft: TokenDraft = {
      name: 'Acme settings',
      policies: [
        {
          effect: 'allow',
          permissionGroupIds: [groupId('Account Settings Read', 'account')],
          resources: [{ type: 'account', accountId: ACME, include: true }],
        },
      ],
      requestIp: { in: [], notIn: [] },
      notBefore: null,
      expiresOn: null,
    };
    const parsed = throughText(draft, owner);
    const [recipe] = parsed.source === 'recipe' ? parsed.tokens : [];
    const result = resolveRecipe(
      recipe ?? expect.fail('no recipe'),
      sameProfile({ kind: 'account', accountId: OTHER_CO }),
      POSITION,
    );
    expect(result.draft.policies[0]?.resources).toEqual([
      { type: 'account', accountId: OTHER_CO, include: true },
    ]);
    expect(result.resolved).toContainEqual({ what: 'account', from: 'Acme', to: 'Other Co (the new owner)' });
  });

  it('refuses to write a recipe with a hole: a zone the cache cannot name', () => {
    const draft = draftOf(richToken());
    const ctx = { ...buildContext(), zones: new Map() };
    expect(() => recipeFromDraft(draft, { kind: 'user' }, ctx)).toThrow(RecipeGap);
  });
});

describe('pasted API bodies', () => {
  it('export body → import → the preview builds the identical body', () => {
    const body = tokenApiBody(richToken(), buildContext());
    const parsed = parseImportText(JSON.stringify(body));
    expect(parsed.source).toBe('body');
    const [pasted] = parsed.source === 'body' ? parsed.tokens : [];
    const result = resolveBody(pasted ?? expect.fail('no body'), sameProfile(), POSITION);
    expect(result.unresolved).toEqual([]);
    expect(buildTokenBody(result.draft, buildContext(undefined, new Date('2026-01-01T00:00:00Z')))).toEqual(
      body,
    );
  });

  it('orders an exported body as the builder does, whatever order Cloudflare sent', () => {
    const token = richToken();
    const reversed = { ...token, policies: [...token.policies].reverse() };
    expect(tokenApiBody(reversed, buildContext()).policies.map((p) => p.effect)).toEqual(
      tokenApiBody(token, buildContext()).policies.map((p) => p.effect),
    );
    expect(tokenApiBody(token, buildContext()).policies[1]).toEqual({
      effect: 'deny',
      permission_groups: [{ id: groupId('DNS Write', 'zone') }],
      resources: { [`com.cloudflare.api.account.zone.${ZONES[1]?.id ?? ''}`]: '*' },
    });
  });

  it('exports a token no draft can hold from Cloudflare’s copy, and the import names the part it cannot hold', () => {
    const body = tokenApiBody(r2Token(), buildContext());
    expect(body.policies[0]?.resources).toEqual(r2Token().policies[0]?.resources);
    const parsed = parseImportText(JSON.stringify(body));
    const [pasted] = parsed.source === 'body' ? parsed.tokens : [];
    const result = resolveBody(pasted ?? expect.fail('no body'), sameProfile(), POSITION);
    const [part] = result.unresolved;
    expect(part).toMatchObject({ what: 'part', name: '1' });
    expect(englishMessage(part?.reason ?? { key: '' })).toContain('cannot edit R2 bucket resources');
  });

  it('takes a GET reply in its envelope, finds a group of another id by its name, and reports unknown ids', () => {
    const token = richToken();
    const reply = {
      success: true,
      result: {
        ...token,
        policies: [
          {
            id: 'x',
            effect: 'allow',
            permission_groups: [{ id: '0'.repeat(32), name: 'DNS Write' }, { id: '1'.repeat(32) }],
            resources: {
              [`com.cloudflare.api.account.zone.${'9'.repeat(32)}`]: '*',
              'com.cloudflare.api.account.zone.*': '*',
            },
          },
        ],
      },
    };
    const parsed = parseImportText(JSON.stringify(reply));
    const [pasted] = parsed.source === 'body' ? parsed.tokens : [];
    const result = resolveBody(pasted ?? expect.fail('no body'), sameProfile(), POSITION);
    expect(result.draft.policies[0]?.permissionGroupIds).toEqual([groupId('DNS Write', 'zone')]);
    expect(result.draft.policies[0]?.resources).toEqual([{ type: 'all_zones', include: true }]);
    expect(result.unresolved.map((item) => `${item.what}: ${item.name}`)).toEqual([
      `permission group: ${'1'.repeat(32)}`,
      `zone: zone ${'9'.repeat(32)}`,
    ]);
  });

  it('refuses text that is neither, with a sentence that says so', () => {
    for (const text of [
      'not json',
      '{"name": "x"}',
      '[]',
      '{"format": "keyflare-recipe", "version": 2, "tokens": []}',
    ]) {
      try {
        parseImportText(text);
        expect.fail(`accepted ${text}`);
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('VALIDATION');
      }
    }
  });
});

describe('closest names', () => {
  it('offers near names, nearest first, and nothing unrelated', () => {
    expect(closestNames('acme.com', ['acme.io', 'acme.co', 'zebra.net'])).toEqual(['acme.co', 'acme.io']);
    expect(closestNames('DNS write', ['DNS Write', 'DNS Read', 'Billing Read'])).toEqual([
      'DNS Write',
      'DNS Read',
    ]);
    expect(closestNames('Workers', ['Billing Read'])).toEqual([]);
  });
});
