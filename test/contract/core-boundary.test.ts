import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import { CACHE_SCHEMA_VERSION } from '../../src/main/core/db/cache-migrations';
import { PROFILE_STORE_SCHEMA_VERSION } from '../../src/main/core/db/profile-store-migrations';

const cores: Core[] = [];
function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-core-'));
}
function makeCore(dataDir = tempDir()): Core {
  const core = createCore({ dataDir, secrets: createMemoryStore(), appVersion: '1.2.3' });
  cores.push(core);
  return core;
}

afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

describe('createCore', () => {
  it('answers app.info from a real SQLite cache in the data folder', async () => {
    const dataDir = tempDir();
    const core = makeCore(dataDir);
    const reply = await core.dispatch('app.info', {});
    expect(reply).toMatchObject({
      ok: true,
      value: {
        name: 'Keyflare',
        version: '1.2.3',
        dataDir,
        schemaVersions: { profiles: PROFILE_STORE_SCHEMA_VERSION, cache: CACHE_SCHEMA_VERSION },
        dataEvents: [],
      },
    });
    expect(fs.existsSync(path.join(dataDir, 'keyflare-profiles.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'keyflare-cache.sqlite'))).toBe(true);
  });

  it('refuses unknown channels and invalid input with VALIDATION, never throwing', async () => {
    const core = makeCore();
    await expect(core.dispatch('app.shutdown', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await expect(core.dispatch('settings.update', { clipboardClearSeconds: 'soon' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'clipboardClearSeconds' }] } },
    });
    await expect(core.dispatch('app.info', { extra: 1 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('keeps settings across restarts of the core', async () => {
    const dataDir = tempDir();
    const first = makeCore(dataDir);
    await first.dispatch('settings.update', { clipboardClearSeconds: 45, theme: 'dark', language: 'zh-CN' });
    first.close();
    const second = makeCore(dataDir);
    await expect(second.dispatch('settings.get', {})).resolves.toEqual({
      ok: true,
      value: {
        clipboardClearSeconds: 45,
        keepSecretsByDefault: true,
        theme: 'dark',
        language: 'zh-CN',
        keepInTray: true,
        launchAtLogin: false,
        syncEveryHours: 6,
        expiryWarningDays: 14,
        rotationDueDays: 90,
        unusedDays: 90,
        reminders: true,
      },
    });
  });
});
