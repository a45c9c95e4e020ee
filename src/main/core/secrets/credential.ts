/**
 * ProfileCredential: a profile's Cloudflare credential as kept in the keychain.
 *
 * Stored under `profile:<id>` as JSON `{kind, token | email+key, accountId?}`. It is parsed back
 * with a schema so a damaged or hand-edited entry becomes a clear error rather than a request
 * sent with garbage. Nothing here is ever logged or written to SQLite.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { CredentialKind } from '../../../shared/domain';

const StoredCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user_token'), token: z.string().min(1) }),
  z.object({ kind: z.literal('account_token'), token: z.string().min(1), accountId: z.string().min(1) }),
  z.object({ kind: z.literal('global_key'), email: z.string().min(1), key: z.string().min(1) }),
]);

export type ProfileCredential = z.infer<typeof StoredCredential>;

export function encodeCredential(credential: ProfileCredential): string {
  return JSON.stringify(credential);
}

export function decodeCredential(text: string, profileId: string): ProfileCredential {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = null;
  }
  const checked = StoredCredential.safeParse(parsed);
  if (!checked.success) {
    throw new AppError('AUTH_INVALID', msg('errors.profiles.damagedCredential'), { profileId });
  }
  return checked.data;
}

export function credentialKindOf(credential: ProfileCredential): CredentialKind {
  return credential.kind;
}
