/**
 * Telling whether the process that started a run is still that process. A pid alone is not
 * enough: after a crash the operating system may hand the same pid to an unrelated process.
 * On Linux the marker pairs the boot id with the process's start time (field 22 of
 * /proc/<pid>/stat, in clock ticks since boot), which no other process shares.
 * Elsewhere the marker is null and only the pid is checked.
 */
import { readFileSync } from 'node:fs';

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 (starttime). Field 2 (comm) is in parentheses and may itself hold spaces and ')'. */
function readStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // afterName[0] is field 3, so field 22 is index 19.
    return afterName[19] ?? null;
  } catch {
    return null;
  }
}

/** The marker of a live process, or null where the platform cannot say. */
export function processMarker(pid: number): string | null {
  const bootId = readBootId();
  const ticks = readStartTicks(pid);
  return bootId !== null && ticks !== null ? `${bootId}:${ticks}` : null;
}

export type ProcessState = 'alive' | 'gone';

/**
 * Is the process `pid`, started with `marker`, still running? Signal 0 checks existence only:
 * ESRCH means gone, EPERM means it exists but belongs to another user.
 */
export function processState(pid: number, marker: string | null): ProcessState {
  // kill(0) and kill(-n) address process groups, never one process.
  if (!Number.isInteger(pid) || pid <= 0) return 'gone';
  let otherUser = false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return 'gone';
    otherUser = true;
  }
  if (marker === null) return 'alive';
  const current = processMarker(pid);
  // /proc may hide other users' processes (hidepid); then the pid check is all we have.
  if (current === null) return otherUser ? 'alive' : 'gone';
  return current === marker ? 'alive' : 'gone';
}
