/**
 * The core's messages (`{ key, params }`) as sentences in the command's language (`--lang`,
 * LC_ALL, LANG), their dates in that locale: how every command words a verify outcome, a
 * capability note or a summary (docs/i18n.md).
 */
import type { MessageData } from '../shared/i18n/english-message';
import { formatMessage } from '../shared/i18n/format-message';
import type { CliLanguage } from './locale';

/** `message` in the run's language. */
export function messageText(lang: CliLanguage, message: MessageData): string {
  return formatMessage(lang.t, message, lang.formats);
}
