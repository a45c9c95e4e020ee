/**
 * The token key: one token across every profile, as `TokenRow.key` carries it.
 *
 * A token id is unique only within its login, and two profiles may list the same token, so the
 * window tells rows apart by `<profileId>:<tokenId>`. Main builds the key and the window splits
 * it back (to open, edit or select a row) through this one codec, so both agree on the format.
 * A profile id is a UUID and never holds a colon; the token id is whatever follows the first one.
 */

/** The parts of a token key. */
export interface TokenKeyParts {
  profileId: string;
  tokenId: string;
}

/** `<profileId>:<tokenId>`; a profile id holding a colon could not be split back, so it throws. */
export function tokenKey(profileId: string, tokenId: string): string {
  if (profileId === '' || profileId.includes(':') || tokenId === '') {
    throw new Error(`Not a token key's parts: profile "${profileId}", token "${tokenId}".`);
  }
  return `${profileId}:${tokenId}`;
}

/** The profile and token ids of a key made by `tokenKey`; throws on anything else. */
export function splitTokenKey(key: string): TokenKeyParts {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) throw new Error(`Not a token key: "${key}".`);
  return { profileId: key.slice(0, colon), tokenId: key.slice(colon + 1) };
}
