/**
 * Closest names: what an import suggests when a name from a recipe is not in the chosen profile.
 *
 * Case and punctuation are ignored ("dns write" is "DNS Write"); a candidate is offered when its
 * edit distance is small against the length of the name, so a typo or a renamed zone is found
 * and an unrelated name is not. Levenshtein distance from fastest-levenshtein.
 */
import { distance } from 'fastest-levenshtein';

function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Up to `limit` candidates nearest to `name`, nearest first; ties keep the candidates' order. */
export function closestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  const target = folded(name);
  const scored = [...new Set(candidates)]
    .map((candidate, index) => {
      const other = folded(candidate);
      const contains = target.length > 2 && (other.includes(target) || target.includes(other));
      const score = contains ? 0.5 : distance(target, other);
      return {
        candidate,
        index,
        score,
        bound: Math.max(2, Math.ceil(Math.max(target.length, other.length) * 0.4)),
      };
    })
    .filter((entry) => entry.score <= entry.bound)
    .sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((entry) => entry.candidate);
}
