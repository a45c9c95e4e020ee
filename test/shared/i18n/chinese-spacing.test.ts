/**
 * Chinese spacing: no space between two Chinese words, a space between Chinese and Latin words or
 * numbers, and a name's own spaces never touched — whatever a parameter holds (a resource's
 * Chinese words, a date as 2024年12月31日, a token's name).
 */
import { describe, expect, it } from 'vitest';
import { createFormats } from '../../../src/shared/i18n/format';
import { formatMessage } from '../../../src/shared/i18n/format-message';
import { type Message, msg, nest } from '../../../src/shared/i18n/message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import { englishMessage } from '../../../src/shared/i18n/english-message';

const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
const formats = createFormats('zh-CN', '刚刚');
const chinese = (message: Message): string => formatMessage(zh, message, formats);

/** "DNS Write on <resource>", one policy's summary. */
function dnsWriteOn(resource: Message): Message {
  const counts = { count: 1, more: 0, ecount: 0, emore: 0 };
  return msg('outcomes.policy.summary', {
    effect: 'allow',
    groups: 'DNS Write',
    ...counts,
    ...nest('r0', resource),
  });
}

describe('Chinese spacing', () => {
  it('drops the sentence’s space between two Chinese words a parameter brings together', () => {
    const allZones = dnsWriteOn(msg('policy.resource.allZones'));
    expect(chinese(allZones)).toBe('所有区域上的 DNS Write');
    expect(englishMessage(allZones)).toBe('DNS Write on all zones');
    expect(chinese(msg('insights.warning.expiredOn', { expiresDay: '2024-12-31' }))).toBe(
      '已于 2024年12月31日过期',
    );
  });

  it('keeps a space between Chinese and Latin words, and every space inside a name (only the sentence’s own go)', () => {
    const zone = dnsWriteOn(msg('policy.resource.zone', { zone: 'example.com' }));
    expect(chinese(zone)).toBe('区域 example.com 上的 DNS Write');
    expect(chinese(msg('outcomes.share.name', { name: '生产 部署 令牌' }))).toBe('名称：生产 部署 令牌');
    expect(chinese(msg('policy.resource.account', { account: '华东 区' }))).toBe('账户华东 区');
  });
});
