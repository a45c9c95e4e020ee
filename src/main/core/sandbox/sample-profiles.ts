/**
 * Adding the simulator's sample logins as profiles, through the core's own channels.
 *
 * The same path a person takes (profiles.add checks each credential against the API, then a
 * sync), so the sandbox and `npm run demo` start from data the real core built.
 */
import type { Profile } from '../../../shared/domain';
import { AppError, shapeMessage, type Result } from '../../../shared/errors';
import { msg, nest, type Message } from '../../../shared/i18n/message';
import { SAMPLE_PROFILES } from '../../../sandbox/sample-profiles';
import type { SimulatorCore } from '../../../sandbox/types';
import type { Dispatch } from '../dispatch';

/** The step that failed, and why (the failed call's own message, nested in the user's language). */
function expectOk<T>(result: Result<unknown>, step: Message): T {
  if (!result.ok) {
    const cause = shapeMessage(result.error, msg('errors.unexpected'));
    throw new AppError(
      result.error.code,
      msg('errors.sandbox.stepFailed', { ...nest('step', step), ...nest('cause', cause) }),
    );
  }
  return result.value as T;
}

/** Adds and syncs the sample profiles; returns their ids. */
export async function addSampleProfiles(
  dispatch: Dispatch,
  sim: Pick<SimulatorCore, 'baseUrl' | 'credential'>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const sample of SAMPLE_PROFILES) {
    const credential = sim.credential(sample.credential);
    const profile = expectOk<Profile>(
      await dispatch('profiles.add', {
        label: sample.label,
        baseUrl: sim.baseUrl,
        credential: {
          kind: 'api_token',
          token: credential.secret,
          ...(credential.accountId ? { accountId: credential.accountId } : {}),
        },
      }),
      msg('errors.sandbox.addingSample', { label: sample.label }),
    );
    ids.push(profile.id);
  }
  expectOk(await dispatch('sync.start', {}), msg('errors.sandbox.syncingSamples'));
  return ids;
}
