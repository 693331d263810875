// CPU time of local processes from Linux /proc, for the benches: on a shared machine wall
// time mostly measures the scheduler, CPU time what the work itself costs.
import { readdirSync, readFileSync } from 'node:fs';

const USER_HZ = 100;

/** pid → the fields of /proc/<pid>/stat after the command name (field 3 onwards: [0] state, [1] ppid). */
function stats(): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      out.set(Number(d), stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/**
 * CPU ms used so far by a process and its children: the root's own time and that of its
 * exited children it waited for (cutime, cstime — e.g. PostgreSQL's parallel workers), plus
 * the live children's own time (a postmaster's backends, a cluster primary's server processes).
 */
export function processTreeCpuMs(root: number): number {
  let ticks = 0;
  for (const [pid, f] of stats()) {
    if (pid === root) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
    else if (Number(f[1]) === root) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / USER_HZ;
}

/** The parent of a process (the postmaster of a PostgreSQL backend), or null when it is not on this machine. */
export function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** This process's CPU ms so far, every thread (gzip runs on the thread pool). */
export function ownCpuMs(): number {
  const n = process.cpuUsage();
  return (n.user + n.system) / 1000;
}
