// A visit to the host list counts as liveness (lib/liveness/record-liveness.ts). It is recorded
// after the answer is sent (next/server after()), and at most once per user per TOUCH_EVERY_MS in
// this process once it touched a host: one UPDATE over an account's hosts is cheap, but not on
// every page view.
import { after } from "next/server";
import { db } from "@/lib/db";
import { recordLiveness } from "@/lib/liveness/record-liveness";

const TOUCH_EVERY_MS = 10 * 60_000;
const lastTouch = new Map<string, number>();

/** Schedules the liveness signal for `userId` after this response. */
export function noteDashboardVisit(userId: string): void {
  const now = Date.now();
  if ((lastTouch.get(userId) ?? 0) > now - TOUCH_EVERY_MS) return;
  after(async () => {
    try {
      // Only a visit that reached a host holds off the next one.
      if ((await recordLiveness(db(), { userId })) === 0) return;
      if (lastTouch.size >= 10_000) lastTouch.clear();
      lastTouch.set(userId, now);
    } catch (err) {
      console.error("[liveness] dashboard visit not recorded:", err);
    }
  });
}
