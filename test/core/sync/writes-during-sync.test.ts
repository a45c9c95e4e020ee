/**
 * Keyflare's own token writes while a sync of the same profile is fetching: the sync's commit
 * must not undo them (drop a new token, revert an edit, bring back a deleted token), must not
 * record what Keyflare did a second time, and must never lose the secret_kept flag. Each race is
 * staged deterministically by holding one Cloudflare reply until the write has happened.
 */
import { describe, expect, it } from 'vitest';
import { tokenSecretAccount } from '../../../src/main/core/secrets/secret-store';
import type { HistoryEntry, SyncRun, SyncStatus, TokenOwner } from '../../../src/shared/domain';
import { dumpProfileRows } from '../support/core-harness';
import { holdingFetch, type HoldOptions, type HoldingFetch } from '../support/held-fetch';
import {
  DEMO,
  dnsDraft,
  tokenHarness,
  type HarnessOptions,
  type TokenHarness,
  useTokenSuite,
} from '../support/token-harness';

const { sim, secrets } = await useTokenSuite();

interface Setup {
  h: TokenHarness;
  held: HoldingFetch;
}

async function setup(options: HarnessOptions = {}): Promise<Setup> {
  const held = holdingFetch(sim.baseUrl);
  const h = await tokenHarness(sim, secrets, { ...options, fetch: held.fetch });
  return { h, held };
}

interface HeldSync {
  /** Lets the sync see the list it fetched and go on to commit. */
  release(): void;
  done: Promise<SyncRun[]>;
}

/** Starts a sync and resolves once Cloudflare has served its token list, which the core has not seen yet. */
async function syncWithListHeld(
  { h, held }: Setup,
  listPath = '/user/tokens',
  options: HoldOptions = {},
): Promise<HeldSync> {
  const listed = held.hold('GET', listPath, options);
  const done = h.ok('sync.start', { profileId: h.profile.id });
  const reply = await listed;
  return { release: reply.release, done };
}

