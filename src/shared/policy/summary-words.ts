/**
 * A token row's permission and resource summaries in the reader's language: the window's rows and
 * search, and the Markdown report.
 *
 * The row carries them as the decoder's English (`summarize` in shared/policy/decode.ts), which is
 * also the command line's stable `--json` field. They are worded again from the row's own parts:
 * each permission-group name and resource label the row lists is found whole in the summary (so a
 * name holding a comma or "except" is never split), and what lies between them can only be the
 * decoder's glue ("; ", ", ", "except ", "deny "). A summary that reads otherwise is kept as it
 * came. `word` says a message in the reader's language (the window's `messageSentence`, the core's
 * `language().words`).
 */
import type { MessageData } from '../i18n/english-message';
import { type Message, msg, nest } from '../i18n/message';
import { labelMessage, namesMessage } from './labels';

/** A message in the reader's language. */
export type Words = (message: MessageData) => string;

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
function partList(list: Piece[], words: (part: string) => string, word: Words): string | null {
  const names: string[] = [];
  for (const piece of splitAt(list, ', ')) {
    const [only, ...rest] = piece;
    if (!only || rest.length > 0 || !('part' in only)) return null;
    names.push(words(only.part));
  }
  return names.join(word(msg('policy.summary.listSeparator')));
}

/** "all zones except zone x.com; account Acme" in the reader's language. */
export function resourcesWords(summary: string, labels: readonly string[], word: Words): string {
  const label = (part: string): string => word(labelMessage(part));
  const list = pieces(summary, labels, ['; ', ', ', ' except ', 'except ']);
  if (list === null) return summary;
  const items: string[] = [];
  for (const item of splitAt(list, '; ')) {
    const first = item[0];
    const onlyExcept = first !== undefined && 'glue' in first && first.glue === 'except ';
    const [included = [], excluded, ...extra] = splitAt(onlyExcept ? item.slice(1) : item, ' except ');
    if (extra.length > 0) return summary;
    const inWords = partList(included, label, word);
    const outWords = excluded ? partList(excluded, label, word) : null;
    if (inWords === null || (excluded && outWords === null)) return summary;
    if (onlyExcept) items.push(word(msg('policy.summary.onlyExcept', { excluded: inWords })));
    else if (outWords !== null)
      items.push(word(msg('policy.summary.except', { included: inWords, excluded: outWords })));
    else items.push(inWords);
  }
  return items.join(word(msg('policy.summary.itemSeparator')));
}

/** "DNS Write, deny Zone Read" in the reader's language; group names stay Cloudflare's. */
export function permissionsWords(summary: string, names: readonly string[], word: Words): string {
  const list = pieces(summary, names, [', ', 'deny ']);
  if (list === null) return summary;
  const words: string[] = [];
  for (const item of splitAt(list, ', ')) {
    const [first, second, ...rest] = item;
    if (rest.length > 0 || !first) return summary;
    if ('part' in first && second === undefined) words.push(first.part);
    else if ('glue' in first && second && 'part' in second)
      words.push(word(msg('policy.summary.deny', { name: second.part })));
    else return summary;
  }
  return words.join(word(msg('policy.summary.listSeparator')));
}

export interface IpRanges {
  in: string[];
  notIn: string[];
}

/**
 * The ranges of a row's IP filter summary ("only from 203.0.113.0/24; not from 198.51.100.7/32",
 * `summarizeRequestIp`, English in `--json`); both empty for no filter.
 */
export function ipRangesOf(summary: string | null): IpRanges {
  const ranges: IpRanges = { in: [], notIn: [] };
  for (const part of (summary ?? '').split(/;\s*/u)) {
    const match = /^(only|not) from (.+)$/u.exec(part.trim());
    if (!match?.[2]) continue;
    const list = match[2].split(/,\s*/u).filter(Boolean);
    (match[1] === 'only' ? ranges.in : ranges.notIn).push(...list);
  }
  return ranges;
}

/** "Only from 203.0.113.0/24; not from 198.51.100.7/32", or the words for no filter, as a message. */
export function ipFilterMessage(summary: string | null): Message {
  const ranges = ipRangesOf(summary);
  if (ranges.in.length === 0 && ranges.notIn.length === 0) return msg('policy.ip.any');
  // The ranges as a list each language punctuates ("A, B" / "A、B").
  const list = (name: string, ranges: string[]): Record<string, string | number> =>
    ranges.length > 0 ? nest(name, namesMessage(ranges)) : { [name]: 'none' };
  return msg('policy.ip.filter', { ...list('in', ranges.in), ...list('notIn', ranges.notIn) });
}
