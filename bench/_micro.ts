import pg from "pg";
import { createDb } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seedHosts } from "@/scripts/seed-hosts";
import { Cleanup } from "./support/cleanup";
import { throwawayDatabase } from "./support/service";
import { bulkSetA, loadBulkHosts } from "./support/bulk-change";
const scope = new Cleanup();
try {
  const url = await throwawayDatabase("postgresql://postgres@127.0.0.1:5432/postgres", scope);
  await migrate(url);
  const n = 2000;
  await seedHosts({ url, hosts: n, ownerHosts: n, ownerEmail: "m@x.test", prefix: "bulk" });
  const db = createDb(url, 4);
  scope.add("db", () => db.$disconnect());
  const bs = { db } as never;
  const hosts = await loadBulkHosts(bs, "bulk");
  for (const round of [1, 2, 3]) {
    const t = performance.now();
    const changed = await bulkSetA(bs, hosts, (i) => `172.16.${round}.${i & 255}`);
    console.log(`prisma writeRRsets x${n} in one tx: ${(performance.now() - t).toFixed(0)} ms (${changed} changed) => ${((performance.now() - t) / n).toFixed(2)} ms/host`);
  }
  // the same statement through plain pg, prepared once
  const { writeRRsetsSql } = { writeRRsetsSql: null };
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t1 = performance.now();
  await c.query("BEGIN");
  for (const [i, h] of hosts.entries()) {
    await c.query(`UPDATE "RRset" SET records = $1, version = version + 1 WHERE name = $2 AND type = 'A'`, [[`172.17.0.${i & 255}`], h.fqdn]);
  }
  await c.query("COMMIT");
  console.log(`plain pg simple UPDATE x${n}: ${(performance.now() - t1).toFixed(0)} ms`);
  const src = (await import("node:fs")).readFileSync("lib/hosts/write-rrsets.ts", "utf8");
  const sql = /const WRITE_SQL = `([\s\S]*?)`;/.exec(src)![1]!.replace("${OUTBOX_CHANNEL}", "dns_outbox");
  for (const named of [false, true]) {
    const t2 = performance.now();
    await c.query("BEGIN");
    for (const [i, h] of hosts.entries()) {
      const input = JSON.stringify([{ name: h.fqdn, type: "A", ttl: 60, records: [`172.18.${named ? 1 : 0}.${i & 255}`] }]);
      await c.query(named ? { name: "w", text: sql, values: [input, h.zoneId, h.id, h.zoneName] } : { text: sql, values: [input, h.zoneId, h.id, h.zoneName] });
    }
    await c.query("COMMIT");
    console.log(`plain pg WRITE_SQL x${n} (${named ? "prepared" : "unnamed"}): ${(performance.now() - t2).toFixed(0)} ms`);
  }
  await c.end();
} finally {
  await scope.dispose();
}
