/**
 * SECURITY.md 8: packaged builds flip the Electron fuses; packaging targets and metadata.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;

describe('electron-builder configuration', () => {
  it('flips the fuses SECURITY.md requires', () => {
    expect(config['electronFuses']).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config['asar']).toBe(true);
  });

  it('builds Linux AppImage and deb, macOS dmg and Windows nsis as "Keyflare" with icons', () => {
    expect(config['productName']).toBe('Keyflare');
    expect(config['appId']).toMatch(/^[a-z]+(\.[a-z]+)+$/u);
    expect((config['linux'] as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((config['mac'] as { target: string[] }).target).toEqual(['dmg']);
    expect((config['win'] as { target: string[] }).target).toEqual(['nsis']);
    expect(fs.existsSync(path.join(root, 'resources/icon.png'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'resources/icons/512x512.png'))).toBe(true);
  });

  it('keeps native modules unbundled and needs no rebuild step', () => {
    const deps = pkg['dependencies'] as Record<string, string>;
    expect(Object.keys(deps)).toEqual(
      expect.arrayContaining(['better-sqlite3', 'keytar', 'cloudflare', 'zod']),
    );
    const scripts = pkg['scripts'] as Record<string, string>;
    expect(scripts['postinstall']).toBeUndefined();
    expect(JSON.stringify(scripts)).not.toContain('electron-rebuild');
    expect(config['npmRebuild']).toBe(false);
  });

  it('requires Node 22.12 or newer', () => {
    expect((pkg['engines'] as Record<string, string>)['node']).toBe('>=22.12.0');
    expect(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim()).toBe('22.12');
  });
});
