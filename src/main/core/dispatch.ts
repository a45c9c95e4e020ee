/**
 * The dispatcher: validates a call against the contract, runs its handler, answers an envelope.
 *
 * `dispatch` never throws and never rejects: unknown channels, invalid input, AppErrors and
 * unexpected exceptions all come back as `{ ok: false, error }`. Unexpected exceptions are
 * reported as INTERNAL with a fixed message, so their text (which could hold anything) never
 * reaches the renderer; it goes to the log with the channel name only.
 */
import type { z } from 'zod';
import { isChannelName, type ChannelName } from '../../shared/channels';
import { contract, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract';
import { AppError, type AppErrorShape, type Result } from '../../shared/errors';
import type { Logger } from './ports';

/** One handler per channel, taking the parsed input. */
export type Handlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  logger: Logger;
  /** Check every reply against its output schema too (on in tests; catches drift early). */
  validateOutput: boolean;
}

/** Turns zod issues into field paths a person can read. */
export function validationError(error: z.ZodError, what: string): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = issues[0];
  const message = first ? `${what}: ${first.path} ${first.message}` : `${what} is not valid`;
  return new AppError('VALIDATION', message, { issues });
}

export function toErrorShape(error: unknown, logger: Logger, channel: string): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  logger.error('unexpected failure in a channel handler', {
    channel,
    errorName: error instanceof Error ? error.name : typeof error,
  });
  return { code: 'INTERNAL', message: 'Keyflare hit an unexpected problem. Details are in the log.' };
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatch {
  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: `Unknown channel "${String(channel).slice(0, 60)}"` },
      };
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: validationError(parsed.error, 'Invalid input').toShape() };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          options.logger.error('a channel reply does not match its output schema', {
            channel,
            issues: checked.error.issues
              .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
              .slice(0, 5),
          });
          return {
            ok: false,
            error: { code: 'INTERNAL', message: 'Keyflare produced a reply it could not check.' },
          };
        }
        return { ok: true, value: checked.data };
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toErrorShape(error, options.logger, channel) };
    }
  };
}
