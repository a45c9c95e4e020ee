/**
 * `npm run demo` prepares a data folder a newcomer can browse: every demo profile added and synced.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PROFILES, prepareDemo } from '../../scripts/demo';
import { createCore } from '../../src/main/core';
import { createMemoryStore } from '../../src/main/core/secrets/memory-store';
import { startSimulator } from '../../src/sandbox';

const sim = await startSimulator({ scenario: 'demo' });
afterAll(() => sim.close());

describe('demo preparation', () => {
  it('adds and syncs every demo profile against the simulator', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyflare-demo-test-'));
    const secrets = createMemoryStore();
    const core = createCore({ dataDir, secrets });
    const ids = await prepareDemo(core, sim);
    const profiles = await core.dispatch('profiles.list', {});
    const tokens = await core.dispatch('tokens.list', {});
    core.close();
    expect(ids).toHaveLength(DEMO_PROFILES.length);
    expect(profiles).toMatchObject({ ok: true, value: DEMO_PROFILES.map((p) => ({ label: p.label })) });
    expect(tokens.ok && (tokens.value as unknown[]).length).toBeGreaterThan(10);
    expect([...secrets.entries().keys()].filter((k) => k.startsWith('profile:'))).toHaveLength(
      DEMO_PROFILES.length,
    );
  });
});
