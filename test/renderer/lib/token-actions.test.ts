import { describe, expect, it } from 'vitest';
import {
  keychainReason,
  noSecretReason,
  offlineReason,
  tokenActionAvailability,
  uneditableReason,
  type ActionContext,
} from '../../../src/renderer/lib/token-actions';
import type { DecodedPolicy } from '../../../src/shared/domain';
import { msg, type Message } from '../../../src/shared/i18n/message';
import { detailFor, FIXTURE_NOW, tokenNamed } from '../../fixtures/renderer/fixtures';

const ctx: ActionContext = {
  allowed: { edit: true, roll: true, delete: true, reason: null },
  uneditable: null,
  offline: false,
  rateLimitedUntil: null,
  keychainAvailable: true,
  now: FIXTURE_NOW,
};

describe('token action availability', () => {
  it('allows everything for a kept, active token online', () => {
    const available = tokenActionAvailability(tokenNamed('GitHub Actions — deploy acme.com'), ctx);
    expect(Object.values(available).every((reason) => reason === null)).toBe(true);
  });

  it('needs the secret in the keychain to verify or copy it', () => {
    const available = tokenActionAvailability(tokenNamed('Grafana — analytics'), ctx);
    expect(available.verify).toBe(noSecretReason());
    expect(available.copySecret).toBe(noSecretReason());
    expect(available.copyCurlSecret).toBe(noSecretReason());
    expect(available.copyCurlEnv).toBeNull();
    expect(available.adopt).toBeNull();
  });

  it('says so when the keychain is unavailable', () => {
    const available = tokenActionAvailability(tokenNamed('GitHub Actions — deploy acme.com'), {
      ...ctx,
      keychainAvailable: false,
    });
    expect(available.verify).toBe(keychainReason());
    expect(available.copySecret).toBe(keychainReason());
    expect(available.adopt).toBe(keychainReason());
    expect(available.edit).toBeNull();
  });

  it('blocks calls to Cloudflare while offline or rate-limited, not local ones', () => {
    const offline = tokenActionAvailability(tokenNamed('GitHub Actions — deploy acme.com'), {
      ...ctx,
      offline: true,
    });
    expect(offline.verify).toBe(offlineReason());
    expect(offline.roll).toBe(offlineReason());
    expect(offline.delete).toBe(offlineReason());
    expect(offline.copySecret).toBeNull();
    const limited = tokenActionAvailability(tokenNamed('GitHub Actions — deploy acme.com'), {
      ...ctx,
      rateLimitedUntil: new Date(FIXTURE_NOW.getTime() + 5 * 60_000).toISOString(),
    });
    expect(limited.edit).toMatch(/^Cloudflare is rate-limiting this login until /u);
  });

  it('passes on what the credential may not do', () => {
    const available = tokenActionAvailability(tokenNamed('Terraform — staging'), {
      ...ctx,
      allowed: {
        edit: false,
        roll: false,
        delete: false,
        reason: { key: 'outcomes.allowed.noAccountTokensWrite', params: { account: 'Acme Staging' } },
      },
    });
    expect(available.edit).toBe(
      'This profile’s credential cannot change the tokens of account Acme Staging: it lacks the “Account API Tokens Write” permission there.',
    );
    expect(available.roll).toBe(available.edit);
    expect(available.delete).toBe(available.edit);
  });

  it('keeps the profile’s own credential from being disabled or deleted, and expired tokens from being enabled', () => {
    const credential = tokenActionAvailability(tokenNamed('Keyflare — token manager'), ctx);
    expect(credential.delete).toMatch(/own credential/u);
    expect(credential.toggleStatus).toMatch(/own credential/u);
    expect(tokenActionAvailability(tokenNamed('Migration 2025 (expired)'), ctx).toggleStatus).toMatch(
      /expired token cannot be enabled/u,
    );
  });

  it('refuses Edit, and only Edit, for a token whose draft cannot hold all of it', () => {
    const available = tokenActionAvailability(tokenNamed('GitHub Actions — deploy acme.com'), {
      ...ctx,
      uneditable: 'This token holds R2 bucket resources Keyflare cannot edit yet',
    });
    expect(available.edit).toBe('This token holds R2 bucket resources Keyflare cannot edit yet');
    expect(available.toggleStatus).toBeNull();
    expect(available.roll).toBeNull();
    const offline = tokenActionAvailability(tokenNamed('GitHub Actions — deploy acme.com'), {
      ...ctx,
      offline: true,
      uneditable: 'This token holds parts Keyflare cannot edit yet',
    });
    expect(offline.edit).toBe(offlineReason());
  });
});

describe('why a token cannot be edited', () => {
  const editable = detailFor(tokenNamed('Cache purge bot').key);
  const withResource = (kind: 'r2_bucket' | 'other' | 'zone', parts: Message[]) => {
    const policies: DecodedPolicy[] = [
      {
        id: 'p1',
        effect: 'allow',
        permissionGroups: [],
        resources: [{ key: 'k', kind, label: 'a resource', accountId: null, zoneId: null }],
        summary: '',
        summaryMessage: { key: 'outcomes.policy.rawWords', params: { words: 'a resource' } },
      },
    ];
    return { policies, edit: { draft: null, unrepresentable: parts } };
  };

  it('says nothing when the draft holds the whole token', () => {
    expect(editable.edit.draft).not.toBeNull();
    expect(uneditableReason(editable)).toBeNull();
  });

  it('names R2 buckets and unknown resources, and anything else in general words', () => {
    expect(
      uneditableReason(withResource('r2_bucket', [msg('validation.edit.noResources', { policy: 1 })])),
    ).toBe('This token holds R2 bucket resources Keyflare cannot edit yet');
    expect(uneditableReason(withResource('other', [msg('validation.edit.noResources', { policy: 1 })]))).toBe(
      'This token holds resources Keyflare does not know, so it cannot edit them',
    );
    expect(
      uneditableReason(withResource('zone', [msg('validation.edit.condition', { condition: 'time' })])),
    ).toBe('This token holds parts Keyflare cannot edit yet');
  });
});
