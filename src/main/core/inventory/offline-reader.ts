/**
 * The offline reader: the inventory's read channels without the rest of the core, for commands
 * that only read the cache (the command line's `tokens`, `show`, `exec`, `can`, `link`, `curl`).
 *
 * A command starts a new process every time, so what it loads is what it pays: the whole core
 * brings the Cloudflare SDK, every service and the contract's zod schemas (together more than
 * the reads themselves). The reader opens the same data folder the same way (migrations, a newer
 * file refused, a damaged one moved aside) and answers these channels with the same inventory
 * service, so the answers are the core's answers.
 *
 * What it leaves out, and why:
 * - The contract's checks. Its inputs come from the command's own code (ids it found in the
 *   cache, or read from a `.keyflare.json` that project-file.ts checks), bound as SQL
 *   parameters; an unknown id is NOT_FOUND as in the core. Its replies are rows Keyflare itself
 *   wrote to its own cache, checked where they came in (the gateway's parsers, at sync and at
 *   each write), and they stay in this process: the command prints fields it picks one by one
 *   (a `tokens --json` token is built field by field), so a stray field cannot leak through it.
 *   The window's replies cross into another process and stay checked in full (dispatch.ts).
 * - quick_check at open: the files are opened with the header check only (sqlite-file.ts). A
 *   read that meets damage anyway closes the reader and opens the folder again with quick_check,
 *   which moves the damaged file aside as every start does, then answers from what is left.
 */
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/message';
import { refusedData } from '../context';
import { openDataFiles } from '../db/data-files';
import { listProfiles } from '../db/profile-repository';
import { isCorruption, type Db } from '../db/sqlite-file';
import { createFileLogger } from '../logger';
import type { Clock, Logger } from '../ports';
import { createInventoryReads, type EditDraftOf, type InventoryService } from './inventory-reads';

/** The channels the reader answers: the contract's own, typed by it (types only, no zod loaded). */
export const READ_CHANNELS = [
  'profiles.list',
  'tokens.list',
  'tokens.get',
  'accounts.list',
  'zones.list',
] as const;
export type ReadChannel = (typeof READ_CHANNELS)[number];
type ReadInput<C extends ReadChannel> = ChannelInput<C>;
type ReadOutput<C extends ReadChannel> = ChannelOutput<C>;

export function isReadChannel(channel: string): channel is ReadChannel {
  return (READ_CHANNELS as readonly string[]).includes(channel);
}

export interface OfflineReaderOptions {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  /**
   * Whether a token's detail carries Edit's draft (the default). The draft is checked with the
   * contract's zod schema, which costs a command a tenth of its start-up CPU to load; a command
   * that never edits (`exec`, `can`) reads details without it, their `edit` saying so.
   */
  editDrafts?: boolean;
}

export interface OfflineReader {
  /** Answers a read channel from the cache; rejects with an AppError like the core's handlers. */
  read<C extends ReadChannel>(channel: C, input: ReadInput<C>): Promise<ReadOutput<C>>;
  /**
   * `tokens.list`'s rows, in its order, handed to `visit` one at a time instead of gathered (a
   * caller that writes each row out holds none). After damage met mid-walk the folder is opened
   * again as for `read`, `restart()` is called, and the walk starts over from what is left.
   */
  eachToken(
    input: ReadInput<'tokens.list'>,
    visit: (row: ReadOutput<'tokens.list'>[number]) => void,
    restart: () => void,
  ): void;
  close(): void;
}

type Readers = {
  [C in ReadChannel]: (inventory: InventoryService, db: Db, input: ReadInput<C>) => ReadOutput<C>;
};

/** The same handlers createCore wires to these channels. */
const READERS: Readers = {
  'profiles.list': (_inventory, db) => listProfiles(db),
  'tokens.list': (inventory, _db, input) => inventory.tokens(input.profileId),
  'tokens.get': (inventory, _db, input) => inventory.token(input.profileId, input.tokenId),
  'accounts.list': (inventory, _db, input) => inventory.accounts(input.profileId),
  'zones.list': (inventory, _db, input) => inventory.zones(input.profileId, input.accountId),
};

export function openOfflineReader(options: OfflineReaderOptions): OfflineReader {
  const clock = options.clock ?? { now: () => new Date() };
  const logger = options.logger ?? createFileLogger({ dataDir: options.dataDir, now: () => clock.now() });

  // Edit's draft is checked with the contract's zod schema: loaded only for a token's detail.
  let draftOf: EditDraftOf | null = null;
  const noDraft: EditDraftOf = () => {
    throw new AppError('INTERNAL', msg('errors.cache.draftNotLoaded'));
  };
  const draftNotRead: EditDraftOf = () => ({
    draft: null,
    unrepresentable: [msg('validation.edit.notRead')],
  });

  const open = (integrity: 'header' | 'quick_check') => {
    const opened = openDataFiles({ dataDir: options.dataDir, now: () => clock.now(), integrity });
    for (const event of opened.events)
      logger.warn(
        event.kind === 'newer_schema' ? 'data file refused: newer schema' : 'data file moved aside',
        {
          store: event.store,
          movedTo: event.movedTo,
        },
      );
    const db = opened.refused === null ? () => opened.db : refusedData(opened.refused);
    const inventory = createInventoryReads({ db, clock }, (token, names) =>
      (draftOf ?? noDraft)(token, names),
    );
    return { handle: opened.db, db, inventory };
  };

  let current = open('header');
  let rechecked = false;
  /** `answer()`, and once more after a read that met damage reopened the folder with quick_check. */
  const withRecheck = <T>(what: string, answer: () => T, again: () => void = () => undefined): T => {
    try {
      return answer();
    } catch (error) {
      if (!isCorruption(error)) throw error;
      if (rechecked) throw new AppError('CACHE_CORRUPT', msg('errors.cache.unreadable'));
      logger.warn('damage found by a read; opening the data folder again with quick_check', {
        channel: what,
      });
      rechecked = true;
      current.handle?.close();
      current = open('quick_check');
      again();
      return answer();
    }
  };
  return {
    async read(channel, input) {
      if (channel === 'tokens.get' && draftOf === null)
        draftOf =
          options.editDrafts === false
            ? draftNotRead
            : (await import('../../../shared/policy/edit-draft')).editDraft;
      return withRecheck(channel, () => READERS[channel](current.inventory, current.db(), input));
    },
    eachToken(input, visit, restart) {
      withRecheck('tokens.list', () => current.inventory.eachToken(input.profileId, visit), restart);
    },
    close() {
      current.handle?.close();
    },
  };
}
