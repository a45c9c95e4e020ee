/**
 * A session: the core opened on the data folder, called through the contract like the window.
 *
 * The command line is a second face over `createCore`: same data folder, same keychain entries
 * (service "Keyflare", or KEYFLARE_KEYCHAIN_SERVICE for the demo's "Keyflare Demo"), same handlers
 * and sentences. It calls nothing but `dispatch` — plus the keychain store itself, for the one
 * thing no channel gives out by design: a kept secret for `exec` and `curl --copy`. The core is
 * loaded on first use (a dynamic import), so `--help` and `completion` never open SQLite.
 */
import type { ChannelName } from '../shared/channels';
import type { ChannelInput, ChannelOutput, EventPayload } from '../shared/contract';
import type { EventName } from '../shared/channels';
import type { ClipboardPort } from '../main/core/ports';
import type { SecretStore } from '../main/core/secrets/secret-store';
import { CliError, exitCodeFor } from './exit-codes';

export interface SessionOptions {
  dataDir: string;
  /** Where --verbose timings go. */
  detail?: (text: string) => void;
  /** The CLI's version, for the User-Agent Cloudflare sees. */
  version: string;
  clipboard?: ClipboardPort;
  onEvent?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export interface Session {
  readonly dataDir: string;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The keychain the core uses; for reading a kept token secret only. */
  readonly secrets: SecretStore;
  close(): void;
}

/** The keychain service: "Keyflare", or another name for a demo's separate entries. */
export function keychainService(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = env.KEYFLARE_KEYCHAIN_SERVICE?.trim();
  return name && name.length <= 100 && !/\p{Cc}/u.test(name) ? name : undefined;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const detail = options.detail ?? (() => undefined);
  const ms = (): string => `${Math.round(performance.now())} ms`;
  detail(`loading the core at ${ms()}`);
  const [{ createCore }, { createKeytarStore }] = await Promise.all([
    import('../main/core/index'),
    import('../main/core/secrets/keytar-store'),
  ]);
  detail(`core loaded at ${ms()}`);
  const service = keychainService();
  const secrets = createKeytarStore(service ? { service } : {});
  const core = createCore({
    dataDir: options.dataDir,
    appVersion: options.version,
    secrets,
    ...(options.clipboard ? { clipboard: options.clipboard } : {}),
    ...(options.onEvent ? { emit: options.onEvent } : {}),
  });
  detail(`data folder open at ${ms()}`);
  return {
    dataDir: options.dataDir,
    secrets,
    async call(channel, input) {
      const reply = await core.dispatch(channel, input);
      detail(`${channel} answered at ${ms()}`);
      if (reply.ok) return reply.value as ChannelOutput<typeof channel>;
      const issues = reply.error.details?.issues ?? [];
      const lines = issues.length > 1 ? issues.map((issue) => `  ${issue.path}: ${issue.message}`) : [];
      throw new CliError(exitCodeFor(reply.error.code), reply.error.message, lines, reply.error.code);
    },
    close: () => core.close(),
  };
}
