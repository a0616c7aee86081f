// Runners that died: a runner's lease names its host and process id, so one whose process on
// this machine is gone (killed, crashed) hands its games back at once.
import { hostname } from 'node:os';
import type { Store } from '../store/store';

/**
 * Leases held by runners on this machine whose process is gone (killed, crashed): released at
 * once instead of after their time runs out. A runner on another machine (a shared folder, a
 * cluster) is only ever waited out. Returns how many games were released.
 */
export function releaseDeadRunners(store: Store, sweepId?: string): number {
  const here = hostname();
  const dead = new Set<string>();
  for (const owner of store.leaseOwners(sweepId)) {
    const parts = owner.split(':');
    const pid = parts[parts.length - 2];
    const host = parts.slice(0, -2).join(':');
    if (host === here && Number(pid) !== process.pid && !isAlive(Number(pid))) dead.add(owner);
  }
  return dead.size === 0 ? 0 : store.expireLeases([...dead]);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: alive, someone else's.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
