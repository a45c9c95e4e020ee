/**
 * Asking the session bus for a StatusNotifierWatcher (the Linux tray check), against a private
 * dbus-daemon that has none and a bus address nobody listens on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasStatusNotifierWatcher, parseNameHasOwner } from '../../src/main/electron/session-bus';

const daemons: ChildProcess[] = [];
afterAll(() => {
  for (const daemon of daemons) daemon.kill();
});

/** A session bus of our own: its address, once it listens. */
async function privateBus(): Promise<string> {
  const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  daemons.push(daemon);
  return new Promise((resolve, reject) => {
    daemon.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    daemon.once('error', reject);
  });
}

describe('the session bus check', () => {
  it('reads dbus-send’s printed answer', () => {
    expect(parseNameHasOwner('method return time=1.2 sender=org.freedesktop.DBus\n   boolean true\n')).toBe(
      true,
    );
    expect(parseNameHasOwner('method return time=1.2\n   boolean false\n')).toBe(false);
    expect(parseNameHasOwner('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull();
  });

  it('answers false on a bus without a StatusNotifierWatcher', async () => {
    const address = await privateBus();
    await expect(
      hasStatusNotifierWatcher(3_000, { ...process.env, DBUS_SESSION_BUS_ADDRESS: address }),
    ).resolves.toBe(false);
  });

  it('answers null, never an error, when the bus cannot be reached', async () => {
    const nowhere = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-nobus-')), 'socket');
    await expect(
      hasStatusNotifierWatcher(3_000, { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${nowhere}` }),
    ).resolves.toBeNull();
  });
});
