/**
 * The profile dialog's calls to main, each with its own busy state and error: a failure is
 * shown next to the part of the dialog that asked, and one call runs at a time.
 */
import { useState } from 'react';
import type { AppErrorShape, Result } from '../../../shared/errors';

/** The parts of the dialog that call main. */
export type ProfileTask = 'rename' | 'replace' | 'remove' | 'verify';

export interface ProfileTasks {
  busy: ProfileTask | null;
  run: <T>(where: ProfileTask, action: () => Promise<Result<T>>) => Promise<T | null>;
  errorFor: (where: ProfileTask) => AppErrorShape | null;
}

export function useProfileTasks(): ProfileTasks {
  const [busy, setBusy] = useState<ProfileTask | null>(null);
  const [error, setError] = useState<{ where: ProfileTask; error: AppErrorShape } | null>(null);

  const run = async <T>(where: ProfileTask, action: () => Promise<Result<T>>): Promise<T | null> => {
    setBusy(where);
    setError(null);
    const result = await action();
    setBusy(null);
    if (result.ok) return result.value;
    setError({ where, error: result.error });
    return null;
  };

  const errorFor = (where: ProfileTask): AppErrorShape | null =>
    error?.where === where ? error.error : null;
  return { busy, run, errorFor };
}
