/**
 * Launch at login on Linux: the XDG autostart entry in a temporary XDG_CONFIG_HOME.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartPath,
  createXdgAutostart,
  desktopEntry,
  execLine,
} from '../../../src/main/core/background/xdg-autostart';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-xdg-'));
}

describe('the autostart entry', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when that is unset or relative', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/tmp/cfg' }, '/home/alex')).toBe(
      '/tmp/cfg/autostart/keyflare.desktop',
    );
    expect(autostartPath({}, '/home/alex')).toBe('/home/alex/.config/autostart/keyflare.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'relative/cfg' }, '/home/alex')).toBe(
      '/home/alex/.config/autostart/keyflare.desktop',
    );
  });

  it('is written when switched on, starts Keyflare hidden, and holds nothing else', () => {
    const config = tempDir();
    const login = createXdgAutostart({
      env: { XDG_CONFIG_HOME: config },
      homeDir: '/nonexistent-home',
      command: ['/opt/Keyflare/keyflare', '--hidden'],
    });
    expect(login.isEnabled()).toBe(false);
    login.setEnabled(true);
    const file = path.join(config, 'autostart', 'keyflare.desktop');
    expect(login.isEnabled()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Keyflare',
        'Comment=Keeps your Cloudflare API token inventory fresh, from the tray',
        'Exec=/opt/Keyflare/keyflare --hidden',
        'Icon=keyflare',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['keyflare.desktop']);
    login.setEnabled(false);
    expect(fs.existsSync(file)).toBe(false);
    expect(login.isEnabled()).toBe(false);
    login.setEnabled(false); // switching off twice is fine
  });

  it('counts an entry a settings panel switched off as off', () => {
    const config = tempDir();
    const login = createXdgAutostart({
      env: { XDG_CONFIG_HOME: config },
      homeDir: '/x',
      command: ['/k', '--hidden'],
    });
    login.setEnabled(true);
    const file = path.join(config, 'autostart', 'keyflare.desktop');
    fs.writeFileSync(
      file,
      desktopEntry(['/k']).replace('X-GNOME-Autostart-enabled=true', 'X-GNOME-Autostart-enabled=false'),
    );
    expect(login.isEnabled()).toBe(false);
    fs.writeFileSync(file, `${desktopEntry(['/k'])}Hidden=true\n`);
    expect(login.isEnabled()).toBe(false);
  });

  it('quotes the command as the Desktop Entry spec says', () => {
    expect(execLine(['/home/alex/Apps/Keyflare 0.1.AppImage', '--hidden'])).toBe(
      '"/home/alex/Apps/Keyflare 0.1.AppImage" --hidden',
    );
    // $ and " escaped inside quotes, then every backslash doubled by the string escaping; % doubled.
    expect(execLine(['/opt/a$b"c\\d/100%'])).toBe('"/opt/a\\\\$b\\\\"c\\\\\\\\d/100%%"');
    expect(() => execLine(['/opt/two\nlines'])).toThrow(/line break/u);
  });

  it('says which file could not be written, and leaves no partial file', () => {
    const config = tempDir();
    fs.writeFileSync(path.join(config, 'autostart'), 'a file where the folder should be');
    const login = createXdgAutostart({ env: { XDG_CONFIG_HOME: config }, homeDir: '/x', command: ['/k'] });
    expect(() => login.setEnabled(true)).toThrow(
      `The autostart entry ${path.join(config, 'autostart', 'keyflare.desktop')} could not be written: `,
    );
    expect(fs.readdirSync(config)).toEqual(['autostart']);
  });
});
