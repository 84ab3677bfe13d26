// Job: the free-plan liveness pass (deadlines, reminders, expiry, release) every 10 minutes.
import { runLiveness } from "@/lib/liveness/run-liveness";
import type { WorkerJob } from "./types";

export const livenessJob: WorkerJob = {
  name: "liveness",
  everyMs: 10 * 60_000,
  async run(db, now) {
    const r = await runLiveness(db, { now });
    const parts = [
      r.remindersMailed && `${r.remindersMailed} reminders mailed`,
      r.expired.length && `expired ${r.expired.join(", ")}`,
      r.released.length && `released ${r.released.join(", ")}`,
    ].filter(Boolean);
    return parts.length ? parts.join("; ") : null;
  },
};
