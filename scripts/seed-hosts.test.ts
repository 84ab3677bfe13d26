// seedHosts against the machine's PostgreSQL (a throwaway, migrated database): exact row counts,
// owners, records, published vs enqueued rows, and the seeded data readable through Prisma.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { seedHosts } from "./seed-hosts";

const admin = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `dh_seed_${randomBytes(5).toString("hex")}`;
const url = admin.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);

async function q<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  await migrate(url);
});

afterAll(async () => {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});

describe("seedHosts", () => {
  it("seeds published hosts: the owner's share, 10 per generated user, one A rrset each", async () => {
    const r = await seedHosts({ url, hosts: 2_505, ownerHosts: 1_000, ownerEmail: "owner@seed.test", ownerPasswordHash: "hash" });
    expect(r).toMatchObject({ hosts: 2_505, users: 151 });
    const [counts] = await q<{ hosts: string; rrsets: string; users: string; outbox: string }>(
      `SELECT (SELECT count(*) FROM "Host") AS hosts, (SELECT count(*) FROM "RRset") AS rrsets,
              (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "DnsOutbox") AS outbox`,
    );
    expect(counts).toEqual({ hosts: "2505", rrsets: "2505", users: "152", outbox: "0" });
    const [owner] = await q<{ n: string; email: string; hash: string; verified: boolean }>(
      `SELECT count(h.*) AS n, u.email, u."passwordHash" AS hash, u."emailVerifiedAt" IS NOT NULL AS verified
         FROM "User" u JOIN "Host" h ON h."ownerId" = u.id WHERE u.id = $1 GROUP BY u.id`,
      [r.ownerId],
    );
    expect(owner).toEqual({ n: "1000", email: "owner@seed.test", hash: "hash", verified: true });
    const perUser = await q<{ n: string }>(`SELECT count(*) AS n FROM "Host" WHERE "ownerId" <> $1 GROUP BY "ownerId" ORDER BY 1`, [r.ownerId]);
    expect(perUser.map((p) => Number(p.n))).toEqual([5, ...Array(150).fill(10)]);
    const rows = await q(`SELECT r.name, r.type::text, r.ttl, r.records, r.version::int, r."publishedVersion"::int AS published, h.label
                            FROM "RRset" r JOIN "Host" h ON h.id = r."hostId" WHERE h.fqdn IN ('h0.dyn.test', 'h2504.dyn.test') ORDER BY h.label`);
    expect(rows).toEqual([
      { name: "h0.dyn.test", type: "A", ttl: 60, records: ["10.0.0.0"], version: 1, published: 1, label: "h0" },
      { name: "h2504.dyn.test", type: "A", ttl: 60, records: ["10.0.9.200"], version: 1, published: 1, label: "h2504" },
    ]);
  });

  it("enqueues unpublished rows for the worker when asked, and reuses an existing owner", async () => {
    const r = await seedHosts({ url, hosts: 30, ownerHosts: 30, ownerEmail: "owner@seed.test", prefix: "q", enqueue: true, ip: () => "192.0.2.7" });
    expect(r.users).toBe(0);
    const outbox = await q<{ zone: string; name: string; type: string; version: string }>(
      `SELECT zone, name, type::text, version::text FROM "DnsOutbox" ORDER BY id LIMIT 2`,
    );
    expect(outbox).toEqual([
      { zone: "dyn.test", name: "q0.dyn.test", type: "A", version: "1" },
      { zone: "dyn.test", name: "q1.dyn.test", type: "A", version: "1" },
    ]);
    const [row] = await q<{ n: string; unpublished: string }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE "publishedVersion" = 0 AND records = '{192.0.2.7}') AS unpublished FROM "RRset" WHERE name LIKE 'q%'`,
    );
    expect(row).toEqual({ n: "30", unpublished: "30" });
    const [owner] = await q<{ n: string; hash: string }>(`SELECT count(h.*) AS n, u."passwordHash" AS hash FROM "User" u JOIN "Host" h ON h."ownerId" = u.id WHERE u.id = $1 GROUP BY u.id`, [r.ownerId]);
    expect(owner).toEqual({ n: "1030", hash: "hash" });
  });

  it("bulk mode rebuilds exactly the indexes and foreign keys it dropped, and they hold", async () => {
    const schema = () =>
      q<{ def: string }>(
        `SELECT indexdef AS def FROM pg_indexes WHERE tablename IN ('Host', 'RRset')
         UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid IN ('"Host"'::regclass, '"RRset"'::regclass)
         ORDER BY 1`,
      );
    const before = await schema();
    expect(before.length).toBe(14);
    await seedHosts({ url, hosts: 40, ownerHosts: 10, hostsPerUser: 15, ownerEmail: "bulk@seed.test", prefix: "k", bulk: true });
    expect(await schema()).toEqual(before);
    const [row] = await q<{ hosts: string; owners: string }>(`SELECT count(*) AS hosts, count(DISTINCT "ownerId") AS owners FROM "Host" WHERE label LIKE 'k%'`);
    expect(row).toEqual({ hosts: "40", owners: "3" });
    await expect(q(`INSERT INTO "Host" ("zoneId", label, fqdn, "ownerId") SELECT "zoneId", 'k99', 'k0.dyn.test', "ownerId" FROM "Host" LIMIT 1`)).rejects.toThrow(/Host_fqdn_key/);
  });

  it("rolls back everything when a row is refused (duplicate names)", async () => {
    await expect(seedHosts({ url, hosts: 5, ownerHosts: 5, ownerEmail: "other@seed.test", prefix: "q" })).rejects.toThrow(/duplicate key/);
    const [row] = await q<{ n: string }>(`SELECT count(*) AS n FROM "User" WHERE email = 'other@seed.test'`);
    expect(row).toEqual({ n: "0" });
  });
});
