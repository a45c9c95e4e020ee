/**
 * A token row's permission and resource summaries in the window's language.
 *
 * The row carries them as the decoder's English (`summarize` in shared/policy/decode.ts), which is
 * also the command line's stable `--json` field. The window words them again from the row's own
 * parts: each permission-group name and resource label the row lists is found whole in the
 * summary (so a name holding a comma or "except" is never split), and what lies between them can
 * only be the decoder's glue ("; ", ", ", "except ", "deny "). A summary that reads otherwise is
 * shown as it came.
 */
import { labelMessage } from '../../shared/policy/labels';
import { t } from './i18n';
import { messageSentence } from './message-sentence';

/** One resource label ("zone example.com") in the window's language, R2 buckets and raw keys too. */
export function resourceLabelWords(label: string): string {
  return messageSentence(labelMessage(label));
}

type Piece = { part: string } | { glue: string };

/** The summary as the row's parts and the glue between them; null when something else is in it. */
function pieces(summary: string, parts: readonly string[], glue: readonly string[]): Piece[] | null {
  const longestFirst = [...new Set(parts)].filter(Boolean).sort((a, b) => b.length - a.length);
  const out: Piece[] = [];
  let at = 0;
  while (at < summary.length) {
    const part = longestFirst.find((p) => summary.startsWith(p, at));
    const word = part === undefined ? glue.find((g) => summary.startsWith(g, at)) : undefined;
    if (part !== undefined) out.push({ part });
    else if (word !== undefined) out.push({ glue: word });
    else return null;
    at += (part ?? word ?? '').length;
  }
  return out;
}

/** Splits pieces at one glue word. */
function splitAt(list: Piece[], glue: string): Piece[][] {
  const groups: Piece[][] = [[]];
  for (const piece of list) {
    if ('glue' in piece && piece.glue === glue) groups.push([]);
    else groups[groups.length - 1]?.push(piece);
  }
  return groups;
}

/** "A, B" in the window's language, or null when the list is not only parts and commas. */
function partList(list: Piece[], words: (part: string) => string): string | null {
  const names: string[] = [];
  for (const piece of splitAt(list, ', ')) {
    const [only, ...rest] = piece;
    if (!only || rest.length > 0 || !('part' in only)) return null;
    names.push(words(only.part));
  }
  return names.join(t('policy.summary.listSeparator'));
}

/** "all zones except zone x.com; account Acme" in the window's language. */
export function resourcesWords(summary: string, labels: readonly string[]): string {
  const list = pieces(summary, labels, ['; ', ', ', ' except ', 'except ']);
  if (list === null) return summary;
  const items: string[] = [];
  for (const item of splitAt(list, '; ')) {
    const first = item[0];
    const onlyExcept = first !== undefined && 'glue' in first && first.glue === 'except ';
    const [included = [], excluded, ...extra] = splitAt(onlyExcept ? item.slice(1) : item, ' except ');
    if (extra.length > 0) return summary;
    const inWords = partList(included, resourceLabelWords);
    const outWords = excluded ? partList(excluded, resourceLabelWords) : null;
    if (inWords === null || (excluded && outWords === null)) return summary;
    if (onlyExcept) items.push(t('policy.summary.onlyExcept', { excluded: inWords }));
    else if (outWords !== null)
      items.push(t('policy.summary.except', { included: inWords, excluded: outWords }));
    else items.push(inWords);
  }
  return items.join(t('policy.summary.itemSeparator'));
}

/** "DNS Write, deny Zone Read" in the window's language; group names stay Cloudflare's. */
export function permissionsWords(summary: string, names: readonly string[]): string {
  const list = pieces(summary, names, [', ', 'deny ']);
  if (list === null) return summary;
  const words: string[] = [];
  for (const item of splitAt(list, ', ')) {
    const [first, second, ...rest] = item;
    if (rest.length > 0 || !first) return summary;
    if ('part' in first && second === undefined) words.push(first.part);
    else if ('glue' in first && second && 'part' in second)
      words.push(t('policy.summary.deny', { name: second.part }));
    else return summary;
  }
  return words.join(t('policy.summary.listSeparator'));
}
