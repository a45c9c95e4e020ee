/**
 * A token row's IP filter in the window's language.
 *
 * The row carries the filter as the decoder's summary ("only from 203.0.113.0/24; not from
 * 198.51.100.7/32", `summarizeRequestIp` in shared/policy/decode.ts), which is also the command
 * line's stable `--json` field, so it stays English there; the window reads the ranges back out
 * of it and words them itself.
 */
import { t } from './i18n';

export interface IpRanges {
  in: string[];
  notIn: string[];
}

/** The ranges of a row's IP filter summary; both empty for no filter. */
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

/** "Only from 203.0.113.0/24; not from 198.51.100.7/32", or the words for no filter. */
export function ipFilterWords(summary: string | null): string {
  const ranges = ipRangesOf(summary);
  if (ranges.in.length === 0 && ranges.notIn.length === 0) return t('policy.ip.any');
  return t('policy.ip.filter', {
    in: ranges.in.length > 0 ? ranges.in.join(', ') : 'none',
    notIn: ranges.notIn.length > 0 ? ranges.notIn.join(', ') : 'none',
  });
}
