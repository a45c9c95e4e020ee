/**
 * The sandbox switch a core answers the sandbox channels with.
 *
 * The switch belongs to whoever hosts the cores (sandbox-host.ts: the Electron shell and the e2e
 * bridge), because entering the sandbox swaps which core answers the window. A core without a
 * host — the command line, most tests — says the sandbox is off and refuses to enter it.
 */
import type { SandboxStatus } from '../../../shared/sandbox/contract-channels';
import { AppError } from '../../../shared/errors';

export interface SandboxSwitch {
  status(): SandboxStatus;
  enter(): Promise<SandboxStatus>;
  leave(): Promise<SandboxStatus>;
}

const OFF: SandboxStatus = { active: false, address: null };

/** The switch of a core that no host swaps: always off. */
export const noSandbox: SandboxSwitch = {
  status: () => OFF,
  enter: () => Promise.reject(new AppError('CONFLICT', { key: 'sandbox.errors.windowOnly' })),
  leave: () => Promise.resolve(OFF),
};
