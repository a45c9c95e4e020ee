/**
 * History lines stored before messages were data hold the English sentence Keyflare wrote; each
 * is read back into the message of the same line, which words it exactly as before in English
 * and in Chinese under zh-CN. A sentence no pattern knows keeps its words.
 */
import { describe, expect, it } from 'vitest';
import { legacyHistoryMessage } from '../../../src/main/core/db/history-messages';
import type { HistoryKind } from '../../../src/shared/domain';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createI18n, translatorFor } from '../../../src/shared/i18n';

const LINES: [HistoryKind, string, string][] = [
  ['created', 'Deploy bot', 'created "Deploy bot"'],
  ['deleted', 'Deploy bot', 'deleted "Deploy bot"'],
  ['status_changed', 'CI', 'status active -> disabled'],
  ['policies_changed', 'CI', 'permissions or resources changed'],
  ['modified', 'After', 'name "Before" -> "After"; expiry changed; IP filter changed'],
  ['modified', 'CI', 'start date changed'],
  ['rolled', 'CI', 'secret rolled: the previous secret no longer works'],
  [
    'secret_removed',
    'CI',
    'Its kept secret was removed from the keychain: the token no longer exists in Cloudflare.',
  ],
  [
    'rotation',
    'CI deploy',
    'rotation started: “CI deploy” (b2) will replace this token, which stays untouched until you confirm',
  ],
  ['rotation', 'CI deploy', 'created to replace “CI deploy” (a1) (rotation with overlap)'],
  ['rotation', 'CI deploy', 'rotation finished: deleted; “CI deploy” (b2) replaced this token'],
  ['rotation', 'CI deploy', 'rotation finished: this token replaced “CI deploy” (a1), now disabled'],
];

describe('history lines stored as English sentences', () => {
  it.each(LINES)('reads a %s line back into a message that words it as before', (kind, name, sentence) => {
    const message = legacyHistoryMessage(kind, name, sentence);
    expect(message.key).not.toBe('history.legacy');
    expect(englishMessage(message)).toBe(sentence);
  });

  it('words them in Chinese under zh-CN, with names as they are', () => {
    const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
    const say = (kind: HistoryKind, name: string, sentence: string): string => {
      const message = legacyHistoryMessage(kind, name, sentence);
      return zh(message.key, message.params);
    };
    expect(say('status_changed', 'CI', 'status active -> disabled')).toBe('状态：有效 → 已禁用');
    expect(say('modified', 'After', 'name "Before" -> "After"; expiry changed')).toBe(
      '名称“Before”→“After”；有效期已更改',
    );
    expect(say('created', 'Deploy bot', 'created "Deploy bot"')).toBe('已创建“Deploy bot”');
  });

  it('keeps the words of a line no pattern knows', () => {
    const message = legacyHistoryMessage('modified', 'CI', 'something Keyflare never wrote');
    expect(message).toEqual({ key: 'history.legacy', params: { text: 'something Keyflare never wrote' } });
    expect(englishMessage(message)).toBe('something Keyflare never wrote');
  });
});
