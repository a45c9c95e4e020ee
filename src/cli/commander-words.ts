/**
 * Commander's parse errors in the run's language. Commander writes them itself, in English, before
 * Keyflare's code runs (`error: unknown option '--x'`); this reads each of its message shapes back
 * into a catalogue key with the names it carries (options, commands and values stay as typed).
 * A shape it does not know is printed as commander wrote it. English runs print commander's text
 * untouched.
 */
import type { MessageKey, Translate } from '../shared/i18n';

type Reading = [shape: RegExp, key: MessageKey, names: readonly string[]];

const READINGS: readonly Reading[] = [
  [/^error: unknown option '([^']*)'$/u, 'cli.usage.unknownOption', ['option']],
  [/^error: unknown command '([^']*)'$/u, 'cli.usage.unknownCommand', ['command']],
  [/^error: missing required argument '([^']*)'$/u, 'cli.usage.missingArgument', ['argument']],
  [/^error: option '([^']*)' argument missing$/u, 'cli.usage.optionValueMissing', ['option']],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\.(?: Allowed choices are (.*)\.)?$/u,
    'cli.usage.invalidOptionValue',
    ['option', 'value', 'choices'],
  ],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\.(?: Allowed choices are (.*)\.)?$/u,
    'cli.usage.invalidArgument',
    ['value', 'argument', 'choices'],
  ],
  [
    /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/u,
    'cli.usage.tooManyArguments',
    ['command', 'expected', 'got', 'arguments'],
  ],
  [
    /^error: option '([^']*)' cannot be used with option '([^']*)'$/u,
    'cli.usage.conflict',
    ['option', 'other'],
  ],
  [/^\(Did you mean (?:one of )?(.*)\?\)$/u, 'cli.usage.didYouMean', ['names']],
];

function readLine(t: Translate, line: string): string {
  for (const [shape, key, names] of READINGS) {
    const match = shape.exec(line);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, index) => (params[name] = match[index + 1] ?? 'none'));
    return t(key, params);
  }
  return line;
}

/** Commander's error text (one or more lines) in the language of `t`. */
export function commanderText(t: Translate, text: string): string {
  return text
    .split('\n')
    .map((line) => readLine(t, line))
    .join('\n');
}
