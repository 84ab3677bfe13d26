// The Prisma client singleton. Every process (web, worker, CLI, tests) connects through
// @prisma/adapter-pg to DATABASE_URL — the embedded server's URL when the supervisor started one.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { rememberUrl } from "@/lib/db/prepared";
import { env } from "@/lib/env";

const globalForDb = globalThis as unknown as { dynhostDb?: Db };

/** A new client for a given URL (tests use throwaway databases). */
export function createDb(url: string, poolSize = 10) {
  const adapter = new PrismaPg({ connectionString: url, max: poolSize });
  const client = new PrismaClient({ adapter, omit: { user: { passwordHash: true, totpSecret: true } } });
  rememberUrl(client, url);
  return client;
}

/** The process-wide client for DATABASE_URL. */
export function db(): Db {
  if (!globalForDb.dynhostDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the service with `npm start`, which provides it");
    globalForDb.dynhostDb = createDb(url);
  }
  return globalForDb.dynhostDb;
}

/** Use a specific client as the process-wide one (tests). */
export function setDb(client: Db | undefined): void {
  globalForDb.dynhostDb = client;
}

export type Db = ReturnType<typeof createDb>;
/** The client handed to an interactive transaction's callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
