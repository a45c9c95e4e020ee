/**
 * The command's pure parts: the data folder per OS (the one Electron's userData names for
 * "Keyflare"), the exit-code table, and how the token table shares a narrow terminal.
 */
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../src/cli/data-dir';
import { EXIT, exitCodeFor } from '../../src/cli/exit-codes';
import { fitWidths, type Column } from '../../src/cli/table';
import { ERROR_CODES } from '../../src/shared/errors';

describe('the data folder', () => {
  it('is the window’s folder on each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Keyflare');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Keyflare');
    // A relative XDG_CONFIG_HOME is invalid per the spec, as Electron treats it.
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: 'cfg' }, '/home/ana')).toBe(
      '/home/ana/.config/Keyflare',
    );
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Keyflare',
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Keyflare',
    );
  });

  it('takes --data-dir over KEYFLARE_DATA_DIR over the default', () => {
    expect(resolveDataDir('/flag', { KEYFLARE_DATA_DIR: '/env' })).toBe('/flag');
    expect(resolveDataDir(undefined, { KEYFLARE_DATA_DIR: '/env' })).toBe('/env');
    expect(resolveDataDir(undefined, { KEYFLARE_DATA_DIR: '  ', XDG_CONFIG_HOME: '/cfg' })).toBe(
      process.platform === 'linux' ? '/cfg/Keyflare' : expect.any(String),
    );
  });
});

describe('exit codes', () => {
  it('gives every core error code one documented number', () => {
    const documented = new Set<number>(Object.values(EXIT));
    for (const code of ERROR_CODES) expect(documented.has(exitCodeFor(code)), code).toBe(true);
    expect(exitCodeFor('NOT_FOUND')).toBe(3);
    expect(exitCodeFor('KEYCHAIN_LOCKED')).toBe(7);
    expect(exitCodeFor('OFFLINE')).toBe(6);
  });
});

describe('fitting the table', () => {
  const column = (header: string, extra: Partial<Column<unknown>> = {}): Column<unknown> => ({
    header,
    value: () => '',
    ...extra,
  });
  const columns = [
    column('NAME'),
    column('LAST USED', { dropOrder: 2 }),
    column('EXPIRES', { dropOrder: 1 }),
    column('PERMISSIONS', { flexible: true }),
    column('ID', { fixed: true }),
  ];
  const natural = [20, 10, 10, 60, 32];

  it('keeps every column at its width when they fit', () => {
    expect(fitWidths(columns, natural, 200)).toEqual(natural);
  });

  it('cuts the flexible column first, then leaves out optional columns in order', () => {
    expect(fitWidths(columns, natural, 120)).toEqual([20, 10, 10, 40, 32]);
    expect(fitWidths(columns, natural, 100)).toEqual([20, 0, 10, 32, 32]);
    expect(fitWidths(columns, natural, 90)).toEqual([20, 0, 0, 34, 32]);
    expect(fitWidths(columns, natural, 70)).toEqual([20, 0, 0, 14, 32]);
  });

  it('then shrinks the widest columns that are not fixed, never the id', () => {
    const widths = fitWidths(columns, natural, 50);
    expect(widths[4]).toBe(32);
    expect(widths.filter((w) => w > 0).reduce((a, b) => a + b, 0) + 2 * 2).toBeLessThanOrEqual(50);
  });
});
