/**
 * What a snapshot commit does to a profile's token rows, worked out from the cached tokens and the
 * fetched ones alone: which rows stay (and move), which are written anew, which go.
 *
 * It is pure, so a sync makes it as soon as its token lists are in — often while its last zone
 * pages are still travelling — and the commit, after the last reply, only applies it
 * (replaceSnapshot, which makes it itself when it was not made beforehand, or not from what the
 * cache holds under the commit's lock). Keyflare's own writes since the fetch began are not part
 * of it: the commit knows them only under its lock, and lets them win over the plan.
 */
import { sameRow, type StoredToken } from './stored-token';
import type { StoredTokens } from './token-repository';

type CachedToken = StoredTokens extends Map<string, infer T> ? T : never;

/** A fetched token whose rows are written anew: not cached, or changed since. */
export interface ReplacedToken {
  entry: StoredToken;
  position: number;
  /** Its cached row, when it had one. */
  old: CachedToken | undefined;
}

export interface TokenRowsPlan {
  /** The cached tokens it compared with. */
  readonly stored: StoredTokens;
  /** The fetched tokens it was made from, in their order. */
  readonly tokens: readonly StoredToken[];
  /** Ids of the fetched tokens (a token listed twice is kept once, at its first place). */
  readonly seen: ReadonlySet<string>;
  /** Fetched tokens whose cached rows stay as they are: the same text, kind and owner. */
  readonly kept: readonly StoredToken[];
  /** Kept tokens whose place in the list changed: id and new position. */
  readonly moves: readonly (readonly [id: string, position: number])[];
  readonly replaced: readonly ReplacedToken[];
  /** Ids of cached tokens the fetch no longer lists. */
  readonly gone: readonly string[];
}

export function planTokenRows(stored: StoredTokens, tokens: readonly StoredToken[]): TokenRowsPlan {
  const seen = new Set<string>();
  const kept: StoredToken[] = [];
  const moves: [string, number][] = [];
  const replaced: ReplacedToken[] = [];
  tokens.forEach((entry, position) => {
    const id = entry.id;
    // A token listed twice (pages shifting under a concurrent write) is kept once.
    if (seen.has(id)) return;
    seen.add(id);
    const old = stored.get(id);
    // Texts the fetch shared with the cache (keepTextOnly) compare as one string, without a scan.
    if (old && sameRow(old, entry)) {
      kept.push(entry);
      if (old.position !== position) moves.push([id, position]);
    } else replaced.push({ entry, position, old });
  });
  const gone: string[] = [];
  for (const id of stored.keys()) if (!seen.has(id)) gone.push(id);
  return { stored, tokens, seen, kept, moves, replaced, gone };
}

/** Whether `plan` was made from exactly these cached and fetched tokens. */
export function planFits(plan: TokenRowsPlan, stored: StoredTokens, tokens: readonly StoredToken[]): boolean {
  return (
    plan.stored === stored &&
    plan.tokens.length === tokens.length &&
    plan.tokens.every((entry, i) => entry === tokens[i])
  );
}
