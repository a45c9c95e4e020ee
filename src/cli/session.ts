/**
 * A session: the core opened on the data folder, called through the contract like the window.
 *
 * The command line is a second face over `createCore`: same data folder, same keychain entries
 * (service "Keyflare", or KEYFLARE_KEYCHAIN_SERVICE for the demo's "Keyflare Demo"), same handlers
 * and sentences. It calls nothing but `dispatch` — plus the keychain store itself, for the one
 * thing no channel gives out by design: a kept secret for `exec` and `curl --copy`. The core is
 * loaded on first use (a dynamic import), so `--help` and `completion` never open SQLite.
 *
 * Reads of the cache (`profiles.list`, `tokens.list`, `tokens.get`, `accounts.list`,
 * `zones.list`) are answered by the core's offline reader (inventory/offline-reader.ts) until a
 * command calls any other channel: the same inventory service on the same folder, without
 * loading the Cloudflare SDK, every other service and the contract's schemas, which a command
 * that only reads would pay for at every start. Once the whole core is open, every call goes to
 * its dispatch. The keychain module is loaded only when a command asks for `secrets`.
 */
import type { ChannelName } from '../shared/channels';
import type { ChannelInput, ChannelOutput, EventPayload } from '../shared/contract';
import type { EventName } from '../shared/channels';
import type { Core } from '../main/core/index';
import type { OfflineReader } from '../main/core/inventory/offline-reader';
import type { ClipboardPort } from '../main/core/ports';
import type { SecretStore } from '../main/core/secrets/secret-store';
import type { AppErrorShape } from '../shared/errors';
import { issueText } from '../shared/i18n/issue-message';
import { msg, nest } from '../shared/i18n/message';
import { CliError, exitCodeFor } from './exit-codes';

export interface SessionOptions {
  dataDir: string;
  /** Where --verbose timings go; called with a function, worded only when shown. */
  detail?: (text: () => string) => void;
  /** The CLI's version, for the User-Agent Cloudflare sees. */
  version: string;
  clipboard?: ClipboardPort;
  onEvent?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** False for a command that never edits: details come without Edit's draft (offline-reader.ts). */
  editDrafts?: boolean;
}

export interface Session {
  readonly dataDir: string;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /**
   * `tokens.list`'s rows one at a time, none held, when the offline reader answers (else the
   * core's list, row by row). `restart()` comes before the rows start over after a damaged read
   * reopened the folder (offline-reader.ts).
   */
  eachToken(
    input: ChannelInput<'tokens.list'>,
    visit: (row: ChannelOutput<'tokens.list'>[number]) => void,
    restart: () => void,
  ): Promise<void>;
  /** The keychain the core uses; for reading a kept token secret only. */
  secrets(): Promise<SecretStore>;
  close(): void;
}

/** The keychain service: "Keyflare", or another name for a demo's separate entries. */
export function keychainService(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = env.KEYFLARE_KEYCHAIN_SERVICE?.trim();
  return name && name.length <= 100 && !/\p{Cc}/u.test(name) ? name : undefined;
}

/** The core's error as the command's: its own sentence (translated when it has a key), its fields. */
export function failure(error: AppErrorShape): CliError {
  const issues = error.details?.issues ?? [];
  // Each field's problem in the run's language (its message when the core sent one).
  const lines =
    issues.length > 1
      ? issues.map((issue) =>
          msg('cli.error.issueLine', { path: issue.path, ...nest('problem', issueText(issue)) }),
        )
      : [];
  const text = error.key
    ? { key: error.key, ...(error.params ? { params: error.params } : {}) }
    : error.message;
  return new CliError(exitCodeFor(error.code), text, lines, error);
}

export function openSession(options: SessionOptions): Promise<Session> {
  const detail = options.detail ?? (() => undefined);
  const ms = (): string => `${Math.round(performance.now())} ms`;
  let reader: OfflineReader | null = null;
  let core: Core | null = null;
  let secrets: Promise<SecretStore> | null = null;

  const keychain = (): Promise<SecretStore> =>
    (secrets ??= import('../main/core/secrets/keytar-store').then(({ createKeytarStore }) => {
      const service = keychainService();
      return createKeytarStore(service ? { service } : {});
    }));

  const openReader = async (): Promise<OfflineReader> => {
    if (reader) return reader;
    detail(() => `loading the offline reader at ${ms()}`);
    const { openOfflineReader } = await import('../main/core/inventory/offline-reader');
    reader = openOfflineReader({
      dataDir: options.dataDir,
      ...(options.editDrafts === undefined ? {} : { editDrafts: options.editDrafts }),
    });
    detail(() => `data folder open for reading at ${ms()}`);
    return reader;
  };

  const openCore = async (): Promise<Core> => {
    if (core) return core;
    detail(() => `loading the core at ${ms()}`);
    const [{ createCore }, store] = await Promise.all([import('../main/core/index'), keychain()]);
    detail(() => `core loaded at ${ms()}`);
    // One connection from here on: the core answers the reads too.
    reader?.close();
    reader = null;
    core = createCore({
      dataDir: options.dataDir,
      appVersion: options.version,
      secrets: store,
      ...(options.clipboard ? { clipboard: options.clipboard } : {}),
      ...(options.onEvent ? { emit: options.onEvent } : {}),
    });
    detail(() => `data folder open at ${ms()}`);
    return core;
  };

  /** The reader's error as the command's: an AppError, told by its shape (importing the class would load it before any command). */
  const readFailure = (error: unknown): unknown => {
    const shape = error as { toShape?: () => AppErrorShape };
    return typeof shape.toShape === 'function' ? failure(shape.toShape()) : error;
  };

  const call: Session['call'] = async (channel, input) => {
    if (core === null) {
      const { isReadChannel } = await import('../main/core/inventory/offline-reader');
      if (isReadChannel(channel)) {
        const open = await openReader();
        try {
          const value = await open.read(channel, input as never);
          detail(() => `${channel} answered from the cache at ${ms()}`);
          return value;
        } catch (error) {
          throw readFailure(error);
        }
      }
    }
    const reply = await (await openCore()).dispatch(channel, input);
    detail(() => `${channel} answered at ${ms()}`);
    if (reply.ok) return reply.value as ChannelOutput<typeof channel>;
    throw failure(reply.error);
  };

  return Promise.resolve({
    dataDir: options.dataDir,
    secrets: keychain,
    call,
    async eachToken(input, visit, restart) {
      if (core !== null) {
        for (const row of await call('tokens.list', input)) visit(row);
        return;
      }
      const open = await openReader();
      try {
        open.eachToken(input, visit, restart);
      } catch (error) {
        throw readFailure(error);
      }
      detail(() => `tokens.list walked from the cache at ${ms()}`);
    },
    close: () => {
      reader?.close();
      core?.close();
      reader = null;
      core = null;
    },
  });
}
