// 6. Memory: peak RSS of the web process, the worker and the embedded DNS server (with its UDP
// workers) sampled every 250 ms during benchmarks 1–4 of this run.
import type { Role } from "./support/rss";
import { notMeasured, result, type Benchmark, type Goal, type Result } from "./types";

const WEB: Goal = { op: "<=", value: 400 };
const ROLES: { role: Role; goal: Goal | null }[] = [
  { role: "web", goal: WEB },
  { role: "worker", goal: null },
  { role: "dns", goal: null },
];

export const memory: Benchmark = {
  name: "memory",
  title: "peak RSS of web, worker and embedded DNS during benchmarks 1–4",
  async run(ctx) {
    const rows: Result[] = ROLES.map(({ role, goal }) => {
      const peak = ctx.peaks.peaks.get(role);
      if (!peak) return notMeasured(`memory.${role}.peak`, "MiB", goal, "not sampled (no benchmark of 1–4 ran this process)");
      return result(`memory.${role}.peak`, peak.mb, "MiB", goal, { note: `during ${peak.during}` });
    });
    for (const role of ["postgres", "powerdns"] as const) {
      const peak = ctx.peaks.peaks.get(role);
      if (peak) rows.push(result(`memory.${role}.peak`, peak.mb, "MiB", null, { note: `during ${peak.during} (reference; shared memory counted per process)` }));
    }
    return rows;
  },
};
