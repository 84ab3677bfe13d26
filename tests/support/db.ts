// Throwaway databases for tests. Every *.db.test.ts file runs twice (vitest.config.ts projects):
// against the machine's PostgreSQL (TEST_POSTGRES_URL, default 127.0.0.1:5432) and against the
// embedded PostgreSQL started by tests/support/embedded-pg-setup.ts. Each call creates a fresh
// database, migrates it with our migrator and drops it afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, setDb, type Db } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";

declare module "vitest" {
  export interface ProvidedContext {
    embeddedPgAdminUrl?: string;
  }
}

/** The admin URL (database `postgres`) of the server this test project targets. */
export function testServerAdminUrl(): string {
  const target = process.env.TEST_DB_TARGET ?? "system";
  if (target === "embedded") {
    const url = inject("embeddedPgAdminUrl");
    if (!url) throw new Error("embedded PostgreSQL was not started by the global setup");
    return url;
  }
  return process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

export type TestDatabase = { url: string; name: string; db: Db; drop(): Promise<void> };

/** Creates and migrates a throwaway database; `useAsDefault` makes it the process-wide db(). */
export async function createTestDatabase(opts: { useAsDefault?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = testServerAdminUrl();
  const name = `dh_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `cannot reach PostgreSQL at ${adminUrl.replace(/:[^:@/]*@/, ":***@")} (${(err as Error).message}). ` +
        `Start it (Debian: apt-get install postgresql) or set TEST_POSTGRES_URL.`,
    );
  }
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
  await migrate(url);
  const client = createDb(url, 5);
  if (opts.useAsDefault) {
    process.env.DATABASE_URL = url;
    resetEnvCache();
    setDb(client);
  }
  return {
    url,
    name,
    db: client,
    async drop() {
      await client.$disconnect();
      if (opts.useAsDefault) setDb(undefined);
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
