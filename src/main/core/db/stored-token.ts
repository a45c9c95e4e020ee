/**
 * The stored token: a token as the cache holds it — Cloudflare's object, kept exactly as it was
 * sent, with the owner facts the object itself does not carry.
 *
 * It is the one shape between the wire (what a fetch or a write brings back) and the cache's
 * rows: a sync, a token write and the history diff all hand tokens to the cache in it, and read
 * them back in it. It holds the object, its JSON text (the `raw` column), or both, and makes the
 * other on the first look: a sync compares thousands of unchanged tokens by their text alone and
 * never parses them, and the tokens it fetched are held as text only (`keepTextOnly`) from soon
 * after their page arrived until the commit.
 */
import type { TokenKind, TokenOwner } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import type { WireToken } from '../cloudflare/wire';

export interface StoredToken {
  readonly kind: TokenKind;
  /** The owning account of an account-owned token; null for a user token. */
  readonly accountId: string | null;
  /** The token's id (known without parsing its text). */
  readonly id: string;
  /** The token exactly as Cloudflare last sent it (parsed from `raw` on the first look). */
  readonly token: WireToken;
  /** The JSON text the cache stores for `token` (made on the first look). */
  readonly raw: string;
}

/**
 * Its object, its text or both; the one it lacks is made when asked for. The object is never
 * changed after it is handed in, so the text made of it stays true.
 */
class HeldToken implements StoredToken {
  #token: WireToken | undefined;
  #raw: string | undefined;

  constructor(
    readonly kind: TokenKind,
    readonly accountId: string | null,
    readonly id: string,
    token: WireToken | undefined,
    raw: string | undefined,
  ) {
    this.#token = token;
    this.#raw = raw;
  }

  get token(): WireToken {
    this.#token ??= JSON.parse(this.#raw as string) as WireToken;
    return this.#token;
  }

  get raw(): string {
    this.#raw ??= JSON.stringify(this.#token);
    return this.#raw;
  }

  keepTextOnly(cached: StoredToken | undefined): void {
    // The same row as the cached one: its string is kept instead, and this one is let go at once.
    if (cached !== undefined && sameRow(cached, this)) this.#raw = cached.raw;
    else this.#raw ??= JSON.stringify(this.#token);
    this.#token = undefined;
  }
}

/** Whether two tokens make the same cache row: the same text, kind and owner. */
export function sameRow(a: StoredToken, b: StoredToken): boolean {
  return a.raw === b.raw && a.kind === b.kind && a.accountId === b.accountId;
}

/** A token Cloudflare sent (or Keyflare just wrote), with its owner. */
export function storedToken(kind: TokenKind, accountId: string | null, token: WireToken): StoredToken {
  return new HeldToken(kind, accountId, token.id, token, undefined);
}

/** A stored token read back from the cache; its JSON text is parsed on the first look. */
export function storedFromRaw(
  kind: TokenKind,
  accountId: string | null,
  id: string,
  raw: string,
): StoredToken {
  return new HeldToken(kind, accountId, id, undefined, raw);
}

/**
 * Makes the stored text of fetched tokens now and lets their objects go. A sync calls it as each
 * page arrives, in a turn of its own: the thread would otherwise wait for the next replies, the
 * commit (after the last reply, when nothing else is left to wait for) has that much less to do,
 * and a sync holds about a third of the memory until its commit — which the garbage collector
 * would otherwise copy, pausing the thread that reads the replies.
 *
 * `cached` are the tokens as the cache holds them, when the caller has read them: a token whose
 * text is the same (most of them, in a steady-state sync) shares the cached string, so the
 * fetched copy dies young instead of being copied by every collection until the commit, and the
 * commit's comparison of the two is a pointer comparison.
 */
export function keepTextOnly(
  tokens: readonly StoredToken[],
  cached?: ReadonlyMap<string, StoredToken> | null,
): void {
  for (const token of tokens) if (token instanceof HeldToken) token.keepTextOnly(cached?.get(token.id));
}

/** Where the token lives; INTERNAL when the cache holds an account-owned token without its account. */
export function ownerOf(stored: Pick<StoredToken, 'kind' | 'accountId'>): TokenOwner {
  if (stored.kind === 'user') return { kind: 'user' };
  if (stored.accountId === null) {
    throw new AppError('INTERNAL', msg('errors.cache.noAccount'));
  }
  return { kind: 'account', accountId: stored.accountId };
}
