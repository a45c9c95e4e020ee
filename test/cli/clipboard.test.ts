/**
 * The command line's clipboard tool runs: a tool that exits without reading what it was given (a
 * reader that ignores stdin, a writer that fails early) must give its exit code's answer, not an
 * unhandled broken pipe that kills the command.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCliClipboard } from '../../src/cli/clipboard';
import { tempDir } from './support/cli-harness';

/** A shell script in a temp folder, made executable. */
function script(body: string): string {
  const file = path.join(tempDir('keyflare-clip-tool-'), 'tool');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

describe('the clipboard tool', () => {
  // More than a pipe buffer holds, so the write meets the closed pipe whatever the timing.
  const large = 'x'.repeat(4 * 1024 * 1024);

  it('answers by its exit code when it exits without reading the text it was given', async () => {
    const quitsFine = createCliClipboard({
      name: 'fake',
      write: [script('exit 0')],
      read: [script('exit 0')],
    });
    await expect(quitsFine.write(large, { concealed: true })).resolves.toBeUndefined();
    const quitsFailing = createCliClipboard({
      name: 'fake',
      write: [script('exit 3')],
      read: [script('exit 0')],
    });
    await expect(quitsFailing.write(large, { concealed: true })).rejects.toThrow('failed');
  });

  it('reads what the tool prints, even when the tool reads no input', async () => {
    const clipboard = createCliClipboard({
      name: 'fake',
      write: [script('exit 0')],
      read: [script('printf stored')],
    });
    await expect(clipboard.read()).resolves.toBe('stored');
  });
});
