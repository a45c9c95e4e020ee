/**
 * What every command gets: output, the data folder, the version, and a lazily opened session.
 */
import { cliLanguage, type CliLanguage } from './locale';
import type { Output } from './output';
import { openSession, type Session, type SessionOptions } from './session';

declare const __KEYFLARE_VERSION__: string | undefined;

/** The version baked in by the build (package.json's), or a dev marker when run from source. */
export const VERSION = typeof __KEYFLARE_VERSION__ === 'string' ? __KEYFLARE_VERSION__ : '0.0.0-dev';

export interface CommandContext {
  out: Output;
  /** The user's language (`--lang`, LC_ALL, LC_MESSAGES, LANG): its locale, `t` and formats. */
  lang: CliLanguage;
  /** The arguments as given (without node and the script), for commands that read `--` themselves. */
  argv: readonly string[];
  dataDir: string;
  version: string;
  /** Opens the core on the data folder (once; later calls return the same session). */
  session(extra?: Omit<SessionOptions, 'dataDir' | 'version'>): Promise<Session>;
  /** Closes the session if one was opened. */
  close(): void;
}

export function createContext(
  out: Output,
  dataDir: string,
  argv: readonly string[] = [],
  lang: CliLanguage = cliLanguage('en'),
): CommandContext {
  let opened: Promise<Session> | null = null;
  let session: Session | null = null;
  return {
    out,
    lang,
    argv,
    dataDir,
    version: VERSION,
    session(extra = {}) {
      opened ??= openSession({
        dataDir,
        version: VERSION,
        detail: (text) => out.detail(text),
        ...extra,
      }).then((s) => (session = s));
      return opened;
    },
    close() {
      session?.close();
      session = null;
    },
  };
}
