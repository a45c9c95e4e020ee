/**
 * The bulk plan's wording.
 */
import { describe, expect, it } from 'vitest';
import { planBulk, summarizeRun } from '../../../src/shared/bulk/bulk-plan';
import { englishMessage } from '../../../src/shared/i18n/english-message';
import { createFormats } from '../../../src/shared/i18n/format';
import { formatMessage } from '../../../src/shared/i18n/format-message';
import { createI18n, translatorFor } from '../../../src/shared/i18n/translator';
import { tokenKey, splitTokenKey } from '../../../src/shared/token-key';
import { row } from '../support/token-rows';

describe('the bulk plan', () => {
  it('says when nothing is left to send', () => {
    const disabled = row({ status: 'disabled' });
    const plan = planBulk('disable', [disabled], () => ({ edit: true, delete: true, reason: null }));
    expect(plan.summary).toEqual({
      key: 'outcomes.bulk.plan.nothing',
      params: { action: 'disable', skipped: 1 },
    });
    expect(englishMessage(plan.summary)).toBe('Nothing to disable: the token is left out.');
    expect(plan.sendCount).toBe(0);
  });

  it('keys a token the cache no longer holds as the window keys its row, so it can be found again', () => {
    const gone = { profileId: 'p-1', tokenId: 'tok-9', profileLabel: 'Work' };
    const plan = planBulk('delete', [], () => ({ edit: true, delete: true, reason: null }), [gone]);
    const skipped = plan.groups.flatMap((g) => g.skip).map((s) => s.token.key);
    expect(skipped).toEqual([tokenKey('p-1', 'tok-9')]);
    expect(splitTokenKey(skipped[0] ?? '')).toEqual({ profileId: 'p-1', tokenId: 'tok-9' });
  });

  it('words a plan and a run in Simplified Chinese, with counts and names but no English', () => {
    const zh = translatorFor(createI18n('zh-CN'), 'zh-CN');
    const formats = createFormats('zh-CN', '刚刚');
    const rows = [row({ id: 'a', name: 'CI 部署' }), row({ id: 'b', name: 'DNS bot', status: 'disabled' })];
    const plan = planBulk('disable', rows, () => ({ edit: true, delete: true, reason: null }));
    expect(formatMessage(zh, plan.summary, formats)).toBe(
      '禁用 1 个令牌：向 Cloudflare 发送 1 个请求，每个只发送一次。另有 1 个令牌未包含在内。',
    );
    const skip = plan.groups.flatMap((g) => g.skip)[0];
    expect(formatMessage(zh, skip?.reason ?? { key: '' }, formats)).toBe('已禁用');
    const tokens = rows.map((r) => ({ key: r.key, profileId: r.profileId, tokenId: r.id, name: r.name }));
    const run = summarizeRun('disable', [
      { token: tokens[0]!, outcome: 'failed', message: null, code: 'UPSTREAM' },
      { token: tokens[1]!, outcome: 'skipped', message: skip?.reason ?? null, code: null },
    ]);
    expect(run.summary.map((part) => formatMessage(zh, part, formats))).toEqual([
      '1 个令牌失败，未对其做任何更改：“CI 部署”。',
      '1 个令牌未包含在内。',
    ]);
  });
});
