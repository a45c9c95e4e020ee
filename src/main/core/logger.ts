/**
 * The core's logger: JSON lines to a file under the data folder and, optionally, to stderr.
 *
 * Call sites pass ids and counts, never secrets. As a second line of defence every string value
 * is scrubbed of anything shaped like a Cloudflare secret (cfut_/cfat_/cfk_ prefixes, 37+ char
 * token-like runs, Bearer headers) before it is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './ports';

const SECRET_SHAPES = [
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gu,
  /\bcf(?:ut|at|k)_[A-Za-z0-9_-]+/gu,
  /\b[A-Za-z0-9_-]{37,}\b/gu,
];

export function scrub(text: string): string {
  return SECRET_SHAPES.reduce((acc, shape) => acc.replace(shape, '[redacted]'), text);
}

function scrubFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  return JSON.parse(scrub(JSON.stringify(fields))) as Record<string, unknown>;
}

export interface FileLoggerOptions {
  dataDir: string;
  echo?: (line: string) => void;
  now?: () => Date;
}

export function createFileLogger(options: FileLoggerOptions): Logger {
  const dir = path.join(options.dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'keyflare.log');
  const now = options.now ?? (() => new Date());
  const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({
      at: now().toISOString(),
      level,
      message: scrub(message),
      ...scrubFields(fields),
    });
    fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
    options.echo?.(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
