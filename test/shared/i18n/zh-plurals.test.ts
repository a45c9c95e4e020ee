/**
 * Chinese has one plural form: CLDR gives zh-CN only `other`, so a `one {…}` branch in a zh-CN
 * message never shows, and "1 个配置文件" or "全部 1 个令牌" comes out where the message meant
 * something else for one. A zh-CN plural that must differ for 1 or 0 says `=1 {…}` or `=0 {…}`
 * (docs/i18n.md); this test finds every `one` branch in the zh-CN catalogue.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../src/shared/i18n';

interface Node {
  type: number;
  value?: string;
  options?: Record<string, { value: Node[] }>;
}

/** The plural arguments of `message` that have a `one` branch. */
function oneBranches(message: string): string[] {
  const found: string[] = [];
  const walk = (nodes: Node[]): void => {
    for (const node of nodes) {
      // 6 is a plural argument in intl-messageformat's AST.
      if (node.type === 6 && node.options?.['one'] && node.value) found.push(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, 'zh-CN').getAst());
  return found;
}

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([name, value]): [string, string][] => {
    const key = prefix ? `${prefix}.${name}` : name;
    return typeof value === 'string' ? [[key, value]] : leaves(value as object, key);
  });
}

describe('zh-CN plurals', () => {
  it('CLDR gives Chinese only “other”: the one branch is dead', () => {
    expect(new Intl.PluralRules('zh-CN').select(1)).toBe('other');
    expect(oneBranches('{n, plural, one {一个} other {# 个}}')).toEqual(['n']);
    expect(oneBranches('{n, plural, =1 {一个} other {# 个}}')).toEqual([]);
  });

  it('no zh-CN message has a plural branch for “one”', () => {
    const dead = leaves(CATALOGUES['zh-CN'])
      .filter(([, message]) => oneBranches(message).length > 0)
      .map(([key, message]) => `${key}: ${message}`);
    expect(dead).toEqual([]);
  });
});
