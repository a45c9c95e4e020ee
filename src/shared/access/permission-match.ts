/**
 * Permission matching: which permission groups a person means by "edit DNS".
 *
 * `keyflare can` (and later the window's access view) takes a permission the way people say it.
 * A permission group matches when the text is its id, its exact name (any case), or the same
 * words once verbs are normalized: "edit", "write", "change" and "modify" mean Write; "read",
 * "view" and "list" mean Read. So "edit DNS", "dns:edit", "DNS write" and "DNS Write" all name the
 * group "DNS Write", and "read zone" names "Zone Read". Matching is on whole words, never on
 * substrings, so "DNS" alone matches nothing (it is ambiguous between DNS Read and DNS Write).
 * A Write group does not answer for Read: Keyflare compares groups, not what Cloudflare's
 * services might derive from them.
 */

/** One permission group as a policy names it (DecodedPolicy's groups, or the profile's list). */
export interface PermissionGroupLike {
  id: string;
  name: string;
  scope: string | null;
}

const VERB_WORDS: Record<string, string> = {
  edit: 'write',
  write: 'write',
  change: 'write',
  modify: 'write',
  update: 'write',
  read: 'read',
  view: 'read',
  list: 'read',
};

/** Words that carry no meaning in "can it edit the DNS of". */
const FILLER_WORDS = new Set(['can', 'to', 'the', 'a', 'an', 'of', 'on', 'permission', 'permissions']);

/**
 * Words already normalized, by text: the access explorer asks the same few hundred group names
 * and ids thousands of times per question, and splitting them again each time dominated it.
 * Bounded, so a long-running window cannot grow it without limit.
 */
const wordsCache = new Map<string, string>();
const WORDS_CACHE_LIMIT = 10_000;

/** The normalized words of a permission, sorted: "edit DNS" and "DNS Write" both give "dns write". */
export function permissionWords(text: string): string {
  const cached = wordsCache.get(text);
  if (cached !== undefined) return cached;
  const words = splitWords(text);
  if (wordsCache.size >= WORDS_CACHE_LIMIT) wordsCache.clear();
  wordsCache.set(text, words);
  return words;
}

function splitWords(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !FILLER_WORDS.has(word))
    .map((word) => VERB_WORDS[word] ?? word)
    .sort()
    .join(' ');
}

/** Whether `query` names this group: by id, by exact name, or by the same normalized words. */
export function matchesPermission(group: PermissionGroupLike, query: string): boolean {
  const text = query.trim();
  if (text.length === 0) return false;
  if (group.id === text) return true;
  if (group.name.toLowerCase() === text.toLowerCase()) return true;
  const words = permissionWords(text);
  return words.length > 0 && permissionWords(group.name) === words;
}

/** The distinct groups (by id) among `groups` that `query` names. */
export function findPermissionGroups<T extends PermissionGroupLike>(
  groups: readonly T[],
  query: string,
): T[] {
  const found = new Map<string, T>();
  for (const group of groups)
    if (matchesPermission(group, query) && !found.has(group.id)) found.set(group.id, group);
  return [...found.values()];
}
