// The account jobs every worker runs beside the DNS dispatcher, and their scheduler: each job on
// its own timer, never overlapping itself, errors logged and retried on the next tick.
import type { Db } from "@/lib/db";
import { livenessJob } from "./liveness";
import { mailJob } from "./mail";
import { notificationsJob } from "./notifications";
import { pruneJob } from "./prune";
import type { WorkerJob } from "./types";
import { webhooksJob } from "./webhooks";

export const ACCOUNT_JOBS: WorkerJob[] = [notificationsJob, webhooksJob, mailJob, livenessJob, pruneJob];

/** startJobs — runs each job once soon after start, then every `everyMs`; stop() waits for running ones. */
export function startJobs(args: { db: Db; jobs?: WorkerJob[]; log?: (line: string) => void; firstRunMs?: number }): { stop(): Promise<void> } {
  const log = args.log ?? ((l: string) => console.log(l));
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (const job of args.jobs ?? ACCOUNT_JOBS) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const p = job
        .run(args.db, new Date())
        .then((msg) => void (msg && log(`worker: ${job.name}: ${msg}`)))
        .catch((e: unknown) => log(`worker: ${job.name} failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setTimeout(tick, args.firstRunMs ?? 1000), setInterval(tick, job.everyMs));
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.all(running);
    },
  };
}
