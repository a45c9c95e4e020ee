/**
 * clipboard.copy: main builds the verify command (or the bare secret), writes the clipboard
 * itself, tells the renderer nothing secret, and clears the clipboard later only if it still
 * holds what Keyflare wrote. The copied command is run with the real curl binary against the
 * simulator.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  DEMO,
  dnsDraft,
  movableClock,
  tokenHarness,
  keptToken,
  useTokenSuite,
} from '../support/token-harness';

const run = promisify(execFile);
const { sim, secrets } = await useTokenSuite();
/** curl as the shell finds it: the first one on PATH, wherever this machine keeps it. */
const curlPath =
  (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => path.join(dir, 'curl'))
    .find((candidate) => existsSync(candidate)) ?? null;

/** Runs a copied command the way a user pasting it into a shell would. */
async function shell(
  command: string,
  env: Record<string, string> = {},
): Promise<{ success: boolean; errors: { code: number }[] }> {
  const { stdout } = await run('/bin/sh', ['-c', command], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  return JSON.parse(stdout) as { success: boolean; errors: { code: number }[] };
}

describe('copying', () => {
  it('writes the exact verify command with the secret, concealed, and tells the renderer nothing secret', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await keptToken(h, 'Copy me');
    const reply = await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_secret' });

    expect(reply).toEqual({ clearsInSeconds: 30, text: null });
    expect(h.clipboard.writes).toEqual([
      {
        text: `curl "${sim.baseUrl}/user/tokens/verify" -H "Authorization: Bearer ${secret}"`,
        concealed: true,
      },
    ]);
  });

  it('writes the $CLOUDFLARE_API_TOKEN command without touching the keychain, and returns it', async () => {
    const h = await tokenHarness(sim, secrets);
    const reply = await h.ok('clipboard.copy', {
      profileId: h.profile.id,
      tokenId: 'a1a10000000000000000000000000002',
      format: 'curl_env',
    });
    const command = `curl "${sim.baseUrl}/user/tokens/verify" -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN"`;
    expect(reply).toEqual({ clearsInSeconds: 30, text: command });
    expect(h.clipboard.writes).toEqual([{ text: command, concealed: false }]);
  });

  it('writes the bare secret concealed, and uses the account endpoint for account-owned tokens', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId, secret } = await keptToken(h, 'Acme copy', { accountId: DEMO.acme });
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' });
    expect(h.clipboard.writes.at(-1)).toEqual({ text: secret, concealed: true });
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_secret' });
    expect(h.clipboard.text).toBe(
      `curl "${sim.baseUrl}/accounts/${DEMO.acme}/tokens/verify" -H "Authorization: Bearer ${secret}"`,
    );
  });

  it('asks to adopt the secret first when Keyflare does not hold it, writing nothing', async () => {
    const h = await tokenHarness(sim, secrets);
    for (const format of ['curl_secret', 'secret'] as const) {
      await expect(
        h.fails('clipboard.copy', {
          profileId: h.profile.id,
          tokenId: 'a1a10000000000000000000000000002',
          format,
        }),
      ).resolves.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Keyflare doesn’t hold this token’s secret: adopt it first.',
      });
    }
    expect(h.clipboard.writes).toEqual([]);
  });
});

describe('copying from the show-once panel', () => {
  it('copies a secret that was not kept, for ten minutes after it was shown, without the keychain', async () => {
    const clock = movableClock();
    const h = await tokenHarness(sim, secrets, { clock });
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Shown once'),
      keepSecret: false,
    });
    const tokenId = created.token.id;
    const reply = await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' });
    expect(reply.text).toBeNull();
    expect(h.clipboard.text).toBe(created.secret);
    clock.advance(10 * 60 * 1000);
    await expect(
      h.fails('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_secret' }),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never copies the secret a roll replaced', async () => {
    const h = await tokenHarness(sim, secrets);
    const created = await h.ok('tokens.create', {
      profileId: h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Rolled at once'),
      keepSecret: false,
    });
    const rolled = await h.ok('tokens.roll', {
      profileId: h.profile.id,
      tokenId: created.token.id,
      keepSecret: false,
    });
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId: created.token.id, format: 'secret' });
    expect(h.clipboard.text).toBe(rolled.secret);
    expect(rolled.secret).not.toBe(created.secret);
  });
});

describe('clearing the clipboard', () => {
  it('clears it after the configured time when it still holds what Keyflare wrote, and says so', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Clear me');
    await h.ok('settings.update', { clipboardClearSeconds: 12 });
    const reply = await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' });
    expect(reply.clearsInSeconds).toBe(12);
    expect(h.timers.pending()).toEqual([12_000]);

    h.timers.fireAll();
    await expect.poll(() => h.clipboard.clears).toBe(1);
    expect(h.clipboard.text).toBe('');
    expect(h.events.filter((e) => e.event === 'clipboard.cleared')).toEqual([
      { event: 'clipboard.cleared', payload: { clearedAt: expect.any(String) } },
    ]);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Do not clobber');
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_secret' });
    await h.clipboard.write('the user’s own text', { concealed: false });

    h.timers.fireAll();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.clipboard.text).toBe('the user’s own text');
    expect(h.clipboard.clears).toBe(0);
    expect(h.events.some((e) => e.event === 'clipboard.cleared')).toBe(false);
  });

  it('lets a newer copy cancel the older timer', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Copy twice');
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'secret' });
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_env' });
    expect(h.timers.pending()).toEqual([30_000]);
    h.timers.fireAll();
    await expect.poll(() => h.clipboard.clears).toBe(1);
    expect(h.events.filter((e) => e.event === 'clipboard.cleared')).toHaveLength(1);
  });
});

describe.skipIf(curlPath === null)('the copied command, run with the real curl', () => {
  it('verifies an active token, and gets 401 code 1000 for the old secret after a roll', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Curl me');
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_secret' });
    const before = h.clipboard.text;
    await expect(shell(before)).resolves.toMatchObject({ success: true });

    const rolled = await h.ok('tokens.roll', { profileId: h.profile.id, tokenId, keepSecret: true });
    await expect(shell(before)).resolves.toMatchObject({ success: false, errors: [{ code: 1000 }] });

    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_env' });
    await expect(shell(h.clipboard.text, { CLOUDFLARE_API_TOKEN: rolled.secret })).resolves.toMatchObject({
      success: true,
    });
  });

  it('verifies an account-owned token at its account', async () => {
    const h = await tokenHarness(sim, secrets);
    const { tokenId } = await keptToken(h, 'Curl Acme', { accountId: DEMO.acme });
    await h.ok('clipboard.copy', { profileId: h.profile.id, tokenId, format: 'curl_secret' });
    await expect(shell(h.clipboard.text)).resolves.toMatchObject({ success: true });
  });
});

it.runIf(curlPath === null)('skips the real-curl checks: no curl binary on this machine', () => {
  expect(curlPath).toBeNull();
});
