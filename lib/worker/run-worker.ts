// The worker's parts, wired together: every Zone ensured on the provider, the outbox dispatcher,
// the periodic reconciler and the heartbeat. lib/worker/main.ts runs it as a process; tests run
// it in-process.
import type { Db } from "@/lib/db";
import { startDispatcher } from "@/lib/dns/dispatcher";
import type { Sinkhole } from "@/lib/dns/publish";
import { reconcile } from "@/lib/dns/reconcile";
import type { DnsProvider } from "@/lib/dns/types";
import { startHeartbeat } from "./heartbeat";
import { guardZones } from "./zone-guard";

export type WorkerOptions = {
  db: Db;
  provider: DnsProvider;
  /** DATABASE_URL, for the dispatcher's LISTEN connection. */
  listenUrl: string;
  sinkhole: Sinkhole;
  /** Seconds between reconciles of every zone; 0 turns the periodic reconcile off. */
  reconcileIntervalS: number;
  heartbeatMs?: number;
  log?: (line: string) => void;
};

export type Worker = {
  /** Stops cleanly: the in-flight batch and reconcile finish, the heartbeat row is removed. */
  stop(): Promise<void>;
  /** Runs one reconcile of every zone now (also what the timer runs). */
  reconcileNow(): Promise<void>;
};

/** startWorker — resolves once the dispatcher runs and the first heartbeat is written. */
export async function startWorker(opts: WorkerOptions): Promise<Worker> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const guard = guardZones(opts.provider);
  const abort = new AbortController();
  const zoneNames = async () => (await opts.db.zone.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((z) => z.name);
  const lastReconcile: Record<string, { at: string; changes: number; error?: string }> = {};

  const failures = await guard.ensure(await zoneNames());
  for (const f of failures) log(`worker: zone ${f.zone} is not ready on ${opts.provider.id} yet (${f.error}); its changes wait`);

  const dispatcher = startDispatcher({
    db: opts.db,
    providers: guard.provider,
    signal: abort.signal,
    sinkhole: opts.sinkhole,
    listenUrl: opts.listenUrl,
    log,
  });

  let reconciling: Promise<void> = Promise.resolve();
  const reconcileAll = async () => {
    for (const zone of await zoneNames()) {
      if (abort.signal.aborted) return;
      try {
        const r = await reconcile({ db: opts.db, provider: guard.provider, zone, sinkhole: opts.sinkhole });
        lastReconcile[zone] = { at: new Date().toISOString(), changes: r.changes.length };
        if (r.changes.length) log(`worker: reconcile ${zone}: repaired ${r.counts.create} missing, ${r.counts.update} changed, ${r.counts.delete} extra rrsets`);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        lastReconcile[zone] = { at: new Date().toISOString(), changes: 0, error };
        log(`worker: reconcile ${zone} failed: ${error}`);
      }
    }
  };
  const reconcileNow = () => (reconciling = reconciling.then(reconcileAll));
  const timer = opts.reconcileIntervalS > 0 ? setInterval(() => void reconcileNow(), opts.reconcileIntervalS * 1000) : undefined;
  if (opts.reconcileIntervalS > 0) void reconcileNow();

  const heartbeat = await startHeartbeat(opts.db, () => ({ zones: guard.ready(), reconcile: lastReconcile }), opts.heartbeatMs);
  return {
    reconcileNow,
    async stop() {
      clearInterval(timer);
      abort.abort();
      await dispatcher.done;
      await reconciling;
      await heartbeat.stop();
    },
  };
}
