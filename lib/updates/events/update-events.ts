// UpdateEvent writer: the answer never waits for it. Rows are queued in memory and written in
// batches (one statement per batch, every UPDATE_EVENTS_FLUSH_MS (200 ms) or 500 rows), together with the hosts' lastSeenAt /
// lastUpdateAt and the keys' lastUsedAt/lastUsedIp. A failed batch is retried; on a clean shutdown drainUpdateEvents()
// writes everything, and whatever is still queued when the process exits is spooled to DATA_DIR
// and written by the next process that uses the same database.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { owedUpdateNotificationsSql } from "@/lib/notifications/enqueue-notification";
import { spoolOnExit, takeSpooled } from "@/lib/updates/events/spool";
import type { UpdateEventRow } from "./types";
import type { UpdateReason } from "@/lib/updates/reasons";


const BATCH = 500;
const interval = () => env().UPDATE_EVENTS_FLUSH_MS;
const MAX_QUEUED = 100_000;

// One statement per batch: the events, the hosts' lastSeenAt (lastUpdateAt when the records
// changed), the keys' lastUsedAt / lastUsedIp (the latest use in the batch), and the notifications
// owed (NotificationQueue) — only for users who want them, so most updates queue nothing.
const WRITE_SQL = `
WITH e AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS e("hostId" uuid, "fqdn" text, "userId" uuid, "keyId" uuid, "protocol" text,
         "sourceIp" text, "userAgent" text, "params" jsonb, "result" text, "reason" text, "latencyMs" int, "changes" jsonb, "createdAt" timestamptz)
), ins AS (
  INSERT INTO "UpdateEvent" ("hostId", "fqdn", "userId", "keyId", "protocol", "sourceIp", "userAgent", "params", "result", "reason", "latencyMs", "changes", "createdAt")
  SELECT "hostId", "fqdn", "userId", "keyId", "protocol", "sourceIp", "userAgent", "params", "result", "reason", "latencyMs", "changes", "createdAt" FROM e
  RETURNING 1
), seen AS (
  UPDATE "Host" h SET "lastSeenAt" = now(), "lastUpdateAt" = CASE WHEN s.changed THEN now() ELSE h."lastUpdateAt" END
    FROM (SELECT "hostId" AS id, bool_or("result" = 'good') AS changed FROM e
           WHERE "hostId" IS NOT NULL AND "result" <> 'nohost' GROUP BY "hostId") AS s
   WHERE h."id" = s.id
  RETURNING 1
), used AS (
  UPDATE "UpdateKey" k SET "lastUsedAt" = now(), "lastUsedIp" = u.ip
    FROM (SELECT DISTINCT ON ("keyId") "keyId" AS id, "sourceIp" AS ip FROM e WHERE "keyId" IS NOT NULL ORDER BY "keyId", "createdAt" DESC) AS u
   WHERE k."id" = u.id
  RETURNING 1
), owed AS (
  ${owedUpdateNotificationsSql("e")}
)
SELECT (SELECT count(*) FROM ins)::int AS events, (SELECT count(*) FROM seen)::int AS hosts, (SELECT count(*) FROM used)::int AS keys,
       (SELECT count(*) FROM owed)::int AS owed`;

let queue: UpdateEventRow[] = [];
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> | undefined;
let started = false;
let dropped = 0;

function start(): void {
  if (started) return;
  started = true;
  queue.unshift(...takeSpooled());
  spoolOnExit(() => queue);
}

/** Starts the writer: takes back events spooled by an earlier process and writes them soon. */
export function startUpdateEvents(): void {
  start();
  if (queue.length > 0 && !timer) {
    timer = setTimeout(() => void flushUpdateEvents(), 1000);
    timer.unref();
  }
}

// PostgreSQL text and jsonb refuse NUL characters and lone surrogates: clean every string.
const clean = (s: string) => s.toWellFormed().replace(/\u0000/g, "\uFFFD");
function sanitize(row: UpdateEventRow): UpdateEventRow {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.params)) params[clean(k)] = clean(v);
  return { ...row, fqdn: row.fqdn && clean(row.fqdn), userAgent: row.userAgent && clean(row.userAgent), sourceIp: clean(row.sourceIp), reason: row.reason && (clean(row.reason) as UpdateReason), params };
}

/** Queues one event (secrets MUST already be redacted). Returns at once. */
export function recordUpdateEvent(event: UpdateEventRow): void {
  const row = sanitize(event);
  start();
  if (queue.length >= MAX_QUEUED) {
    queue.shift();
    if (dropped++ % 1000 === 0) console.error(`[updates] event queue full (database unreachable?): ${dropped} oldest events dropped`);
  }
  queue.push(row);
  if (queue.length >= BATCH) void flushUpdateEvents();
  else if (!timer) {
    timer = setTimeout(() => void flushUpdateEvents(), interval());
    timer.unref();
  }
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).trim().split("\n").pop()!.trim();

async function databaseUp(): Promise<boolean> {
  return db().$queryRawUnsafe("SELECT 1").then(() => true, () => false);
}

async function writeOneByOne(batch: UpdateEventRow[]): Promise<number> {
  let bad = 0;
  for (const row of batch) await writeBatch([row]).catch(() => bad++);
  return bad;
}

async function writeBatch(batch: UpdateEventRow[]): Promise<void> {
  await db().$queryRawUnsafe(WRITE_SQL, JSON.stringify(batch));
}

/** Writes everything queued so far (one batch at a time); failed batches stay queued. */
export function flushUpdateEvents(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  flushing ??= (async () => {
    const target = queue.length; // events arriving meanwhile wait for the next timer or a full batch
    let written = 0;
    while (queue.length > 0 && (written < target || queue.length >= BATCH)) {
      const batch = queue.slice(0, BATCH);
      try {
        await writeBatch(batch);
        queue = queue.slice(batch.length);
        written += batch.length;
      } catch (err) {
        if (await databaseUp()) {
          // The database works, so this batch itself is bad: keep the rows it accepts one by one.
          const bad = await writeOneByOne(batch);
          queue = queue.slice(batch.length);
          if (bad) console.error(`[updates] dropped ${bad} update events the database refused: ${firstLine(err)}`);
          continue;
        }
        console.error(`[updates] writing ${batch.length} update events failed, will retry: ${firstLine(err)}`);
        timer ??= setTimeout(() => void flushUpdateEvents(), 2000);
        timer.unref();
        break;
      }
    }
  })().finally(() => {
    flushing = undefined;
    if (queue.length > 0 && !timer) {
      timer = setTimeout(() => void flushUpdateEvents(), interval());
      timer.unref();
    }
  });
  return flushing;
}

/** For a clean shutdown: writes every queued event, retrying for up to `timeoutMs`. */
export async function drainUpdateEvents(timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  await flushing;
  while (queue.length > 0 && Date.now() < until) {
    await flushUpdateEvents();
    if (queue.length > 0) await new Promise((r) => setTimeout(r, 200));
  }
}

/** Events still waiting to be written (tests, health). */
export function pendingUpdateEvents(): number {
  return queue.length;
}
