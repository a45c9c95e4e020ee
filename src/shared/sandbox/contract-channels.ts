/**
 * The IPC channels of the sandbox: trying Keyflare on sample data, without a Cloudflare login.
 *
 * Entering starts the built-in Cloudflare simulator in main (no port, nothing sent anywhere) with
 * a data folder and a keychain service of its own, adds the sample logins as profiles and syncs
 * them; from then on every other channel answers from the sandbox until it is left. Leaving
 * removes the sandbox's folder and keychain entries and answers from the real profiles again,
 * which the sandbox never touched. Spread into the contract's table (contract.ts).
 */
import { z } from 'zod';

export const SandboxStatus = z
  .object({
    /** True while the window shows the sandbox's sample data. */
    active: z.boolean(),
    /** The simulator's API address while active (https://sandbox.keyflare.invalid/client/v4), else null. */
    address: z.string().max(200).nullable(),
  })
  .strict();
export type SandboxStatus = z.infer<typeof SandboxStatus>;

const NoInput = z.object({}).strict();

export const SANDBOX_CHANNELS = {
  /** Whether the window shows the sandbox. */
  'sandbox.status': { input: NoInput, output: SandboxStatus },
  /** Starts the sandbox (sample profiles added and synced); answers once its data is ready. */
  'sandbox.enter': { input: NoInput, output: SandboxStatus },
  /** Removes the sandbox's folder and keychain entries; the real profiles answer again. */
  'sandbox.leave': { input: NoInput, output: SandboxStatus },
};
