// Job: send due webhook deliveries every 2 seconds (each run sends at most one batch).
import { deliverDueWebhooks } from "@/lib/notifications/deliver-webhooks";
import type { WorkerJob } from "./types";

export const webhooksJob: WorkerJob = {
  name: "webhooks",
  everyMs: 2_000,
  async run(db, now) {
    const r = await deliverDueWebhooks(db, { now });
    const total = r.delivered + r.retrying + r.failed;
    return total ? `webhooks: ${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} failed` : null;
  },
};
