/**
 * The command's stdout and stderr.
 *
 * `process.stdout` and `process.stderr` are streams, made on first use, and for a file the first
 * use loads the file-stream modules too (fs/streams, fs/promises and what they bring). On a POSIX
 * system Node writes files, pipes and terminals synchronously anyway (see "A note on process I/O"
 * in Node's process docs), so a sink writes to the descriptor itself with `fs.writeSync`: the
 * same bytes, in the same order, whatever the descriptor is (a pipe, a file, a terminal,
 * /dev/null). It takes the stream instead:
 * - on Windows, where console and pipe writes are not plain descriptor writes;
 * - from the first write that would block (EAGAIN: a non-blocking pipe shared with another
 *   process) on, for the rest of that write and every later one, so bytes never overtake.
 * Whether the descriptor is a terminal (colour, table width) is asked only when needed: a file, a
 * pipe or a socket is not one without loading anything; a character device is asked through the
 * stream (which loads the machinery, as a terminal's prompts and progress bars do anyway).
 *
 * A reader that stops early (`keyflare tokens --json | head`) is not an error: a broken pipe on
 * stdout ends the command with 0, as before; one on stderr drops the message.
 */
import fs from 'node:fs';

export interface Sink {
  write(text: string): void;
  /** Whether the descriptor is a terminal. */
  readonly isTTY: boolean;
}

type Stream = Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;

let streamsInUse = false;

/** Whether the descriptor may be a terminal: a character device (or one fstat cannot tell). */
function mayBeTerminal(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isCharacterDevice();
  } catch {
    return true;
  }
}

/** How a sink reaches its descriptor; Node's own, or a test's. */
export interface SinkIo {
  writeSync(fd: number, bytes: Uint8Array, offset: number, length: number): number;
  mayBeTerminal(fd: number): boolean;
  platform: NodeJS.Platform;
}

const nodeIo: SinkIo = {
  writeSync: (fd, bytes, offset, length) => fs.writeSync(fd, bytes, offset, length),
  mayBeTerminal,
  platform: process.platform,
};

/** A sink for descriptor `fd`, whose stream (`process.stdout`/`stderr`) is taken only when needed. */
export function createSink(
  fd: number,
  stream: () => Stream,
  onBrokenPipe: () => void,
  io: SinkIo = nodeIo,
): Sink {
  let direct = io.platform !== 'win32';
  let tty: boolean | null = null;
  const viaStream = (chunk: string | Uint8Array): void => {
    streamsInUse = true;
    stream().write(chunk);
  };
  return {
    write(text) {
      if (!direct) return viaStream(text);
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += io.writeSync(fd, bytes, offset, bytes.length - offset);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return onBrokenPipe();
          if (code !== 'EAGAIN') throw error;
          direct = false;
          return viaStream(bytes.subarray(offset));
        }
      }
    },
    get isTTY() {
      return (tty ??= io.mayBeTerminal(fd) && stream().isTTY === true);
    },
  };
}

let out: Sink | null = null;
let err: Sink | null = null;

/** Results: stdout. */
export function stdout(): Sink {
  return (out ??= createSink(
    1,
    () => {
      const stream = process.stdout;
      if (stream.listenerCount('error') === 0) {
        stream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'EPIPE') process.exit(0);
          throw error;
        });
      }
      return stream;
    },
    () => process.exit(0),
  ));
}

/** Progress, notes and errors: stderr. */
export function stderr(): Sink {
  return (err ??= createSink(
    2,
    () => process.stderr,
    () => undefined,
  ));
}

/**
 * Resolves once everything written has left the process: at once when only descriptors were
 * written, else when stdout's stream has drained (piped JSON is never cut short by the exit).
 */
export function drained(): Promise<void> {
  if (!streamsInUse) return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.writableLength === 0) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
