// `npm start`: the whole service in one command. Starts the embedded PostgreSQL when DATABASE_URL
// is unset, migrates, adds the default zone, builds the web app when needed, then supervises the
// embedded DNS server (DNS_PROVIDER=embedded), the worker and the web server. Ctrl-C/SIGTERM stops
// them in reverse order and PostgreSQL last.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createDb } from "@/lib/db";
import { startEmbeddedPostgres, type EmbeddedPg } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { dataDir, env, publicUrl } from "@/lib/env";
import { ensureDefaultZones } from "@/lib/server/bootstrap";
import { ensureBuild } from "@/lib/server/build";
import { Supervised, type ChildSpec } from "@/lib/server/children";
import { acquireInstanceLock } from "@/lib/server/instance-lock";
import { persistentSecret } from "@/lib/server/secrets";
import { EXIT_CONFIG, EXIT_PORT_IN_USE } from "@/lib/server/exit-codes";

const log = (m: string) => console.log(`[supervisor] ${m}`);

async function main() {
  const e = env();
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const lock = acquireInstanceLock(dir);
  if ("heldBy" in lock) {
    console.error(
      `dynhost is already running (pid ${lock.heldBy}) with its data in ${dir}: stop it first, or give this copy its own DATA_DIR and PORT.`,
    );
    process.exit(1);
  }

  let pg: EmbeddedPg | undefined;
  const children: Supervised[] = [];
  let stopping = false;
  const shutdown = async (code: number, why?: string) => {
    if (stopping) return;
    stopping = true;
    if (why) console.error(`[supervisor] ${why}`);
    log("stopping…");
    for (const c of [...children].reverse()) await c.stop();
    await pg?.stop();
    lock.release();
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    let url = e.DATABASE_URL;
    if (!url) {
      log(`starting embedded PostgreSQL (data in ${dir}/pg, port ${e.EMBEDDED_PG_PORT})`);
      pg = await startEmbeddedPostgres({ dataDir: dir, port: e.EMBEDDED_PG_PORT, log });
      url = pg.url;
    }
    await migrate(url, { log });
    const client = createDb(url, 2);
    const added = await ensureDefaultZones(client, e.DEFAULT_ZONES);
    await client.$disconnect();
    if (added.length) log(`added default zone(s): ${added.join(", ")}`);
    if (e.NODE_ENV === "production" && e.WEB_PAGES === "on") ensureBuild(log);

    const authSecret = e.AUTH_SECRET ?? persistentSecret(dir, "auth-secret");
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: e.NODE_ENV,
      DATABASE_URL: url,
      AUTH_SECRET: authSecret,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: publicUrl(),
      DNS_CONTROL_KEY: persistentSecret(dir, "dns-control-key"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const specs: ChildSpec[] = [];
    if (e.DNS_PROVIDER === "embedded") {
      const dnsConfig = {
        host: e.DNS_HOST,
        port: e.DNS_PORT,
        dataDir: path.join(dir, "dns"),
        zones: [],
        nameservers: e.DNS_NAMESERVERS,
        controlHost: "127.0.0.1",
        controlPort: e.DNS_CONTROL_PORT,
        controlKey: childEnv.DNS_CONTROL_KEY,
        workers: e.DNS_WORKERS > 1 ? e.DNS_WORKERS : 0,
      };
      const dnsEnv = { ...childEnv, EMBEDDED_DNS_CONFIG: JSON.stringify(dnsConfig) };
      specs.push({ name: "dns", entry: "lib/dns/embedded/main.ts", env: dnsEnv, ready: /^dns ready/, fatalCodes: [EXIT_PORT_IN_USE] });
    }
    specs.push({ name: "worker", entry: "lib/worker/main.ts", env: childEnv, ready: /^worker ready/, fatalCodes: [EXIT_CONFIG] });
    // A bounded old generation: V8 otherwise lets a busy web process grow its heap far past what
    // it keeps alive (546 MiB peak under 5 000 updates/s against 319 MiB with this limit).
    const webHeap = e.WEB_HEAP_MB > 0 ? [`--max-old-space-size=${e.WEB_HEAP_MB}`] : [];
    specs.push({ name: "web", entry: "lib/server/web.ts", env: childEnv, ready: /^web ready/, fatalCodes: [EXIT_PORT_IN_USE], nodeArgs: webHeap });
    for (const spec of specs) {
      const child = new Supervised(spec, (m) => void shutdown(1, m));
      children.push(child);
      await child.start();
    }
    log(`dynhost is up: ${publicUrl()}`);
  } catch (err) {
    await shutdown(1, (err as Error).message);
  }
}

void main();
