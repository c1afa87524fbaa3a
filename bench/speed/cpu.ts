/**
 * CPU time of a browser's processes, by process type (browser, renderer, utility…), from
 * /proc (Linux): says which side of an IndexedDB write — the page's renderer, or the
 * browser process holding the database — a measured time was spent on.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by the processes of the browser whose profile is `userDataDir`, by type. */
export function cpuByType(userDataDir: string): Map<string, number> {
  const procs = new Map<number, { ppid: number; cmd: string; cpu: number }>();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Processes forked by Chromium's zygote rewrite their command line as one string: read it whole.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      // utime + stime, in USER_HZ (100 on Linux).
      procs.set(Number(pid), { ppid: Number(f[1]), cmd, cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // The process ended meanwhile.
    }
  }
  // The browser process (no --type) of this profile, and everything it started.
  const ours = new Set([...procs].filter(([, p]) => !p.cmd.includes('--type=') && p.cmd.includes(userDataDir)).map(([pid]) => pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, p] of procs) if (!ours.has(pid) && ours.has(p.ppid)) (ours.add(pid), (grew = true));
  }
  const out = new Map<string, number>();
  for (const pid of ours) {
    const { cmd, cpu } = procs.get(pid)!;
    const type = /--type=(\S+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=\S*?(\w+)(?:\s|$)/.exec(cmd)?.[1];
    const key = sub ? `${type}:${sub}` : type;
    out.set(key, (out.get(key) ?? 0) + cpu);
  }
  return out;
}

/** CPU seconds by process type used between two `cpuByType` readings (types that used none left out). */
export function cpuSince(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [type, s] of after) {
    const d = Math.round((s - (before.get(type) ?? 0)) * 10) / 10;
    if (d > 0) out[type] = d;
  }
  return out;
}
