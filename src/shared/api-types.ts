/**
 * The type of window.api: one async function per contract channel, grouped by namespace, plus
 * `on(event, listener)` for main -> renderer events. Derived from the contract, so a channel
 * added there appears here (and must be handled in main) without further edits.
 */
import type { ChannelName, EventName } from './channels';
import type { ChannelInput, ChannelOutput, EventPayload } from './contract';
import type { Result } from './errors';

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;
type Method<C extends string, N extends string> = C extends `${N}.${infer M}` ? M : never;

export type ChannelFunction<C extends ChannelName> = (
  input: ChannelInput<C>,
) => Promise<Result<ChannelOutput<C>>>;

export type KeyflareApi = {
  readonly [N in Namespace<ChannelName>]: {
    readonly [M in Method<ChannelName, N>]: ChannelFunction<Extract<`${N}.${M}`, ChannelName>>;
  };
} & {
  /** Subscribes to a main -> renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
