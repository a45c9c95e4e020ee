/**
 * Identifier and secret generation.
 *
 * Runtime ids use crypto randomness like Cloudflare's; scenario generators use derived ids so
 * the same options always give the same scenario (benchmarks compare runs).
 */
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random 32-hex id (token and policy ids). */
export function randomId(): string {
  return randomBytes(16).toString('hex');
}

/** A 32-hex id derived from the parts, stable across runs. */
export function derivedId(...parts: Array<string | number>): string {
  return createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 32);
}

/**
 * A new token secret: `cfut_` (user) or `cfat_` (account) + 40 base62 characters = 45
 * characters, inside the schema's iam_value bounds (40-80).
 */
export function newTokenSecret(owner: 'user' | 'account'): string {
  return `${owner === 'user' ? 'cfut_' : 'cfat_'}${randomBase62(40)}`;
}

/** Same shape as newTokenSecret, derived from the parts (for generated scenarios). */
export function derivedTokenSecret(owner: 'user' | 'account', ...parts: Array<string | number>): string {
  const digest = createHash('sha256').update(parts.join(':')).digest();
  let body = '';
  for (let index = 0; index < 40; index += 1)
    body += ALPHABET[(digest[index % digest.length] ?? 0) % ALPHABET.length];
  return `${owner === 'user' ? 'cfut_' : 'cfat_'}${body}`;
}

function randomBase62(length: number): string {
  // Rejection sampling keeps the characters uniform (256 is not a multiple of 62).
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHABET[byte % 62];
    }
  }
  return out;
}

/** A Cloudflare-style ray id for the cf-ray header. */
export function rayId(): string {
  return `${randomBytes(8).toString('hex')}-SIM`;
}
