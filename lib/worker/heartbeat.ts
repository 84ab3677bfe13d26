// The worker's liveness row (WorkerHeartbeat): upserted every few seconds with the dispatcher's
// metrics and the queue's state; /healthz counts rows whose beatAt is recent as live workers.
import { hostname } from "node:os";
import type { Db } from "@/lib/db";
import { getDnsMetrics, getQueueStats } from "@/lib/dns/metrics";

export const HEARTBEAT_MS = 5_000;

export type Heartbeat = { id: string; stop(): Promise<void> };

/** startHeartbeat — beats now and every `everyMs`; stop() deletes the row. `extra` adds to stats. */
export async function startHeartbeat(client: Db, extra: () => Record<string, unknown>, everyMs = HEARTBEAT_MS): Promise<Heartbeat> {
  const id = `${hostname()}:${process.pid}`;
  const startedAt = new Date();
  const beat = async () => {
    const stats = JSON.parse(JSON.stringify({ queue: await getQueueStats(client), dns: getDnsMetrics(), ...extra() }));
    const now = new Date();
    await client.workerHeartbeat.upsert({
      where: { id },
      create: { id, pid: process.pid, startedAt, beatAt: now, stats },
      update: { beatAt: now, stats },
    });
  };
  await beat();
  let inFlight: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    inFlight = beat().catch((e: unknown) => console.error(`worker: heartbeat failed: ${e instanceof Error ? e.message : e}`));
  }, everyMs);
  return {
    id,
    async stop() {
      clearInterval(timer);
      await inFlight;
      await client.workerHeartbeat.deleteMany({ where: { id } }).catch(() => {});
    },
  };
}
