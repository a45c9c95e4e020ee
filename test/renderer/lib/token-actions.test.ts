import { describe, expect, it } from 'vitest';
import {
  KEYCHAIN_REASON,
  NO_SECRET_REASON,
  OFFLINE_REASON,
  tokenActionAvailability,
  type ActionContext,
} from '../../../src/renderer/lib/token-actions';
import { FIXTURE_NOW, TOKEN_ROWS } from '../../fixtures/renderer/fixtures';

const row = (name: string) => {
  const found = TOKEN_ROWS.find((r) => r.name === name);
  if (!found) throw new Error(name);
  return found;
};
const ctx: ActionContext = {
  allowed: { edit: true, roll: true, delete: true, reason: null },
  offline: false,
  rateLimitedUntil: null,
  keychainAvailable: true,
  now: FIXTURE_NOW,
};

describe('token action availability', () => {
  it('allows everything for a kept, active token online', () => {
    const available = tokenActionAvailability(row('GitHub Actions — deploy acme.com'), ctx);
    expect(Object.values(available).every((reason) => reason === null)).toBe(true);
  });

  it('needs the secret in the keychain to verify or copy it', () => {
    const available = tokenActionAvailability(row('Grafana — analytics'), ctx);
    expect(available.verify).toBe(NO_SECRET_REASON);
    expect(available.copySecret).toBe(NO_SECRET_REASON);
    expect(available.copyCurlSecret).toBe(NO_SECRET_REASON);
    expect(available.copyCurlEnv).toBeNull();
    expect(available.adopt).toBeNull();
  });

  it('says so when the keychain is unavailable', () => {
    const available = tokenActionAvailability(row('GitHub Actions — deploy acme.com'), {
      ...ctx,
      keychainAvailable: false,
    });
    expect(available.verify).toBe(KEYCHAIN_REASON);
    expect(available.copySecret).toBe(KEYCHAIN_REASON);
    expect(available.adopt).toBe(KEYCHAIN_REASON);
    expect(available.edit).toBeNull();
  });

  it('blocks calls to Cloudflare while offline or rate-limited, not local ones', () => {
    const offline = tokenActionAvailability(row('GitHub Actions — deploy acme.com'), {
      ...ctx,
      offline: true,
    });
    expect(offline.verify).toBe(OFFLINE_REASON);
    expect(offline.roll).toBe(OFFLINE_REASON);
    expect(offline.delete).toBe(OFFLINE_REASON);
    expect(offline.copySecret).toBeNull();
    const limited = tokenActionAvailability(row('GitHub Actions — deploy acme.com'), {
      ...ctx,
      rateLimitedUntil: new Date(FIXTURE_NOW.getTime() + 5 * 60_000).toISOString(),
    });
    expect(limited.edit).toMatch(/^Cloudflare is rate-limiting this login until /u);
  });

  it('passes on what the credential may not do', () => {
    const available = tokenActionAvailability(row('Terraform — staging'), {
      ...ctx,
      allowed: {
        edit: false,
        roll: false,
        delete: false,
        reason: 'The credential can read but not write Acme Staging’s tokens.',
      },
    });
    expect(available.edit).toBe('The credential can read but not write Acme Staging’s tokens.');
    expect(available.roll).toBe(available.edit);
    expect(available.delete).toBe(available.edit);
  });

  it('keeps the profile’s own credential from being disabled or deleted, and expired tokens from being enabled', () => {
    const credential = tokenActionAvailability(row('Keyflare — token manager'), ctx);
    expect(credential.delete).toMatch(/own credential/u);
    expect(credential.toggleStatus).toMatch(/own credential/u);
    expect(tokenActionAvailability(row('Migration 2025 (expired)'), ctx).toggleStatus).toMatch(
      /expired token cannot be enabled/u,
    );
  });
});