/** Resolves once the running sync has every reply it asked for (or has already ended). */
async function fetchFinished(h: TokenHarness): Promise<void> {
  for (;;) {
    const [status] = await h.ok('sync.status', {});
    const progress: SyncStatus['progress'] = status?.progress ?? null;
    if (!status?.running || (progress && progress.planned > 0 && progress.done === progress.planned)) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function historyOf(h: TokenHarness, tokenId: string): Promise<[string, string][]> {
  const entries: HistoryEntry[] = await h.ok('tokens.history', { profileId: h.profile.id, tokenId });
  return entries.map((entry) => [entry.kind, entry.source]);
}

async function listedIds(h: TokenHarness): Promise<string[]> {
  return (await h.ok('tokens.list', { profileId: h.profile.id })).map((row) => row.id);
}

describe('a token Keyflare writes while a sync of its profile is fetching', () => {
  const creates: { owner: TokenOwner; list: string }[] = [
    { owner: { kind: 'user' }, list: '/user/tokens' },
    { owner: { kind: 'account', accountId: DEMO.acme }, list: `/accounts/${DEMO.acme}/tokens` },
  ];
  it.each(creates)(
    'stays listed after a create ($owner.kind), its secret still shown as kept, with no “deleted” entry',
    async ({ owner, list }) => {
      const s = await setup();
      const sync = await syncWithListHeld(s, list);
      const created = await s.h.ok('tokens.create', {
        profileId: s.h.profile.id,
        owner,
        draft: dnsDraft(sim, 'Made during a sync'),
        keepSecret: true,
      });
      sync.release();
      await expect(sync.done).resolves.toMatchObject([{ outcome: 'ok' }]);

      await expect(s.h.row(created.token.id)).resolves.toMatchObject({
        name: 'Made during a sync',
        secretKept: true,
      });
      await expect(historyOf(s.h, created.token.id)).resolves.toEqual([['created', 'keyflare']]);
      await expect(secrets.get(tokenSecretAccount(s.h.profile.id, created.token.id))).resolves.toBe(
        created.secret,
      );

      // The next sync lists the token itself and has nothing to add.
      await s.h.ok('sync.start', { profileId: s.h.profile.id });
      await expect(s.h.row(created.token.id)).resolves.toMatchObject({ secretKept: true });
      await expect(historyOf(s.h, created.token.id)).resolves.toEqual([['created', 'keyflare']]);
    },
  );

  it('stays deleted after a delete: the sync that listed it does not bring it back', async () => {
    const s = await setup();
    const created = await s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Deleted during a sync'),
      keepSecret: true,
    });
    const tokenId = created.token.id;
    const sync = await syncWithListHeld(s);
    await s.h.ok('tokens.delete', { profileId: s.h.profile.id, tokenId });
    sync.release();
    await expect(sync.done).resolves.toMatchObject([{ outcome: 'ok' }]);

    await expect(listedIds(s.h)).resolves.not.toContain(tokenId);
    await expect(historyOf(s.h, tokenId)).resolves.toEqual([
      ['deleted', 'keyflare'],
      ['created', 'keyflare'],
    ]);
    await s.h.ok('sync.start', { profileId: s.h.profile.id });
    await expect(listedIds(s.h)).resolves.not.toContain(tokenId);
    await expect(historyOf(s.h, tokenId)).resolves.toHaveLength(2);
  });

  it('keeps an edit: the older copy the sync fetched does not overwrite it', async () => {
    const s = await setup();
    const created = await s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Before the edit'),
      keepSecret: true,
    });
    const tokenId = created.token.id;
    const sync = await syncWithListHeld(s);
    await s.h.ok('tokens.update', {
      profileId: s.h.profile.id,
      tokenId,
      draft: dnsDraft(sim, 'After the edit', DEMO.acmeIo),
    });
    sync.release();
    await expect(sync.done).resolves.toMatchObject([{ outcome: 'ok' }]);

    const edited = { name: 'After the edit', resourcesSummary: 'zone acme.io', secretKept: true };
    await expect(s.h.row(tokenId)).resolves.toMatchObject(edited);
    const sources = (await historyOf(s.h, tokenId)).map(([, source]) => source);
    expect(sources).toEqual(['keyflare', 'keyflare', 'keyflare']);
    await s.h.ok('sync.start', { profileId: s.h.profile.id });
    await expect(s.h.row(tokenId)).resolves.toMatchObject(edited);
    await expect(historyOf(s.h, tokenId)).resolves.toHaveLength(3);
  });

  it('keeps a status change: a token disabled meanwhile is not shown active again', async () => {
    const s = await setup();
    const created = await s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Disabled during a sync'),
      keepSecret: false,
    });
    const tokenId = created.token.id;
    const sync = await syncWithListHeld(s);
    await s.h.ok('tokens.setStatus', { profileId: s.h.profile.id, tokenId, status: 'disabled' });
    sync.release();
    await expect(sync.done).resolves.toMatchObject([{ outcome: 'ok' }]);

    await expect(s.h.row(tokenId)).resolves.toMatchObject({ status: 'disabled' });
    await expect(historyOf(s.h, tokenId)).resolves.toEqual([
      ['status_changed', 'keyflare'],
      ['created', 'keyflare'],
    ]);
  });

  it('keeps a roll’s newly kept secret and records the roll once', async () => {
    const s = await setup();
    const created = await s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Rolled during a sync'),
      keepSecret: false,
    });
    const tokenId = created.token.id;
    const sync = await syncWithListHeld(s);
    const rolled = await s.h.ok('tokens.roll', { profileId: s.h.profile.id, tokenId, keepSecret: true });
    sync.release();
    await expect(sync.done).resolves.toMatchObject([{ outcome: 'ok' }]);

    await expect(s.h.row(tokenId)).resolves.toMatchObject({ secretKept: true });
    await expect(secrets.get(tokenSecretAccount(s.h.profile.id, tokenId))).resolves.toBe(rolled.secret);
    await expect(historyOf(s.h, tokenId)).resolves.toEqual([
      ['rolled', 'keyflare'],
      ['created', 'keyflare'],
    ]);
  });
});

