/**
 * Adding the simulator's sample logins as profiles, through the core's own channels.
 *
 * The same path a person takes (profiles.add checks each credential against the API, then a
 * sync), so the sandbox and `npm run demo` start from data the real core built.
 */
import type { Profile } from '../../../shared/domain';
import { AppError, type Result } from '../../../shared/errors';
import { SAMPLE_PROFILES } from '../../../sandbox/sample-profiles';
import type { SimulatorCore } from '../../../sandbox/types';
import type { Dispatch } from '../dispatch';

function expectOk<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new AppError(result.error.code, `${what}: ${result.error.message}`);
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
      `adding the sample profile ${sample.label}`,
    );
    ids.push(profile.id);
  }
  expectOk(await dispatch('sync.start', {}), 'syncing the sample profiles');
  return ids;
}
