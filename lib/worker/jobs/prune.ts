// Job: hourly retention — update events older than HISTORY_RETENTION_DAYS (in 5 000-row batches
// that never hold up the update path), finished webhook deliveries and old liveness reminders.
import { env } from "@/lib/env";
import { pruneUpdateHistory } from "@/lib/history/prune-update-history";
import type { WorkerJob } from "./types";

const DAY = 86_400_000;

export const pruneJob: WorkerJob = {
  name: "prune",
  everyMs: 60 * 60_000,
  async run(db, now) {
    const events = await pruneUpdateHistory(db, { now, pauseMs: 50 });
    const cutoff = new Date(now.getTime() - env().HISTORY_RETENTION_DAYS * DAY);
    const deliveries = await db.webhookDelivery.deleteMany({ where: { status: { not: "PENDING" }, createdAt: { lt: cutoff } } });
    const reminders = await db.livenessReminder.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 90 * DAY) } } });
    const total = events.deleted + deliveries.count + reminders.count;
    return total ? `pruned ${events.deleted} update events, ${deliveries.count} webhook deliveries, ${reminders.count} reminders` : null;
  },
};
