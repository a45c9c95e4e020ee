import { describe, expect, it } from 'vitest';
import { applyLocale } from '../../../src/renderer/lib/i18n';
import { permissionsWords, resourcesWords } from '../../../src/renderer/lib/summary-words';
import { TOKEN_ROWS, tokenNamed } from '../../fixtures/renderer/fixtures';

describe('a row’s summaries in the window’s language', () => {
  it('reads exactly as the decoder wrote them in English, for every demo token', () => {
    for (const row of TOKEN_ROWS) {
      expect(resourcesWords(row.resourcesSummary, row.resourceNames)).toBe(row.resourcesSummary);
      expect(permissionsWords(row.permissionsSummary, row.permissionNames)).toBe(row.permissionsSummary);
    }
  });

  it('words resources and exclusions in Chinese, names as they are', () => {
    applyLocale('zh-CN', []);
    const bot = tokenNamed('Cache purge bot');
    expect(resourcesWords(bot.resourcesSummary, bot.resourceNames)).toBe('所有区域，区域 acme.io 除外');
    expect(
      resourcesWords('zone acme.com; all zones in account Acme Production', [
        'zone acme.com',
        'all zones in account Acme Production',
      ]),
    ).toBe('区域 acme.com；账户 Acme Production 中的所有区域');
    expect(resourcesWords('except zone a.io, zone b.io', ['zone a.io', 'zone b.io'])).toBe(
      '区域 a.io、区域 b.io 除外',
    );
    expect(permissionsWords('DNS Write, deny Zone Read', ['DNS Write', 'Zone Read'])).toBe(
      'DNS Write、拒绝 Zone Read',
    );
  });

  it('never splits a name holding a comma or “except”, and keeps a summary it cannot read', () => {
    applyLocale('zh-CN', []);
    expect(
      resourcesWords('account Acme, Inc. except Ltd; all zones', [
        'account Acme, Inc. except Ltd',
        'all zones',
      ]),
    ).toBe('账户 Acme, Inc. except Ltd；所有区域');
    expect(resourcesWords('zone a.io and more', ['zone a.io'])).toBe('zone a.io and more');
    // An R2 bucket has words of its own; the bucket's and the account's names stay as they are.
    expect(resourcesWords('R2 bucket media in account Acme', ['R2 bucket media in account Acme'])).toBe(
      '账户 Acme 中的 R2 存储桶 media',
    );
  });
});
