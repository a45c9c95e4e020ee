/**
 * The leftover-English finder the zh-CN screen tests and the e2e screenshots use: it must name a
 * hard-coded English string and let names, products, acronyms, ids and dates through.
 */
import { describe, expect, it } from 'vitest';
import { collectWords, englishLeftovers } from '../../fixtures/renderer/english-leaks';

describe('englishLeftovers', () => {
  it('names each text that still holds an English word', () => {
    expect(
      englishLeftovers(['重新查询', 'Ask again', '今天有 2 个令牌可以操作', '3 tokens can act here today.']),
    ).toEqual(['Ask again', '3 tokens can act here today.']);
  });

  it('lets the demo data’s names, products, acronyms, ids and dates through', () => {
    expect(
      englishLeftovers([
        '导出 GitHub Actions — deploy acme.com',
        '策略 1：DNS Write',
        '管理配置文件 Acme Corp',
        '在 Keyflare 中忘记此登录。Cloudflare 上不会有任何变化。',
        'API 令牌 · IP 筛选 · JSON · CSV',
        'f1c00b8aa9 · alex@example.dev · https://api.cloudflare.com/client/v4 · report-2026.md',
        '复制 curl 命令',
      ]),
    ).toEqual([]);
  });

  it('reads text and the attributes read aloud, not code or typed values', () => {
    document.body.innerHTML = `
      <div id="root">
        <p>令牌</p><button aria-label="Close dialog">×</button>
        <input placeholder="Find a token…" value="typed words" />
        <pre>resource "cloudflare_api_token" "x" {}</pre><span class="mono">some id here</span>
      </div>`;
    const words = collectWords(document.getElementById('root') as HTMLElement);
    expect(words).toEqual(expect.arrayContaining(['令牌', '×', 'Close dialog', 'Find a token…']));
    expect(words.join(' ')).not.toMatch(/cloudflare_api_token|some id here|typed words/u);
    expect(englishLeftovers(words)).toEqual(['Close dialog', 'Find a token…']);
  });
});
