// The hand-written migrations must produce exactly what prisma/schema describes: every table,
// column (type, nullability), index (name, columns, uniqueness), foreign key and enum value.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { readPrismaSchema, type Column, type Index } from "./prisma-schema";

const expected = readPrismaSchema(path.resolve(import.meta.dirname, "..", "..", "prisma", "schema"));
let t: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  t = await createTestDatabase();
  client = new pg.Client({ connectionString: t.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await t.drop();
});

async function actualColumns(): Promise<Column[]> {
  const { rows } = await client.query(`
    SELECT c.table_name, c.column_name, c.is_nullable, c.data_type, c.udt_name,
           format_type(a.atttypid, NULL) AS formatted
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
     WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'`);
  return rows.map((r) => ({
    table: r.table_name,
    name: r.column_name,
    nullable: r.is_nullable === "YES",
    type:
      r.data_type === "USER-DEFINED" ? r.udt_name
      : r.data_type === "ARRAY" ? `${r.formatted.replace(/"/g, "").replace("[]", "")}[]`.replace(/^text\[\]$/, "text[]")
      : r.data_type,
  }));
}

async function actualIndexes(): Promise<Index[]> {
  const { rows } = await client.query(`
    SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique,
           array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class i ON i.oid = ix.indexrelid
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE t.relname <> '_prisma_migrations'
     GROUP BY t.relname, i.relname, ix.indisunique`);
  return rows.map((r) => ({ table: r.table, name: r.name, columns: r.columns, unique: r.unique }));
}

const byKey = <T extends { table: string; name: string }>(xs: T[]) =>
  [...xs].sort((a, b) => `${a.table}.${a.name}`.localeCompare(`${b.table}.${b.name}`));

describe("migrations match prisma/schema", () => {
  it("has every column with the right type and nullability, and no others", async () => {
    expect(byKey(await actualColumns())).toEqual(byKey(expected.columns));
  });

  it("has every index and unique constraint, and no others", async () => {
    expect(byKey(await actualIndexes())).toEqual(byKey(expected.indexes));
  });

  it("has every foreign key", async () => {
    const { rows } = await client.query(`SELECT conname FROM pg_constraint WHERE contype = 'f' ORDER BY conname`);
    expect(rows.map((r) => r.conname).sort()).toEqual([...expected.foreignKeys].sort());
  });

  it("has every enum with its values in order", async () => {
    const { rows } = await client.query(`
      SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    expect(new Map(rows.map((r) => [r.typname, r.labels]))).toEqual(expected.enums);
  });

  it("records migrations the way Prisma does, and a second run applies nothing", async () => {
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
    }
    expect(await migrate(t.url)).toEqual([]);
  });
});
