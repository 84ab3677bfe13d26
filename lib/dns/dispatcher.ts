// The outbox dispatcher (DESIGN.md §1): woken at commit (LISTEN dns_outbox, or wake() in-process)
// with a fallback poll, it claims due outbox rows with FOR UPDATE SKIP LOCKED, takes the publish
// lock of every name involved, reads the current state under that lock, projects it (publish.ts)
// and pushes REPLACE/DELETE changes, one provider.apply per zone and chunk. The database's
// publishedVersion says what was pushed: no backend reads on this path.
import type { Db, Tx } from "@/lib/db";
import { recordBatch, recordPushLatency } from "./metrics";
import { claimDue, listenOutbox, markFailed, markPublished, markRetry, nextDueIn, readState, type CurrentRRset, type OutboxRow } from "./outbox/claim";
import { projectRRsets, type Sinkhole } from "./publish";
import { DnsError, type Change, type DnsProvider, type RRType } from "./types";

export type DispatcherOptions = {
  db: Db;
  /** One provider for every zone, or a lookup per zone name. */
  providers: DnsProvider | ((zone: string) => DnsProvider);
  signal: AbortSignal;
  sinkhole: Sinkhole;
  /** Connection string for LISTEN dns_outbox (a dedicated client); null polls only. */
  listenUrl: string | null;
  batchSize?: number;
  /** Backstop poll when no NOTIFY arrives (default 500 ms). */
  pollMs?: number;
  /** After a busy spell, look once more this long after the queue seemed empty (default 25 ms). */
  lingerMs?: number;
  /** Retry delay: min(capMs, baseMs·2^attempts), times a random factor in [0.5, 1]. */
  backoff?: { baseMs: number; capMs: number };
  /** Errors that are not DnsErrors (bugs, surprises) are retried this many times, then FAILED. */
  maxUnknownAttempts?: number;
  log?: (line: string) => void;
};

export type BatchResult = { claimed: number; applied: number; retried: number; failed: number; nextDueMs?: number };
export type Dispatcher = {
  /** Run a batch now (the caller just committed a change). */
  wake(): void;
  /** Process one batch directly (tests, CLI). */
  runOnce(): Promise<BatchResult>;
  /** Resolves when the loop has stopped after `signal` aborted (the in-flight batch completes). */
  done: Promise<void>;
};

const running = new Set<Dispatcher>();

/** Wakes every dispatcher of this process (for writers that share the worker's process). */
export function wakeDispatchers(): void {
  for (const d of running) d.wake();
}

type Item = { zone: string; name: string; type: RRType; rows: OutboxRow[]; change: Change | null; version: bigint | null };
type Outcome = { ok: true } | { ok: false; error: unknown };
const keyOf = (name: string, type: string) => `${name}\u0000${type}`;

