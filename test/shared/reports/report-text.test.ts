/**
 * Report escaping: CSV fields that cannot run as formulas, Markdown that cannot break a table.
 */
import { describe, expect, it } from 'vitest';
import { csvField, markdownText } from '../../../src/shared/reports/report-text';

describe('report escaping', () => {
  it('defuses formulas and quotes CSV fields as RFC 4180 says', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('keeps a name from breaking a Markdown table or adding markup', () => {
    expect(markdownText('a | b\nc')).toBe('a \\| b c');
    expect(markdownText('**bold** [link](x) <img>')).toBe('\\*\\*bold\\*\\* \\[link\\](x) \\<img\\>');
    expect(markdownText('# heading')).toBe('\\# heading');
  });
});
