/**
 * Who runs a sync: the process that started it, so a later start can tell a sync that is still
 * running in another process (the window while the command line starts, or the reverse) from one
 * a crash or a kill left behind.
 *
 * A run records its owner's pid, host name and the process's start time. The owner is gone when,
 * on this host, no process has that pid, or the process that has it now started at another time
 * (the pid was reused). The start time is read from /proc on Linux; elsewhere Node gives no
 * other process's start time without spawning `ps`, so the pid alone decides there (a reused pid
 * then keeps a dead run "running" until the day-old rule below closes it). A run of another host
 * (a data folder on a shared drive) cannot be checked: it is taken as gone once it is a day old,
 * longer than any sync waits (a rate-limit block lasts at most five minutes).
 */
import fs from 'node:fs';
import os from 'node:os';

export interface RunOwner {
  pid: number;
  host: string;
  /** When the process started (Linux: clock ticks since boot, as /proc says); null elsewhere. */
  started: string | null;
}

/** Runs of another host older than this are taken as interrupted. */
export const FOREIGN_RUN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The process's start time from /proc/<pid>/stat (field 22); null where there is no /proc. */
export function processStarted(pid: number | 'self'): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

let current: RunOwner | null = null;

/** This process as the owner of the runs it starts. */
export function currentRunOwner(): RunOwner {
  current ??= { pid: process.pid, host: os.hostname(), started: processStarted('self') };
  return current;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that started a run is still there. A run without an owner was started by
 * a Keyflare from before owners were recorded: gone, as every run left running was then.
 */
export function ownerAlive(
  owner: { pid: number | null; host: string | null; started: string | null },
  runStartedAt: string,
  now: Date,
  self: RunOwner = currentRunOwner(),
): boolean {
  if (owner.pid === null || owner.host === null) return false;
  if (owner.host !== self.host) return now.getTime() - Date.parse(runStartedAt) < FOREIGN_RUN_MAX_AGE_MS;
  if (owner.pid === self.pid) return owner.started === self.started;
  if (!pidAlive(owner.pid)) return false;
  if (owner.started === null) return true;
  const startedNow = processStarted(owner.pid);
  return startedNow === null || startedNow === owner.started;
}