/** startDispatcher — runs until `signal` aborts; several may run against one database at once. */
export function startDispatcher(opts: DispatcherOptions): Dispatcher {
  const batchSize = opts.batchSize ?? 1000;
  const pollMs = opts.pollMs ?? 500;
  const lingerMs = opts.lingerMs ?? 25;
  const backoff = opts.backoff ?? { baseMs: 1000, capMs: 60_000 };
  const maxUnknown = opts.maxUnknownAttempts ?? 10;
  const log = opts.log ?? (() => {});
  const providerFor = typeof opts.providers === "function" ? opts.providers : () => opts.providers as DnsProvider;
  const pausedUntil = new Map<string, number>();
  let wakeRequested = false;
  let busy = false;
  let wakeUp: () => void = () => {};

  const delayFor = (attempts: number) => Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.min(attempts, 30)) * (0.5 + Math.random() / 2);

  async function runOnce(): Promise<BatchResult> {
    const now = Date.now();
    const paused = [...pausedUntil].filter(([, until]) => until > now).map(([zone]) => zone);
    return opts.db.$transaction((tx) => batch(tx, paused), { timeout: 10 * 60_000, maxWait: 60_000 });
  }

  async function batch(tx: Tx, paused: string[]): Promise<BatchResult> {
    const claimed = await claimDue(tx, batchSize, paused);
    const result: BatchResult = { claimed: claimed.length, applied: 0, retried: 0, failed: 0 };
    if (claimed.length === 0) {
      // Nothing due: the database says when the next retry is (a stray wake-up must not lose it).
      result.nextDueMs = await nextDueIn(tx, paused);
      return result;
    }
    const { rows, hosts } = await readState(tx, [...new Set(claimed.map((r) => r.name))]);
    const { items, done } = plan(claimed, rows);
    const desired = new Map(projectRRsets(rows, hosts, opts.sinkhole).map((r) => [keyOf(r.name, r.type), r]));
    for (const item of items) {
      const want = desired.get(keyOf(item.name, item.type));
      item.change = want ? { kind: "create", after: want } : { kind: "delete", before: { name: item.name, type: item.type, ttl: 0, records: [] } };
    }
    const published: { name: string; type: RRType; version: bigint }[] = [];
    const retry: { id: bigint; delayMs: number; error: string }[] = [];
    const failed: { id: bigint; error: string }[] = [];
    const retryErrors = new Map<string, number>(); // one log line per zone and error, not per rrset
    for (const [zone, zoneItems] of groupBy(items, (i) => i.zone)) {
      const outcomes = await applyZone(zone, zoneItems);
      let zoneDown = Infinity;
      for (const [i, item] of zoneItems.entries()) {
        const outcome = outcomes[i]!;
        if (outcome.ok) {
          if (item.version !== null) published.push({ name: item.name, type: item.type, version: item.version });
          done.push(...item.rows.map((r) => r.id));
          for (const r of item.rows) recordPushLatency(Date.now() - r.createdAt.getTime());
          result.applied++;
          continue;
        }
        const error = describe(outcome.error);
        const known = outcome.error instanceof DnsError;
        for (const r of item.rows) {
          const giveUp = known ? !(outcome.error as DnsError).retryable : r.attempts + 1 >= maxUnknown;
          if (giveUp) failed.push({ id: r.id, error });
          else retry.push({ id: r.id, delayMs: delayFor(r.attempts), error });
          if (!giveUp && known) zoneDown = Math.min(zoneDown, retry.at(-1)!.delayMs);
          if (giveUp) log(`dns: gave up on ${item.name} ${item.type} in ${zone} (see dns:failed): ${error}`);
        }
        if (!item.rows.length || (known && !(outcome.error as DnsError).retryable)) continue;
        retryErrors.set(error, (retryErrors.get(error) ?? 0) + 1);
      }
      for (const [error, n] of retryErrors) log(`dns: ${n} change(s) in ${zone} will be retried: ${error}`);
      retryErrors.clear();
      if (zoneDown < Infinity) pausedUntil.set(zone, Date.now() + zoneDown);
      else pausedUntil.delete(zone);
    }
    await markFailed(tx, failed);
    await markRetry(tx, retry);
    await markPublished(tx, published, done);
    Object.assign(result, { retried: retry.length, failed: failed.length });
    recordBatch({ applied: result.applied, retryable: retry.length, fatal: failed.length });
    return result;
  }

  // Apply the zone's changes (deletes first) in chunks; on a fatal error, retry the chunk's changes
  // one by one so a single bad rrset fails alone.
  async function applyZone(zone: string, items: Item[]): Promise<Outcome[]> {
    const order = items.map((_, i) => i).sort((a, b) => Number(items[b]!.change!.kind === "delete") - Number(items[a]!.change!.kind === "delete"));
    const outcomes: Outcome[] = new Array(items.length);
    let provider: DnsProvider;
    try {
      provider = providerFor(zone);
    } catch (error) {
      return items.map(() => ({ ok: false, error }));
    }
    const chunk = Math.max(1, provider.capabilities.maxChangesPerRequest);
    for (let start = 0; start < order.length; start += chunk) {
      const idx = order.slice(start, start + chunk);
      const changes = idx.map((i) => items[i]!.change!);
      const outcome = await tryApply(provider, zone, changes);
      if (outcome.ok || idx.length === 1 || !(outcome.error instanceof DnsError) || outcome.error.retryable) {
        for (const i of idx) outcomes[i] = outcome;
        continue;
      }
      for (const i of idx) outcomes[i] = await tryApply(provider, zone, [items[i]!.change!]);
    }
    return outcomes;
  }

  async function tryApply(provider: DnsProvider, zone: string, changes: Change[]): Promise<Outcome> {
    try {
      await provider.apply(zone, changes);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async function loop(): Promise<void> {
    const listener = opts.listenUrl ? listenOutbox(opts.listenUrl, () => self.wake(), log) : null;
    try {
      while (!opts.signal.aborted) {
        wakeRequested = false;
        let result: BatchResult | null = null;
        try {
          result = await runOnce();
        } catch (e) {
          log(`dns: dispatcher batch failed: ${describe(e)}`);
        }
        if (opts.signal.aborted) break;
        if (result && result.claimed > 0) {
          busy = true;
          continue; // more may have committed meanwhile; writers only NOTIFY into an empty queue
        }
        if (wakeRequested) continue;
        if (busy && result) {
          busy = false;
          await sleep(lingerMs); // catch writers that saw our batch pending and committed just after it
          continue;
        }
        await new Promise<void>((resolve) => {
          const now = Date.now();
          const resume = [...pausedUntil.values()].filter((u) => u > now).map((u) => u - now);
          const ms = Math.min(result === null ? Math.max(pollMs, 1000) : pollMs, result?.nextDueMs ?? Infinity, ...resume);
          const finish = () => (clearTimeout(timer), opts.signal.removeEventListener("abort", finish), resolve());
          const timer = setTimeout(finish, ms);
          wakeUp = finish;
          opts.signal.addEventListener("abort", finish);
        });
        wakeUp = () => {};
      }
    } finally {
      await listener?.close();
      running.delete(self);
    }
  }

  const self: Dispatcher = {
    wake() {
      wakeRequested = true;
      wakeUp();
    },
    runOnce,
    done: Promise.resolve(),
  };
  running.add(self);
  self.done = loop();
  return self;
}

// What to push: one item per claimed (name, type) whose row is not yet published (or that has no
// row: a delete, or a sinkhole), plus every other unpublished row at the same names.
function plan(claimed: OutboxRow[], rows: CurrentRRset[]): { items: Item[]; done: bigint[] } {
  const rowByKey = new Map(rows.map((r) => [keyOf(r.name, r.type), r]));
  const zoneOfName = new Map(claimed.map((o) => [o.name, o.zone]));
  const items = new Map<string, Item>();
  const done: bigint[] = [];
  for (const o of claimed) {
    const k = keyOf(o.name, o.type);
    const row = rowByKey.get(k);
    if (row && row.publishedVersion >= row.version) {
      done.push(o.id); // a newer push already covered it
      continue;
    }
    const item = items.get(k) ?? { zone: o.zone, name: o.name, type: o.type, rows: [], change: null, version: row?.version ?? null };
    item.rows.push(o);
    items.set(k, item);
  }
  for (const row of rows) {
    const k = keyOf(row.name, row.type);
    if (row.publishedVersion >= row.version || items.has(k)) continue;
    items.set(k, { zone: zoneOfName.get(row.name)!, name: row.name, type: row.type, rows: [], change: null, version: row.version });
  }
  return { items: [...items.values()], done };
}

function groupBy<T>(list: T[], by: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = by(t);
    const group = out.get(k);
    if (group) group.push(t);
    else out.set(k, [t]);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
