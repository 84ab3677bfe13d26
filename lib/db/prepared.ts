// Named prepared statements for the hottest reads. Prisma's raw queries go out as unnamed
// statements, so PostgreSQL parses and plans them on every call; for the update path's host lookup
// that was most of its database time (measured: a similar query 0.30–0.40 ms unnamed against
// 0.12–0.14 ms prepared, same connection). Each client made by createDb gets a small pg pool of
// its own (same URL) on first use, whose connections keep their prepared statements.
// Only for statements whose result columns are json, text or numbers: pg and Prisma convert
// timestamps and bigints differently.
import pg from "pg";
import { processState } from "@/lib/process-state";

const POOL_SIZE = 4;

/** A Prisma client or transaction (structural, so that lib/db.ts can import this module). */
type Queryable = { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> };

const state = processState("prepared-statements", () => ({ urls: new WeakMap<object, string>(), pools: new WeakMap<object, pg.Pool>() }));

/** Called by createDb: the URL a client connects to. */
export function rememberUrl(client: object, url: string): void {
  state.urls.set(client, url);
}

/**
 * Runs `text` as the named prepared statement `name` (a name MUST always carry the same text), in
 * autocommit. Given a transaction (or a client not made by createDb), it runs the same text inside
 * it through Prisma instead, so callers need not care which they hold.
 */
export async function preparedQuery<T>(client: Queryable, name: string, text: string, values: unknown[]): Promise<T[]> {
  const url = state.urls.get(client);
  if (!url) return client.$queryRawUnsafe<T[]>(text, ...values);
  let pool = state.pools.get(client);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 60_000, allowExitOnIdle: true });
    // An idle connection that the server ends (restart, dropped test database) must not crash us;
    // the pool replaces it on the next query.
    pool.on("error", () => undefined);
    state.pools.set(client, pool);
  }
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}

/** Ends the client's prepared-statement pool, if it has one. */
export async function endPreparedPool(client: object): Promise<void> {
  const pool = state.pools.get(client);
  state.pools.delete(client);
  await pool?.end();
}
