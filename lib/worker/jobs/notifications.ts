// Job: every 2 seconds, the notifications the update path queued (ip_changed, update_failed).
import { notifyQueued } from "@/lib/notifications/notify-queued";
import type { WorkerJob } from "./types";

export const notificationsJob: WorkerJob = {
  name: "notifications",
  everyMs: 2_000,
  async run(db, now) {
    const r = await notifyQueued(db, { now });
    return r.claimed ? `notifications: ${r.claimed} handled, ${r.mailed} mailed, ${r.webhooks} webhook events queued` : null;
  },
};
