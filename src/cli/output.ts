/**
 * Output: results on stdout, everything else (progress, notes, errors) on stderr.
 *
 * Color only on a terminal and never when NO_COLOR is set (no-color.org) or --no-color is given.
 * `--quiet` drops notes, `--verbose` adds details (data folder, timings); results and errors are
 * always written. Nothing here ever receives a secret. The bytes go through `./stdio`'s sinks.
 */
import { stderr, stdout } from './stdio';

export interface OutputOptions {
  quiet: boolean;
  verbose: boolean;
  color: boolean;
}

export interface Output {
  readonly options: OutputOptions;
  /** A result line (stdout). */
  result(text: string): void;
  /** Raw result text, e.g. JSON (stdout, no newline added). */
  raw(text: string): void;
  /** A note for a person (stderr), dropped by --quiet. */
  note(text: string): void;
  /**
   * A detail shown only with --verbose (stderr). A function is called only then, so a sentence
   * is not translated (nor the translator built) on a run that does not show it.
   */
  detail(text: string | (() => string)): void;
  /** An error (stderr), always shown. */
  error(text: string): void;
  bold(text: string): string;
  dim(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  warn(text: string): string;
  /** Columns of the terminal stdout is, or null when it is not one. */
  columns(): number | null;
}

const SECRET_SHAPES = [/\bBearer\s+\S+/gu, /\bcf(?:ut|at|k)_[A-Za-z0-9_-]+/gu, /\b[A-Za-z0-9_-]{37,}\b/gu];

/** Text with anything shaped like a Cloudflare secret replaced, for diagnostics only. */
export function scrub(text: string): string {
  return SECRET_SHAPES.reduce((acc, shape) => acc.replace(shape, '[redacted]'), text);
}

/** Whether color is wanted for this stream, honouring NO_COLOR and FORCE_COLOR. */
export function colorWanted(
  flag: boolean | undefined,
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function createOutput(options: OutputOptions): Output {
  const paint =
    (open: number, close: number) =>
    (text: string): string =>
      options.color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    options,
    result: (text) => stdout().write(`${text}\n`),
    raw: (text) => stdout().write(text),
    note: (text) => {
      if (!options.quiet) stderr().write(`${text}\n`);
    },
    detail: (text) => {
      if (options.verbose) stderr().write(`${typeof text === 'function' ? text() : text}\n`);
    },
    error: (text) => stderr().write(`${text}\n`),
    bold: paint(1, 22),
    dim: paint(2, 22),
    good: paint(32, 39),
    bad: paint(31, 39),
    warn: paint(33, 39),
    // A terminal that reports no size (0 columns) gets the classic 80.
    columns: () => (stdout().isTTY ? process.stdout.columns || 80 : null),
  };
}
