/**
 * The core's messages (`{ key, params }`: verify outcomes, capability notes, summaries) as
 * sentences in the window's language, their dates in the window's formats (docs/i18n.md).
 */
import type { MessageData } from '../../shared/i18n/english-message';
import { formatMessage } from '../../shared/i18n/format-message';
import { formatDateTime, formatDay } from './format';
import { currentLocale, t, useT } from './i18n';

const DATES = { day: formatDay, dateTime: formatDateTime };

/** A core message in the window's language now (for code outside components). */
export function messageSentence(message: MessageData): string {
  return formatMessage(t, message, DATES);
}

/** The same for a component: it re-renders when the language changes. */
export function useMessageSentence(): (message: MessageData) => string {
  const translate = useT();
  return (message) => formatMessage(translate, message, DATES);
}

/** Clauses of one summary (the wizard's preview), as each language separates them: "a; b", "a；b". */
export function clauseList(messages: readonly MessageData[]): string {
  return messages.map(messageSentence).join(currentLocale() === 'zh-CN' ? '；' : '; ');
}
