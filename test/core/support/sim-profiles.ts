/**
 * Adding simulator credentials as profiles through the contract, as the UI would.
 */
import { expect } from 'vitest';
import type { Core } from '../../../src/main/core';
import type { CredentialInput, Profile } from '../../../src/shared/domain';
import type { DemoCredential, Simulator } from '../../../src/sandbox';

export function credentialInput(credential: DemoCredential): CredentialInput {
  if (credential.kind === 'global_key')
    return { kind: 'global_key', email: credential.email ?? '', key: credential.secret };
  return { kind: 'api_token', token: credential.secret };
}

export async function addProfile(
  core: Core,
  sim: Simulator,
  label: string,
  profileLabel = label,
): Promise<Profile> {
  const reply = await core.dispatch('profiles.add', {
    label: profileLabel,
    credential: credentialInput(sim.credential(label)),
    baseUrl: sim.baseUrl,
  });
  expect(reply).toMatchObject({ ok: true });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as Profile;
}

/** Dispatches and returns the value, failing the test with the error when the reply is not ok. */
export async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const reply = await core.dispatch(channel, input);
  if (!reply.ok) expect.fail(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}
