/**
 * The dispatcher: validates a call against the contract, runs its handler, answers an envelope.
 *
 * `dispatch` never throws and never rejects: unknown channels, invalid input, AppErrors and
 * unexpected exceptions all come back as `{ ok: false, error }`. Unexpected exceptions are
 * reported as INTERNAL with a fixed message, so their text (which could hold anything) never
 * reaches the renderer; it goes to the log with the channel name only.
 *
 * Inputs come from outside (a renderer, a command line) and are parsed by zod in full: types,
 * formats, lengths, refinements, undeclared keys. Every reply is checked against its channel's
 * output schema, in tests and in the packaged app alike (one reply path: a leak a test would
 * catch cannot ship unchecked), but by `reply-check.ts`, not by a zod parse: a reply is the
 * core's own typed value, so the check walks it against the same schemas for its shape — every
 * object holding only declared keys, at any depth — without copying it or running format checks
 * (the 3,050-row token list checked in about 1 ms instead of 12). A field nobody declared — a
 * credential a handler picked up by mistake — fails the reply instead of being passed on: the
 * renderer gets INTERNAL, never the payload, and the log gets where the reply went wrong, never a
 * value from it.
 */
import type { z } from 'zod';
import { isChannelName, type ChannelName } from '../../shared/channels';
import { contract, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract';
import { AppError, type AppErrorShape, type Result } from '../../shared/errors';
import { msg } from '../../shared/i18n/message';
import { validationError } from '../../shared/validation-error';
import type { Logger } from './ports';
import { replyCheck } from './reply-check';

/** One handler per channel, taking the parsed input. */
export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  logger: Logger;
}

/** The error of a reply that failed its schema: a fixed sentence, so nothing of the reply leaks. */
export const UNCHECKED_REPLY = new AppError('INTERNAL', msg('errors.input.uncheckedReply')).toShape();

/** Input that failed its schema: VALIDATION naming each field (src/shared/validation-error.ts). */
export { validationError };

/** A key as the log may show it: a short identifier-like name, else a placeholder (never data). */
function loggableKey(key: PropertyKey): string {
  if (typeof key === 'number') return `[${key}]`;
  const text = String(key);
  // Secrets are 37 characters and more; names this short and plain are field names.
  return /^[A-Za-z_$][\w$]{0,31}$/u.test(text) ? text : '<key>';
}

/**
 * Where a reply failed its schema, for the log: the issue kind, the path and undeclared key
 * names — never a message or a value, since either could quote the reply (and so a secret).
 */
export function describeIssues(error: z.ZodError | undefined): string[] {
  if (!error) return ["(reply): its shape, by the dispatcher's check"];
  return error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.map(loggableKey).join('.');
    const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.map(loggableKey).join(',')}` : '';
    return `${where || '(reply)'}: ${issue.code}${keys}`;
  });
}

export function toErrorShape(error: unknown, logger: Logger, channel: string): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  logger.error('unexpected failure in a channel handler', {
    channel,
    errorName: error instanceof Error ? error.name : typeof error,
  });
  // A key the faces translate, with its English text for the log (docs/i18n.md).
  return new AppError('INTERNAL', msg('errors.unexpected')).toShape();
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: new AppError(
          'VALIDATION',
          msg('errors.input.unknownChannel', { channel: String(channel).slice(0, 60) }),
        ).toShape(),
      };
    }
    const spec = contract[channel];
    try {
      // Inside the try: a refinement that throws on some input must not reject the call.
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        return { ok: false, error: validationError(parsed.error).toShape() };
      }
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (!replyCheck(spec.output)(value)) {
        // Where it went wrong is zod's to say; the reply is refused whatever zod makes of it.
        options.logger.error('a channel reply does not match its output schema', {
          channel,
          issues: describeIssues(spec.output.safeParse(value).error),
        });
        return { ok: false, error: UNCHECKED_REPLY };
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, options.logger, channel) };
    }
  };
}
