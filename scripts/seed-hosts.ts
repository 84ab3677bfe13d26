// Fast seeding of N hosts with one A rrset each, by COPY FROM STDIN (the benchmarks' 1 000 000-host
// database). One owner gets `ownerHosts` hosts; the rest go to generated users, `hostsPerUser` each.
// Rows are either already published (no DNS push) or enqueued for the worker like any change.
//   node --import tsx scripts/seed-hosts.ts --url postgresql://… --hosts 1000000 --owner-hosts 1000 \
//        [--owner-email me@example.test] [--zone dyn.test] [--prefix h] [--enqueue]
import { randomBytes, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { arrayLiteral, copyRows } from "@/bench/support/pg-copy";

export type SeedOptions = {
  url: string;
  /** Zone to create hosts in (made when missing). */
  zone?: string;
  hosts: number;
  /** Labels are `${prefix}${i}` for i in [start, start + hosts). */
  prefix?: string;
  start?: number;
  ownerEmail: string;
  /** argon2id hash for the owner (to sign in); existing owners keep theirs. */
  ownerPasswordHash?: string;
  ownerHosts: number;
  hostsPerUser?: number;
  planId?: string;
  /** A address of host i; default 10.x.y.z from i. */
  ip?: (i: number) => string;
  /** Write outbox rows (version 1, unpublished) and NOTIFY, so the worker pushes them to DNS. */
  enqueue?: boolean;
  /** Drop Host/RRset secondary indexes and foreign keys, COPY, then rebuild them (default: ≥ 50 000 hosts). */
  bulk?: boolean;
  log?: (line: string) => void;
};

export type SeedResult = { ownerId: string; zoneId: string; hosts: number; users: number; ms: number };

export const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

/** Seeds the hosts; one transaction per table, ANALYZE at the end. */
export async function seedHosts(o: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const zone = o.zone ?? "dyn.test";
  const prefix = o.prefix ?? "h";
  const start = o.start ?? 0;
  const perUser = o.hostsPerUser ?? 10;
  const ip = o.ip ?? ipOf;
  const client = new pg.Client({ connectionString: o.url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("BEGIN");
    const rebuild = (o.bulk ?? o.hosts >= 50_000) ? await dropForBulk(client) : null;
    const zoneId = (
      await client.query<{ id: string }>(
        `INSERT INTO "Zone" ("name") VALUES ($1) ON CONFLICT ("name") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id"`,
        [zone],
      )
    ).rows[0]!.id;
    const ownerId = (
      await client.query<{ id: string }>(
        `INSERT INTO "User" ("email", "passwordHash", "planId", "emailVerifiedAt") VALUES ($1, $2, $3, now())
         ON CONFLICT ("email") DO UPDATE SET "email" = EXCLUDED."email" RETURNING "id"`,
        [o.ownerEmail, o.ownerPasswordHash ?? "!", o.planId ?? "plus"],
      )
    ).rows[0]!.id;
    const others = Math.max(0, o.hosts - o.ownerHosts);
    const userIds = Array.from({ length: Math.ceil(others / perUser) }, () => randomUUID());
    const run = randomBytes(4).toString("hex");
    const ownerOf = (k: number) => (k < o.ownerHosts ? ownerId : userIds[Math.floor((k - o.ownerHosts) / perUser)]!);
    const hostIds = Array.from({ length: o.hosts }, () => randomUUID());
    const fqdn = (k: number) => `${prefix}${start + k}.${zone}`;

    const users = await copyRows(client, `"User"`, ["id", "email", "passwordHash", "planId", "emailVerifiedAt"], (function* () {
      for (const [n, id] of userIds.entries()) yield [id, `seed-${run}-${n}@seed.test`, "!", o.planId ?? "plus", new Date().toISOString()];
    })());
    log(`seed: ${users} users`);
    await copyRows(client, `"Host"`, ["id", "zoneId", "label", "fqdn", "ownerId"], (function* () {
      for (let k = 0; k < o.hosts; k++) yield [hostIds[k]!, zoneId, `${prefix}${start + k}`, fqdn(k), ownerOf(k)];
    })());
    log(`seed: ${o.hosts} hosts`);
    const published = o.enqueue ? 0 : 1;
    await copyRows(client, `"RRset"`, ["zoneId", "hostId", "name", "type", "ttl", "records", "version", "publishedVersion"], (function* () {
      for (let k = 0; k < o.hosts; k++) yield [zoneId, hostIds[k]!, fqdn(k), "A", 60, arrayLiteral([ip(start + k)]), 1, published];
    })());
    log(`seed: ${o.hosts} rrsets`);
    if (o.enqueue) {
      await copyRows(client, `"DnsOutbox"`, ["zone", "name", "type", "version"], (function* () {
        for (let k = 0; k < o.hosts; k++) yield [zone, fqdn(k), "A", 1];
      })());
      await client.query(`SELECT pg_notify('dns_outbox', '')`);
    }
    if (rebuild) {
      await rebuild();
      log("seed: indexes and foreign keys rebuilt");
    }
    await client.query("COMMIT");
    await client.query(`ANALYZE "User", "Host", "RRset", "DnsOutbox"`);
    return { ownerId, zoneId, hosts: o.hosts, users: users, ms: Date.now() - started };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

// Secondary indexes and foreign keys of Host and RRset cost more per row than the rows themselves;
// building them once after the COPY is several times faster. Returns the step that rebuilds them.
async function dropForBulk(client: pg.Client): Promise<() => Promise<void>> {
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  const fks = (
    await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND conrelid IN ('"Host"'::regclass, '"RRset"'::regclass)`,
    )
  ).rows;
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename IN ('Host', 'RRset') AND i.indexname NOT LIKE '%\\_pkey'`,
    )
  ).rows;
  for (const f of fks) await client.query(`ALTER TABLE ${f.tbl} DROP CONSTRAINT "${f.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
  return async () => {
    for (const i of indexes) await client.query(i.def);
    for (const f of fks) await client.query(`ALTER TABLE ${f.tbl} ADD CONSTRAINT "${f.name}" ${f.def}`);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      hosts: { type: "string", default: "1000000" },
      "owner-hosts": { type: "string", default: "1000" },
      "owner-email": { type: "string", default: "owner@seed.test" },
      "hosts-per-user": { type: "string", default: "10" },
      zone: { type: "string", default: "dyn.test" },
      prefix: { type: "string", default: "h" },
      enqueue: { type: "boolean", default: false },
    },
  });
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error("pass --url postgresql://… or set DATABASE_URL");
  const r = await seedHosts({
    url,
    hosts: Number(values.hosts),
    ownerHosts: Number(values["owner-hosts"]),
    ownerEmail: values["owner-email"]!,
    hostsPerUser: Number(values["hosts-per-user"]),
    zone: values.zone,
    prefix: values.prefix,
    enqueue: values.enqueue,
    log: console.log,
  });
  console.log(`seeded ${r.hosts} hosts and ${r.users} users in ${(r.ms / 1000).toFixed(1)} s (owner ${r.ownerId})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
