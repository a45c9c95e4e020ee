/**
 * Secrets stay out of the renderer and off the disk: a whole scenario through core.dispatch
 * (add profile, sync, create, verify, copy each format, roll, enable/disable, edit, verify a
 * pasted secret, adopt, verify all, delete, remove the profile). Every reply and event is kept;
 * no secret used or issued — the profile credential included — may appear in any of them except
 * the show-once replies of create and roll, nor anywhere under the data folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { profileSecretAccount, tokenSecretPrefix } from '../../../src/main/core/secrets/secret-store';
import type { ChannelName } from '../../../src/shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../src/shared/contract';
import type { Result } from '../../../src/shared/errors';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores } from '../support/core-harness';
import { DEMO, dnsDraft, emptySecretStore, testSecretStore, tokenHarness } from '../support/token-harness';

const sim = await startTestSimulator({ scenario: 'demo' });
const secrets = testSecretStore();

afterAll(async () => {
  closeAllCores();
  await emptySecretStore(secrets);
});

interface Reply {
  channel: ChannelName;
  reply: Result<unknown>;
  /** Allowed to carry a secret: the show-once reply of create or roll. */
  showOnce: boolean;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function leaksIn(dir: string, secretList: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    for (const secret of secretList)
      if (bytes.includes(Buffer.from(secret, 'utf8')))
        found.push(`${path.relative(dir, file)} holds ${secret.slice(0, 9)}…`);
  }
  return found;
}

it('never returns a secret except once after create and roll, and never writes one under the data folder', async () => {
  const replies: Reply[] = [];
  const h = await tokenHarness(sim, secrets, { synced: false });
  const core: Core = h.core;
  const call = async <C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> => {
    const reply = await core.dispatch(channel, input);
    replies.push({
      channel,
      reply,
      showOnce: reply.ok && (channel === 'tokens.create' || channel === 'tokens.roll'),
    });
    if (!reply.ok) expect.fail(`${channel}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as ChannelOutput<C>;
  };
  const refused = async <C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<void> => {
    const reply = await core.dispatch(channel, input);
    replies.push({ channel, reply, showOnce: false });
    expect(reply.ok, channel).toBe(false);
  };

  const profileId = h.profile.id;
  const profileSecret = sim.credential('alice-manager').secret;
  const pasted = sim.credential('alice-dns-acme').secret;
  const stranger = sim.credential('alice-deny').secret;
  const unknown = 'cfut_neverIssuedCanary0000000000000000000000';

  await call('profiles.list', {});
  await call('sync.start', { profileId });
  await call('templates.list', { profileId, owner: { kind: 'user' } });
  await call('tokens.preview', { profileId, owner: { kind: 'user' }, draft: dnsDraft(sim, 'Canary') });
  const created = await call('tokens.create', {
    profileId,
    owner: { kind: 'user' },
    draft: dnsDraft(sim, 'Canary'),
    keepSecret: true,
  });
  const account = await call('tokens.create', {
    profileId,
    owner: { kind: 'account', accountId: DEMO.acme },
    draft: dnsDraft(sim, 'Canary Acme'),
    keepSecret: true,
  });
  const tokenId = created.token.id;
  await call('tokens.verify', { profileId, tokenId });
  await call('tokens.verify', { profileId, tokenId: account.token.id });
  for (const format of ['curl_secret', 'curl_env', 'secret'] as const)
    await call('clipboard.copy', { profileId, tokenId, format });
  h.timers.fireAll();
  const rolled = await call('tokens.roll', { profileId, tokenId, keepSecret: true });
  const rolledAccount = await call('tokens.roll', {
    profileId,
    tokenId: account.token.id,
    keepSecret: false,
  });
  await call('tokens.setStatus', { profileId, tokenId, status: 'disabled' });
  await call('tokens.verify', { profileId, tokenId });
  await call('tokens.setStatus', { profileId, tokenId, status: 'active' });
  await call('tokens.update', { profileId, tokenId, draft: dnsDraft(sim, 'Canary renamed', DEMO.acmeIo) });
  await call('tokens.verifySecret', { profileId, secret: pasted });
  await call('tokens.verifySecret', { profileId, secret: created.secret });
  await call('tokens.verifySecret', { profileId, secret: unknown });
  await refused('tokens.adopt', { profileId, tokenId: 'a1a10000000000000000000000000002', secret: stranger });
  await refused('tokens.adopt', { profileId, tokenId: 'a1a10000000000000000000000000002', secret: unknown });
  await call('tokens.adopt', { profileId, tokenId: 'a1a10000000000000000000000000002', secret: pasted });
  await call('tokens.verifyAll', { profileId });
  await call('clipboard.copy', { profileId, tokenId: 'a1a10000000000000000000000000002', format: 'secret' });
  await call('tokens.list', {});
  await call('tokens.get', { profileId, tokenId });
  await call('tokens.history', { profileId });
  await call('tokens.forgetSecret', { profileId, tokenId: 'a1a10000000000000000000000000002' });
  await call('tokens.delete', { profileId, tokenId });
  await call('tokens.delete', { profileId, tokenId: account.token.id });
  await call('app.info', {});

  const everySecret = [
    profileSecret,
    created.secret,
    account.secret,
    rolled.secret,
    rolledAccount.secret,
    pasted,
    stranger,
    unknown,
  ];
  // The show-once replies carry exactly their own secret.
  expect(
    replies
      .filter((r) => r.showOnce)
      .map((r) => (r.reply.ok ? (r.reply.value as { secret: string }).secret : null)),
  ).toEqual([created.secret, account.secret, rolled.secret, rolledAccount.secret]);
  for (const { channel, reply } of replies.filter((r) => !r.showOnce)) {
    const text = JSON.stringify(reply);
    for (const secret of everySecret)
      expect(text.includes(secret), `${channel} reply holds ${secret.slice(0, 9)}…`).toBe(false);
  }
  const events = JSON.stringify(h.events);
  for (const secret of everySecret)
    expect(events.includes(secret), `an event holds ${secret.slice(0, 9)}…`).toBe(false);

  // The disk, while the cache is open (WAL and SHM present) ...
  expect(filesUnder(h.dataDir).some((file) => file.endsWith('-wal'))).toBe(true);
  expect(leaksIn(h.dataDir, everySecret)).toEqual([]);

  await call('profiles.remove', { profileId });
  await expect(secrets.list(tokenSecretPrefix(profileId))).resolves.toEqual([]);
  await expect(secrets.get(profileSecretAccount(profileId))).resolves.toBeNull();
  // ... and after it is closed and checkpointed.
  core.close();
  expect(leaksIn(h.dataDir, everySecret)).toEqual([]);
});
