/**
 * The stored token: a token as the cache holds it — Cloudflare's object, kept exactly as it was
 * sent, with the owner facts the object itself does not carry.
 *
 * It is the one shape between the wire (what a fetch or a write brings back) and the cache's
 * rows: a sync, a token write and the history diff all hand tokens to the cache in it, and read
 * them back in it. A token read back from the cache is parsed only when someone looks at its
 * object: a sync compares thousands of unchanged tokens by their stored text alone.
 */
import type { TokenKind, TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { WireToken } from '../cloudflare/wire';

export interface StoredToken {
  kind: TokenKind;
  /** The owning account of an account-owned token; null for a user token. */
  accountId: string | null;
  /** The token exactly as Cloudflare last sent it. */
  readonly token: WireToken;
  /** The JSON text the cache stores for `token`, once computed (see rawOf). */
  raw?: string;
}

/** Texts of fetched tokens made ahead of the commit (prepareStoredText), by token object. */
const textsAhead = new WeakMap<WireToken, string>();

/**
 * Makes the stored text of fetched tokens now, for the commit to take (rawOf). A sync calls it as
 * each page arrives, in a turn of its own: the thread would otherwise wait for the next replies,
 * and the commit (after the last reply, when nothing else is left to wait for) has that much less
 * to do. The token objects are not changed between their parse and the commit.
 */
export function prepareStoredText(tokens: readonly WireToken[]): void {
  for (const token of tokens) if (!textsAhead.has(token)) textsAhead.set(token, JSON.stringify(token));
}

/** The JSON text of the token, computed once per stored token. */
export function rawOf(stored: StoredToken): string {
  stored.raw ??= textsAhead.get(stored.token) ?? JSON.stringify(stored.token);
  return stored.raw;
}

/** A stored token read back from the cache; its JSON text is parsed on the first look. */
export function storedFromRaw(kind: TokenKind, accountId: string | null, raw: string): StoredToken {
  let parsed: WireToken | undefined;
  return {
    kind,
    accountId,
    raw,
    get token(): WireToken {
      parsed ??= JSON.parse(raw) as WireToken;
      return parsed;
    },
  };
}

/** Where the token lives; INTERNAL when the cache holds an account-owned token without its account. */
export function ownerOf(stored: Pick<StoredToken, 'kind' | 'accountId'>): TokenOwner {
  if (stored.kind === 'user') return { kind: 'user' };
  if (stored.accountId === null) {
    throw new AppError('INTERNAL', msg('errors.cache.noAccount'));
  }
  return { kind: 'account', accountId: stored.accountId };
}
