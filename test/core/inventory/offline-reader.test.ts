/**
 * The offline reader (the command line's reads of the cache) answers exactly what the core's
 * dispatch answers for the same channels, refuses what the core refuses, and still moves a
 * damaged file aside — though it opens the folder with the header check only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME } from '../../../src/main/core/db/data-files';
import { openOfflineReader, type OfflineReader } from '../../../src/main/core/inventory/offline-reader';
import type { Profile, TokenRow } from '../../../src/shared/domain';
import { startTestSimulator } from '../../support/test-simulator';
import { closeAllCores, makeCore } from '../support/core-harness';
import { addProfile, call } from '../support/sim-profiles';

const sim = await startTestSimulator({ scenario: 'demo' });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const readers: OfflineReader[] = [];

afterEach(() => {
  closeAllCores();
  for (const reader of readers.splice(0)) reader.close();
});

/** The cache files moved aside as damaged (the database itself, not its -wal and -shm). */
function movedAside(dataDir: string): string[] {
  return fs
    .readdirSync(dataDir)
    .filter((name) => name.startsWith(`${CACHE_FILE_NAME}.corrupt-`) && !/-(?:wal|shm)$/u.test(name));
}

function reader(dataDir: string): OfflineReader {
  const opened = openOfflineReader({ dataDir, logger: quiet });
  readers.push(opened);
  return opened;
}

/** A folder with Alice and Bob synced, closed (so every page is in the main files). */
async function syncedFolder(): Promise<{ dataDir: string; profiles: Profile[]; rows: TokenRow[] }> {
  const h = makeCore();
  for (const label of ['alice-manager', 'bob-manager']) {
    const profile = await addProfile(h.core, sim, label);
    await call(h.core, 'sync.start', { profileId: profile.id });
  }
  const profiles = await call<Profile[]>(h.core, 'profiles.list', {});
  const rows = await call<TokenRow[]>(h.core, 'tokens.list', {});
  return { dataDir: h.dataDir, profiles, rows };
}

describe('the offline reader', () => {
  it('answers every read channel exactly as the core does', async () => {
    const { dataDir, profiles, rows } = await syncedFolder();
    const { core } = makeCore({ dataDir });
    const read = reader(dataDir);
    const profileId = profiles[0]?.id ?? '';
    const token = rows.find((row) => row.profileId === profileId);
    const accountId = (await call<{ id: string }[]>(core, 'accounts.list', { profileId }))[0]?.id;
    const cases = [
      ['profiles.list', {}],
      ['tokens.list', {}],
      ['tokens.list', { profileId }],
      ['tokens.get', { profileId, tokenId: token?.id ?? '' }],
      ['accounts.list', {}],
      ['zones.list', { profileId, accountId }],
    ] as const;
    for (const [channel, input] of cases)
      expect(await read.read(channel, input as never), channel).toEqual(await call(core, channel, input));
    expect(rows.length).toBeGreaterThan(10);
  });

  it("walks tokens.list's rows one at a time: the same rows, in the same order", async () => {
    const { dataDir, profiles, rows } = await syncedFolder();
    const read = reader(dataDir);
    const walked = (input: { profileId?: string }): TokenRow[] => {
      const seen: TokenRow[] = [];
      read.eachToken(
        input,
        (row) => seen.push(row),
        () => seen.splice(0),
      );
      return seen;
    };
    expect(walked({})).toEqual(rows);
    const profileId = profiles[1]?.id ?? '';
    expect(walked({ profileId })).toEqual(await read.read('tokens.list', { profileId }));
    expect(walked({ profileId }).every((row) => row.profileId === profileId)).toBe(true);
    expect(() => walked({ profileId: 'no-such-profile' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
  });

  it('a walk that meets a damaged page starts over, after restart(), from what is left', async () => {
    const { dataDir } = await syncedFolder();
    closeAllCores(); // every page in the main file, none in the core's write-ahead log
    // Opened first, so the damage is met by the walk itself and not by the open.
    const read = reader(dataDir);
    const file = path.join(dataDir, CACHE_FILE_NAME);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, bytes.readUInt16BE(16) * 2);
    fs.writeFileSync(file, bytes);
    const events: string[] = [];
    read.eachToken(
      {},
      (row) => events.push(row.id),
      () => events.push('restart'),
    );
    expect(events.at(-1)).toBe('restart');
    expect(movedAside(dataDir)).toHaveLength(1);
  });

  it('says what the core says about a token the cache does not hold', async () => {
    const { dataDir, profiles } = await syncedFolder();
    const { core } = makeCore({ dataDir });
    const input = { profileId: profiles[0]?.id ?? '', tokenId: 'f'.repeat(32) };
    const fromCore = await core.dispatch('tokens.get', input);
    await expect(reader(dataDir).read('tokens.get', input)).rejects.toMatchObject(
      fromCore.ok ? {} : { code: fromCore.error.code, message: fromCore.error.message },
    );
    expect(fromCore.ok).toBe(false);
  });

  it('a page damaged inside the cache is found by the read, moved aside, and the profiles survive', async () => {
    const { dataDir, profiles } = await syncedFolder();
    const file = path.join(dataDir, CACHE_FILE_NAME);
    const bytes = fs.readFileSync(file);
    // Same length and header, garbage from the third page on: only a read of those pages sees it.
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize * 2);
    fs.writeFileSync(file, bytes);

    const read = reader(dataDir);
    expect(await read.read('tokens.list', {})).toEqual([]);
    expect((await read.read('profiles.list', {})).map((p) => p.id)).toEqual(profiles.map((p) => p.id));
    expect(movedAside(dataDir)).toHaveLength(1);
  });

  it('a truncated cache is moved aside at open, before any read', async () => {
    const { dataDir } = await syncedFolder();
    const file = path.join(dataDir, CACHE_FILE_NAME);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    reader(dataDir);
    expect(movedAside(dataDir)).toHaveLength(1);
  });
});
