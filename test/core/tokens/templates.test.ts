/**
 * templates.list after a sync: every dashboard template resolves against the simulator's
 * permission groups by name AND scope, missing groups are named, and every available template's
 * draft is accepted by Cloudflare (the simulator checks the body against the OpenAPI schema).
 */
import { describe, expect, it } from 'vitest';
import { PERMISSION_SCOPES, type ResolvedTemplate, type TokenDraft } from '../../../src/shared/domain';
import { DASHBOARD_TEMPLATES } from '../../../src/shared/templates/templates-data';
import { DEMO, requests, tokenHarness, useTokenSuite } from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

const SCOPE_OF = {
  zone: PERMISSION_SCOPES.zone,
  account: PERMISSION_SCOPES.account,
  user: PERMISSION_SCOPES.user,
} as const;

/** The template's draft with the rows the dashboard leaves blank filled in, as the wizard asks the user to. */
function completed(template: ResolvedTemplate, zoneId: string, accountId: string): TokenDraft {
  if (!template.draft) throw new Error(`${template.name} has no draft`);
  return {
    ...template.draft,
    name: `${template.name} (template test)`,
    policies: template.draft.policies.map((policy) => {
      if (policy.resources.length > 0) return policy;
      const kind = template.permissions.find((p) =>
        p.groups.some((g) => policy.permissionGroupIds.includes(g.id)),
      )?.resourceKind;
      const resource =
        kind === 'zone'
          ? { type: 'zone' as const, zoneId, include: true }
          : { type: 'account' as const, accountId, include: true };
      return { ...policy, resources: [resource] };
    }),
  };
}

describe('templates for user tokens', () => {
  it('resolves every dashboard template to the synced groups, by name and scope, without asking Cloudflare', async () => {
    const h = await tokenHarness(sim, secrets);
    sim.control.resetLog();
    const templates = await h.ok('templates.list', { profileId: h.profile.id, owner: { kind: 'user' } });

    expect(sim.control.requestLog()).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(DASHBOARD_TEMPLATES.map((t) => t.id));
    const catalog = sim.state.permissionGroups();
    for (const template of templates) {
      expect(template, template.name).toMatchObject({ available: true, missing: [] });
      for (const permission of template.permissions) {
        expect(permission.groups.length, `${template.name}: ${permission.label}`).toBeGreaterThan(0);
        for (const group of permission.groups) {
          const real = catalog.find((g) => g.id === group.id);
          expect(real?.scopes, `${permission.label} -> ${group.name}`).toContain(
            SCOPE_OF[permission.resourceKind],
          );
          expect(group.scope).toBe(SCOPE_OF[permission.resourceKind]);
        }
      }
    }
    // "Logs Read" exists for zones and for accounts: the zone template takes the zone one.
    const logs = templates
      .find((t) => t.id === 'read-analytics-and-logs')
      ?.permissions.find((p) => p.label === 'Logs Read');
    expect(logs?.groups.map((g) => g.scope)).toEqual([PERMISSION_SCOPES.zone]);
    // "User Memberships Read" on the page is the API's "Memberships Read".
    const workers = templates.find((t) => t.id === 'edit-cloudflare-workers');
    expect(
      workers?.permissions.find((p) => p.label === 'User Memberships Read')?.groups.map((g) => g.name),
    ).toEqual(['Memberships Read']);
  });

  it('gives drafts Cloudflare accepts: each available template creates a working token', async () => {
    const h = await tokenHarness(sim, secrets);
    const templates = await h.ok('templates.list', { profileId: h.profile.id, owner: { kind: 'user' } });
    for (const template of templates) {
      const draft = completed(template, DEMO.acmeCom, DEMO.acme);
      const created = await h.ok('tokens.create', {
        profileId: h.profile.id,
        owner: { kind: 'user' },
        draft,
        keepSecret: false,
      });
      const stored = sim.state.token(created.token.id);
      const sent = new Set(draft.policies.flatMap((p) => p.permissionGroupIds));
      expect(
        new Set(stored?.policies.flatMap((p) => p.permission_groups.map((g) => g.id))),
        template.name,
      ).toEqual(sent);
      await h.ok('tokens.delete', { profileId: h.profile.id, tokenId: created.token.id });
    }
    expect(requests(sim, 'POST', '/user/tokens')).toHaveLength(templates.length);
  });
});

describe('templates for account-owned tokens', () => {
  it('uses that account’s groups and names what an account-owned token cannot hold', async () => {
    const h = await tokenHarness(sim, secrets);
    const templates = await h.ok('templates.list', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
    });
    const byId = new Map(templates.map((t) => [t.id, t]));

    expect(byId.get('edit-cloudflare-workers')).toMatchObject({
      available: false,
      missing: ['User Details Read', 'User Memberships Read'],
      draft: null,
    });
    expect(byId.get('create-additional-tokens')).toMatchObject({
      available: false,
      missing: ['API Tokens Write'],
    });
    for (const id of [
      'edit-zone-dns',
      'read-billing-info',
      'read-analytics-and-logs',
      'edit-load-balancing-configuration',
      'wordpress',
      'read-all-resources',
    ]) {
      expect(byId.get(id), id).toMatchObject({ available: true, missing: [] });
    }
    // Every group comes from Acme's own list and none is user-scoped.
    const groups = templates.flatMap((t) => t.permissions.flatMap((p) => p.groups));
    expect(
      groups.every(
        (g) => g.source === 'account' && g.accountId === DEMO.acme && g.scope !== PERMISSION_SCOPES.user,
      ),
    ).toBe(true);
    // "Include all accounts" means the owning account for an account-owned token.
    expect(byId.get('read-billing-info')?.draft?.policies[0]?.resources).toEqual([
      { type: 'account', accountId: DEMO.acme, include: true },
    ]);

    const wordpress = byId.get('wordpress');
    if (!wordpress) throw new Error('no WordPress template');
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'account', accountId: DEMO.acme },
      draft: completed(wordpress, DEMO.acmeCom, DEMO.acme),
      keepSecret: false,
    });
    expect(created.token).toMatchObject({ kind: 'account', accountId: DEMO.acme });
    expect(requests(sim, 'POST', '/accounts/{account_id}/tokens')).toHaveLength(1);
  });

  it('refuses an account the profile does not see, and a profile that has not synced', async () => {
    const h = await tokenHarness(sim, secrets);
    await expect(
      h.fails('templates.list', {
        profileId: h.profile.id,
        owner: { kind: 'account', accountId: DEMO.bobStudio },
      }),
    ).resolves.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('does not see account'),
    });
    const fresh = await tokenHarness(sim, secrets, { synced: false });
    await expect(
      fresh.fails('templates.list', { profileId: fresh.profile.id, owner: { kind: 'user' } }),
    ).resolves.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('sync it first'),
    });
  });
});