describe('a write still in flight when the sync’s fetch ends', () => {
  it('is awaited: a create the fetch already saw is recorded once, as Keyflare’s, with its secret kept', async () => {
    const s = await setup();
    // The token exists at Cloudflare, but Keyflare has not read the answer to its POST yet.
    const posted = s.held.hold('POST', '/user/tokens');
    const creating = s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Answer arrives late'),
      keepSecret: true,
    });
    const post = await posted;
    const syncing = s.h.ok('sync.start', { profileId: s.h.profile.id });
    await fetchFinished(s.h);
    post.release();
    const [created, runs] = await Promise.all([creating, syncing]);

    expect(runs).toMatchObject([{ outcome: 'ok' }]);
    await expect(s.h.row(created.token.id)).resolves.toMatchObject({ secretKept: true });
    await expect(historyOf(s.h, created.token.id)).resolves.toEqual([['created', 'keyflare']]);
  });

  it('can be cancelled while it waits, leaving the snapshot byte-for-byte as it was', async () => {
    const s = await setup();
    const posted = s.held.hold('POST', '/user/tokens');
    const creating = s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Cancelled sync'),
      keepSecret: false,
    });
    const post = await posted;
    const syncing = s.h.ok('sync.start', { profileId: s.h.profile.id });
    await fetchFinished(s.h);
    const before = dumpProfileRows(s.h.core.context.db(), s.h.profile.id);
    await expect(s.h.ok('sync.cancel', { profileId: s.h.profile.id })).resolves.toEqual({ cancelled: true });
    await expect(syncing).resolves.toMatchObject([{ outcome: 'cancelled', error: { code: 'CANCELLED' } }]);
    expect(dumpProfileRows(s.h.core.context.db(), s.h.profile.id)).toBe(before);

    post.release();
    const created = await creating;
    await expect(s.h.row(created.token.id)).resolves.toMatchObject({ name: 'Cancelled sync' });
  });
});

describe('a sync that fails after a write it did not see', () => {
  it('leaves the cache byte-for-byte as the write left it, and the next sync keeps the token', async () => {
    let fail = false;
    const s = await setup({
      beforeSnapshotCommit: () => {
        if (fail) throw new Error('disk full');
      },
    });
    const sync = await syncWithListHeld(s);
    const created = await s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Survives a failed sync'),
      keepSecret: true,
    });
    const before = dumpProfileRows(s.h.core.context.db(), s.h.profile.id);
    fail = true;
    sync.release();
    await expect(sync.done).resolves.toMatchObject([{ outcome: 'failed', error: { code: 'INTERNAL' } }]);
    expect(dumpProfileRows(s.h.core.context.db(), s.h.profile.id)).toBe(before);

    fail = false;
    await s.h.ok('sync.start', { profileId: s.h.profile.id });
    await expect(s.h.row(created.token.id)).resolves.toMatchObject({ secretKept: true });
    await expect(historyOf(s.h, created.token.id)).resolves.toEqual([['created', 'keyflare']]);
  });
});

describe('secret_kept across syncs', () => {
  it('comes back with a token an earlier list missed, because the keychain still holds its secret', async () => {
    const s = await setup();
    const created = await s.h.ok('tokens.create', {
      profileId: s.h.profile.id,
      owner: { kind: 'user' },
      draft: dnsDraft(sim, 'Missed once'),
      keepSecret: true,
    });
    const tokenId = created.token.id;
    // One list misses the token, as a page boundary shifting under a concurrent change can.
    const missed = await syncWithListHeld(s, '/user/tokens', {
      edit: (body) => {
        const reply = body as {
          result: { id: string }[];
          result_info: { count: number; total_count: number };
        };
        const result = reply.result.filter((token) => token.id !== tokenId);
        const gone = reply.result.length - result.length;
        return {
          ...reply,
          result,
          result_info: {
            ...reply.result_info,
            count: reply.result_info.count - gone,
            total_count: reply.result_info.total_count - gone,
          },
        };
      },
    });
    missed.release();
    await expect(missed.done).resolves.toMatchObject([{ outcome: 'ok' }]);
    await expect(listedIds(s.h)).resolves.not.toContain(tokenId);

    await s.h.ok('sync.start', { profileId: s.h.profile.id });
    await expect(s.h.row(tokenId)).resolves.toMatchObject({ name: 'Missed once', secretKept: true });
    await expect(s.h.ok('tokens.verify', { profileId: s.h.profile.id, tokenId })).resolves.toMatchObject({
      outcome: 'active',
    });
  });
});
