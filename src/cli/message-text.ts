/**
 * The core's messages (`{ key, params }`) as sentences in the command's language (`--lang`,
 * LC_ALL, LANG), their dates in that locale: how every command words a verify outcome, a
 * capability note or a summary (docs/i18n.md).
 */
import type { TokenDetail } from '../shared/domain';
import { englishMessage, type MessageData } from '../shared/i18n/english-message';
import { formatMessage } from '../shared/i18n/format-message';
import type { MessageParams } from '../shared/i18n/message';
import type { CliLanguage } from './locale';

/** `message` in the run's language. */
export function messageText(lang: CliLanguage, message: MessageData): string {
  return formatMessage(lang.t, message, lang.formats);
}

/** What a profile may do with a token, for `--json`: `reason` stays the English sentence, its key and params beside it. */
export function allowedJson(allowed: TokenDetail['allowed']): Omit<TokenDetail['allowed'], 'reason'> & {
  reason: string | null;
  reasonKey: string | null;
  reasonParams: MessageParams;
} {
  return {
    ...allowed,
    reason: allowed.reason ? englishMessage(allowed.reason) : null,
    reasonKey: allowed.reason?.key ?? null,
    reasonParams: allowed.reason?.params ?? {},
  };
}
