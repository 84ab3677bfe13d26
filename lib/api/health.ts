// GET /healthz — database and worker status as JSON; 200 when both are healthy, else 503.
import { Hono } from "hono";
import { db } from "@/lib/db";

const WORKER_STALE_MS = 15_000;

type Check = { ok: boolean; detail?: string; latencyMs?: number; lastBeatAt?: string | null };

async function checkDatabase(): Promise<Check> {
  const t0 = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch (err) {
    return { ok: false, detail: (err as Error).message.split("\n")[0] };
  }
}

async function checkWorker(): Promise<Check> {
  try {
    const rows = await db().$queryRaw<{ beatAt: Date }[]>`
      SELECT "beatAt" FROM "WorkerHeartbeat" ORDER BY "beatAt" DESC LIMIT 1`;
    const last = rows[0]?.beatAt ?? null;
    const ok = last !== null && Date.now() - last.getTime() < WORKER_STALE_MS;
    return { ok, lastBeatAt: last?.toISOString() ?? null, ...(ok ? {} : { detail: "no heartbeat in the last 15 s" }) };
  } catch (err) {
    return { ok: false, detail: (err as Error).message.split("\n")[0] };
  }
}

export function healthRoutes(): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const [database, worker] = await Promise.all([checkDatabase(), checkWorker()]);
    const ok = database.ok && worker.ok;
    c.header("Cache-Control", "no-store");
    return c.json({ status: ok ? "ok" : "unavailable", database, worker }, ok ? 200 : 503);
  });
  return app;
}
