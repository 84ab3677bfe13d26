// Job: every 2 seconds, the notifications the update path queued (ip_changed, update_failed,
// blocked): batches of 100 until the queue is empty or the run has taken a second and a half, so a
// burst drains quickly without one run holding the worker.
import { notifyQueued, type NotifyQueuedResult } from "@/lib/notifications/notify-queued";
import type { WorkerJob } from "./types";

const BATCH = 100;
const BUDGET_MS = 1500;

export const notificationsJob: WorkerJob = {
  name: "notifications",
  everyMs: 2_000,
  async run(db, now) {
    const started = Date.now();
    const total: NotifyQueuedResult = { claimed: 0, mailed: 0, webhooks: 0 };
    for (;;) {
      const r = await notifyQueued(db, { now, limit: BATCH });
      total.claimed += r.claimed;
      total.mailed += r.mailed;
      total.webhooks += r.webhooks;
      if (r.claimed < BATCH || Date.now() - started > BUDGET_MS) break;
    }
    return total.claimed ? `notifications: ${total.claimed} handled, ${total.mailed} mailed, ${total.webhooks} webhook events queued` : null;
  },
};
