// Job: every 30 seconds, send again the mails whose delivery failed and whose retry is due.
import { retryMail } from "@/lib/mail/send-mail";
import type { WorkerJob } from "./types";

export const mailJob: WorkerJob = {
  name: "mail",
  everyMs: 30_000,
  async run(db, now) {
    const r = await retryMail(db, { now });
    return r.sent + r.failed ? `mail: ${r.sent} sent on retry, ${r.failed} failed again` : null;
  },
};
