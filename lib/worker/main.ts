// The worker process: `node --import tsx lib/worker/main.ts` (the supervisor starts it with
// DATABASE_URL and DNS_CONTROL_KEY set). Prints `worker ready` once running; SIGTERM/SIGINT stop
// it cleanly (the in-flight batch finishes first).
import { db } from "@/lib/db";
import { ProviderConfigError, providerFromEnv, sinkholeFromEnv } from "@/lib/dns/providers/index";
import { env } from "@/lib/env";
import { startJobs } from "./jobs";
import { startWorker } from "./run-worker";

async function main(): Promise<void> {
  const e = env();
  if (!e.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the service with `npm start`, which provides it");
  const client = db();
  const worker = await startWorker({
    db: client,
    provider: providerFromEnv(e),
    listenUrl: e.DATABASE_URL,
    sinkhole: sinkholeFromEnv(e),
    reconcileIntervalS: e.RECONCILE_INTERVAL_S,
  });
  const jobs = startJobs({ db: client });
  process.stdout.write(`worker ready (dns provider ${e.DNS_PROVIDER}, pid ${process.pid})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      console.error(`worker: still stopping 30 s after ${signal}; exiting`);
      process.exit(1);
    }, 30_000);
    Promise.all([worker.stop(), jobs.stop()])
      .then(() => client.$disconnect())
      .then(
        () => (clearTimeout(force), process.exit(0)),
        (err: unknown) => {
          console.error(`worker: error while stopping: ${err instanceof Error ? err.message : err}`);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

// sysexits EX_CONFIG: the supervisor should not restart a worker whose settings are wrong.
const EX_CONFIG = 78;

main().catch((err: unknown) => {
  console.error(`worker: cannot start: ${err instanceof Error ? err.message : err}`);
  process.exit(err instanceof ProviderConfigError ? EX_CONFIG : 1);
});
