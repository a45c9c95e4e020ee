/**
 * A token row's IP filter in the window's language.
 *
 * The row carries the filter as the decoder's summary, which is also the command line's stable
 * `--json` field, so it stays English there; src/shared/policy/summary-words.ts reads the ranges
 * back out of it and words them as a message.
 */
import { ipFilterMessage } from '../../shared/policy/summary-words';
import { messageSentence } from './message-sentence';

export { ipRangesOf, type IpRanges } from '../../shared/policy/summary-words';

/** "Only from 203.0.113.0/24; not from 198.51.100.7/32", or the words for no filter. */
export function ipFilterWords(summary: string | null): string {
  return messageSentence(ipFilterMessage(summary));
}
