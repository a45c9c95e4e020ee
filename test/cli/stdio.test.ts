/**
 * The command's stdout and stderr sinks (src/cli/stdio.ts) write to the descriptor themselves and
 * take Node's stream only when they must: the bytes that come out are always the bytes written,
 * in order, whatever the descriptor does (short writes, a write that would block, a reader gone).
 */
import { describe, expect, it } from 'vitest';
import { createSink, type SinkIo } from '../../src/cli/stdio';

interface Harness {
  io: SinkIo;
  /** What reached the descriptor directly. */
  direct: Buffer[];
  /** What went through the stream. */
  streamed: Buffer[];
  stream: () => { write: (chunk: string | Uint8Array) => boolean; isTTY: boolean };
  streamTaken: () => number;
  brokenPipes: () => number;
}

/** A descriptor that takes at most `chunk` bytes per write and then fails each write with `failAfter`. */
function harness(
  options: {
    chunk?: number;
    failAfter?: { bytes: number; code: string };
    platform?: NodeJS.Platform;
    characterDevice?: boolean;
    tty?: boolean;
  } = {},
): Harness & { onBrokenPipe: () => void } {
  const direct: Buffer[] = [];
  const streamed: Buffer[] = [];
  let taken = 0;
  let broken = 0;
  let written = 0;
  const io: SinkIo = {
    platform: options.platform ?? 'linux',
    mayBeTerminal: () => options.characterDevice ?? false,
    writeSync(_fd, bytes, offset, length) {
      const fail = options.failAfter;
      if (fail && written >= fail.bytes)
        throw Object.assign(new Error(`write ${fail.code}`), { code: fail.code });
      const room = fail ? Math.min(length, fail.bytes - written) : length;
      const n = Math.min(room, options.chunk ?? length);
      direct.push(Buffer.from(bytes.subarray(offset, offset + n)));
      written += n;
      return n;
    },
  };
  const stream = () => {
    taken += 1;
    return {
      isTTY: options.tty ?? false,
      write: (chunk: string | Uint8Array) => {
        streamed.push(Buffer.from(chunk));
        return true;
      },
    };
  };
  return {
    io,
    direct,
    streamed,
    stream,
    streamTaken: () => taken,
    brokenPipes: () => broken,
    onBrokenPipe: () => (broken += 1),
  };
}

const text = (parts: Buffer[]): string => Buffer.concat(parts).toString('utf8');

describe('a stdout/stderr sink', () => {
  it('writes every byte to the descriptor itself, across short writes, without taking the stream', () => {
    const h = harness({ chunk: 7 });
    const sink = createSink(1, h.stream, h.onBrokenPipe, h.io);
    sink.write('{"name":"Édit DNS — acme.com ✓"}');
    sink.write('\n');
    expect(text(h.direct)).toBe('{"name":"Édit DNS — acme.com ✓"}\n');
    expect(h.direct.length).toBeGreaterThan(3);
    expect(h.streamTaken()).toBe(0);
  });

  it('hands the rest to the stream from a write that would block on, keeping the order', () => {
    const h = harness({ failAfter: { bytes: 10, code: 'EAGAIN' } });
    const sink = createSink(1, h.stream, h.onBrokenPipe, h.io);
    sink.write('0123456789abcdef');
    sink.write('ghij');
    expect(text(h.direct)).toBe('0123456789');
    expect(text(h.streamed)).toBe('abcdefghij');
    expect(text([...h.direct, ...h.streamed])).toBe('0123456789abcdefghij');
  });

  it('stops at a broken pipe and says so once per write, writing nothing more of it', () => {
    const h = harness({ failAfter: { bytes: 4, code: 'EPIPE' } });
    const sink = createSink(1, h.stream, h.onBrokenPipe, h.io);
    sink.write('abcdefgh');
    expect(text(h.direct)).toBe('abcd');
    expect(h.brokenPipes()).toBe(1);
    expect(h.streamed).toEqual([]);
  });

  it('lets any other write error through', () => {
    const h = harness({ failAfter: { bytes: 0, code: 'EIO' } });
    const sink = createSink(2, h.stream, h.onBrokenPipe, h.io);
    expect(() => sink.write('x')).toThrow('write EIO');
  });

  it('uses the stream for everything on Windows', () => {
    const h = harness({ platform: 'win32' });
    const sink = createSink(1, h.stream, h.onBrokenPipe, h.io);
    sink.write('a');
    sink.write('b');
    expect(h.direct).toEqual([]);
    expect(text(h.streamed)).toBe('ab');
  });

  it('is no terminal when the descriptor is no character device, without loading the stream', () => {
    const h = harness({ characterDevice: false, tty: true });
    expect(createSink(2, h.stream, h.onBrokenPipe, h.io).isTTY).toBe(false);
    expect(h.streamTaken()).toBe(0);
  });

  it('asks the stream whether a character device is a terminal, once', () => {
    const terminal = harness({ characterDevice: true, tty: true });
    const sink = createSink(2, terminal.stream, terminal.onBrokenPipe, terminal.io);
    expect(sink.isTTY).toBe(true);
    expect(sink.isTTY).toBe(true);
    expect(terminal.streamTaken()).toBe(1);
    const devNull = harness({ characterDevice: true, tty: false });
    expect(createSink(2, devNull.stream, devNull.onBrokenPipe, devNull.io).isTTY).toBe(false);
  });
});
