/**
 * The canary scan, extended to reports: with secrets kept in the keychain (a created token, an
 * adopted older-format one, the profile's credential), a report in every format holds none of
 * them, in whole or in part, and neither does the reply that saved it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveDialogPort } from '../../../src/main/core/reports/save-dialog-port';
import { tempDir } from '../support/core-harness';
import { dnsDraft, tokenHarness, useTokenSuite } from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

describe('the canary secret in reports', () => {
  it('never reaches a saved report or its reply, whatever the format', async () => {
    const folder = tempDir('keyflare-report-canary-');
    let next = 0;
    const dialog: SaveDialogPort = { choose: () => Promise.resolve(path.join(folder, `report-${++next}`)) };
    const h = await tokenHarness(sim, secrets, { saveDialog: dialog });
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      keepSecret: true,
      draft: dnsDraft(sim, 'Canary kept'),
    });
    const legacy = sim.credential('alice-legacy');
    await h.ok('tokens.adopt', {
      profileId: h.profile.id,
      tokenId: legacy.tokenId ?? '',
      secret: legacy.secret,
    });
    const credential = sim.credential('alice-manager').secret;
    const needles = [created.secret, legacy.secret, credential].flatMap((secret) => [
      secret,
      secret.slice(5, 25),
    ]);

    const tokens = (await h.ok('tokens.list', { profileId: h.profile.id })).map((row) => ({
      profileId: row.profileId,
      tokenId: row.id,
    }));
    for (const format of ['markdown', 'csv', 'json'] as const) {
      const reply = await h.core.dispatch('reports.save', { format, tokens, filters: '' });
      expect(reply.ok).toBe(true);
      for (const needle of needles) expect(JSON.stringify(reply)).not.toContain(needle);
    }
    const files = fs.readdirSync(folder);
    expect(files).toHaveLength(3);
    for (const file of files) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      expect(text).toContain('Canary kept');
      for (const needle of needles)
        expect(text.includes(needle), `${file} holds ${needle.slice(0, 8)}…`).toBe(false);
    }
  });
});
