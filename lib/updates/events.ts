// UpdateEvent writer: the answer never waits for it. Rows are queued in memory and written in
// batches (one INSERT per batch, every 200 ms or 500 rows), together with the hosts' lastSeenAt and
// the keys' lastUsedAt/lastUsedIp. A failed batch is retried; on a clean shutdown drainUpdateEvents()
// writes everything, and whatever is still queued when the process exits is spooled to DATA_DIR
// and written by the next process that uses the same database.
import { db } from "@/lib/db";
import { spoolOnExit, takeSpooled } from "./events-spool";

export type UpdateEventRow = {
  hostId: string | null;
  fqdn: string | null;
  userId: string | null;
  keyId: string | null;
  protocol: string;
  sourceIp: string;
  userAgent: string | null;
  params: Record<string, string>;
  result: string;
  reason: string | null;
  latencyMs: number;
  createdAt: string;
};

const BATCH = 500;
const INTERVAL_MS = 200;
const MAX_QUEUED = 100_000;

const INSERT_SQL = `
INSERT INTO "UpdateEvent" ("hostId", "fqdn", "userId", "keyId", "protocol", "sourceIp", "userAgent", "params", "result", "reason", "latencyMs", "createdAt")
SELECT e."hostId", e."fqdn", e."userId", e."keyId", e."protocol", e."sourceIp", e."userAgent", e."params", e."result", e."reason", e."latencyMs", e."createdAt"
  FROM jsonb_to_recordset($1::jsonb) AS e("hostId" uuid, "fqdn" text, "userId" uuid, "keyId" uuid, "protocol" text, "sourceIp" text,
       "userAgent" text, "params" jsonb, "result" text, "reason" text, "latencyMs" int, "createdAt" timestamptz)`;

const SEEN_SQL = `UPDATE "Host" SET "lastSeenAt" = now() WHERE "id" = ANY($1::uuid[])`;
const KEYS_SQL = `
UPDATE "UpdateKey" k SET "lastUsedAt" = now(), "lastUsedIp" = u.ip
  FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, ip text) WHERE k."id" = u.id`;

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

// PostgreSQL text and jsonb refuse NUL characters and lone surrogates: clean every string.
const clean = (s: string) => s.toWellFormed().replace(/\u0000/g, "\uFFFD");
function sanitize(row: UpdateEventRow): UpdateEventRow {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.params)) params[clean(k)] = clean(v);
  return { ...row, fqdn: row.fqdn && clean(row.fqdn), userAgent: row.userAgent && clean(row.userAgent), sourceIp: clean(row.sourceIp), reason: row.reason && clean(row.reason), params };
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
    timer = setTimeout(() => void flushUpdateEvents(), INTERVAL_MS);
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
  const client = db();
  await client.$executeRawUnsafe(INSERT_SQL, JSON.stringify(batch));
  const hosts = [...new Set(batch.filter((e) => e.hostId && e.result !== "nohost").map((e) => e.hostId!))];
  if (hosts.length) await client.$executeRawUnsafe(SEEN_SQL, hosts);
  const keys = new Map(batch.filter((e) => e.keyId).map((e) => [e.keyId!, e.sourceIp]));
  if (keys.size) await client.$executeRawUnsafe(KEYS_SQL, JSON.stringify([...keys].map(([id, ip]) => ({ id, ip }))));
}

/** Writes everything queued so far (one batch at a time); failed batches stay queued. */
export function flushUpdateEvents(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  flushing ??= (async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      try {
        await writeBatch(batch);
        queue = queue.slice(batch.length);
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
  })().finally(() => (flushing = undefined));
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
