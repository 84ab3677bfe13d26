// Resident memory of the service's processes, read from /proc. A process tree is split into roles
// by command line (web, worker, dns, postgres, powerdns); a role's RSS is the sum over its process
// and all its descendants (the embedded DNS server's UDP workers count as "dns").
import { readdirSync, readFileSync } from "node:fs";

export type Role = "web" | "worker" | "dns" | "postgres" | "powerdns";

const ROLE_PATTERNS: [Role, RegExp][] = [
  ["web", /lib\/server\/web\.ts/],
  ["worker", /lib\/worker\/main\.ts/],
  ["dns", /lib\/dns\/embedded\/main\.ts/],
  ["postgres", /(^|\/)postgres(\0|$)/],
  ["powerdns", /pdns_server/],
];

type Proc = { pid: number; ppid: number; cmd: string; rssKB: number };

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rssKB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return { pid, ppid, cmd, rssKB };
  } catch {
    return null; // exited meanwhile
  }
}

/** RSS in MiB per role among the descendants of `roots` (and the roots themselves). */
export function rssByRole(roots: number[]): Partial<Record<Role, number>> {
  const procs = new Map<number, Proc>();
  for (const e of readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    const p = readProc(Number(e));
    if (p) procs.set(p.pid, p);
  }
  const children = new Map<number, number[]>();
  for (const p of procs.values()) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const out: Partial<Record<Role, number>> = {};
  const walk = (pid: number, role: Role | null) => {
    const p = procs.get(pid);
    if (!p) return;
    const own = ROLE_PATTERNS.find(([, re]) => re.test(p.cmd))?.[0] ?? null;
    const r = role ?? own;
    if (r) out[r] = (out[r] ?? 0) + p.rssKB / 1024;
    for (const c of children.get(pid) ?? []) walk(c, r);
  };
  for (const root of roots) walk(root, null);
  return out;
}

/** Peak RSS (MiB) per role over a whole `npm run bench` run, and which benchmark reached it. */
export class PeakRegistry {
  readonly peaks = new Map<Role, { mb: number; during: string }>();

  note(role: Role, mb: number, during: string): void {
    const cur = this.peaks.get(role);
    if (!cur || mb > cur.mb) this.peaks.set(role, { mb, during });
  }
}

/** Samples rssByRole every `everyMs` until stopped; keeps its own peaks and feeds `registry` if given. */
export class RssSampler {
  readonly peaks: Partial<Record<Role, number>> = {};
  private timer: NodeJS.Timeout;

  constructor(
    private readonly roots: () => number[],
    private readonly registry: PeakRegistry | null,
    private readonly during: string,
    everyMs = 250,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): void {
    const now = rssByRole(this.roots());
    for (const [role, mb] of Object.entries(now) as [Role, number][]) {
      this.peaks[role] = Math.max(this.peaks[role] ?? 0, mb);
      this.registry?.note(role, mb, this.during);
    }
  }

  stop(): Partial<Record<Role, number>> {
    clearInterval(this.timer);
    this.sample();
    return this.peaks;
  }
}
