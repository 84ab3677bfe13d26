// runLiveness — one idempotent pass of the liveness policy, in order: move deadlines to the latest
// activity, send due reminders, expire overdue hosts, release hosts past redemption. `now` is a
// parameter so tests (and a catching-up worker) can run it at any point in time.
import type { Db } from "@/lib/db";
import { expireLivenessHosts } from "./expire-hosts";
import { refreshLivenessDeadlines } from "./refresh-deadlines";
import { releaseExpiredHosts } from "./release-hosts";
import { sendLivenessReminders } from "./send-reminders";

export type LivenessRun = { deadlinesMoved: number; remindersMailed: number; expired: string[]; released: string[] };

export async function runLiveness(client: Db, args: { now?: Date } = {}): Promise<LivenessRun> {
  const now = args.now ?? new Date();
  const deadlinesMoved = await refreshLivenessDeadlines(client, { now });
  const remindersMailed = await sendLivenessReminders(client, { now });
  const expired = await expireLivenessHosts(client, { now });
  const released = await releaseExpiredHosts(client, { now });
  return { deadlinesMoved, remindersMailed, expired, released };
}
