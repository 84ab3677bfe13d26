// The durable store behind the embedded server: an append-only journal of change batches (one JSON
// line each, fdatasync'd before the caller hears "done", concurrent batches sharing one sync) and a
// snapshot that the journal is compacted into. Start-up = snapshot + journal replay.
import fs from "node:fs/promises";
import path from "node:path";
import { nextSerial } from "./serial";
import { acquireLock, readJournal, writeSnapshot, type Snapshot } from "./store-files";
import type { Batch, RRsetChange } from "./types";
import { planOps } from "./validate";
import type { ZoneIndex } from "./zone-index";

export type StoreOptions = {
  dataDir: string;
  index: ZoneIndex;
  compactEvery?: number;
  /** Called in journal order as soon as batches are durable (fans them out to worker processes). */
  onDurable?: (batches: Batch[]) => void;
  /** Called once if the journal cannot be written; memory may then be ahead of disk. */
  onFailure?: (error: Error) => void;
};

/** The journal could not be written: state in memory may be ahead of disk; restart the server. */
export class StoreFailedError extends Error {}

export class DnsStore {
  private queued: Batch[] = [];
  private writing: Promise<void> | null = null;
  private durableSeq: number;
  private journalEntries: number;
  private failed: Error | null = null;

  private constructor(
    private readonly opts: StoreOptions,
    private readonly journal: fs.FileHandle,
    private readonly releaseLock: () => Promise<void>,
    entries: number,
  ) {
    this.durableSeq = opts.index.lastSeq;
    this.journalEntries = entries;
  }

  // Open (creating) the data folder, take its lock, and load snapshot + journal into the index.
  static async open(opts: StoreOptions): Promise<DnsStore> {
    await fs.mkdir(opts.dataDir, { recursive: true });
    const release = await acquireLock(opts.dataDir);
    try {
      const snap = await readSnapshot(opts.dataDir);
      opts.index.loadState(snap);
      opts.index.lastSeq = snap.seq;
      const journalPath = path.join(opts.dataDir, "journal.jsonl");
      const batches = await readJournal(journalPath);
      for (const b of batches) if (b.seq > opts.index.lastSeq) opts.index.applyBatch(b);
      const journal = await fs.open(journalPath, "a");
      return new DnsStore(opts, journal, release, batches.length);
    } catch (e) {
      await release();
      throw e;
    }
  }

  // Create the zone unless it exists; returns the batch (null when it existed) and the serial.
  async ensureZone(zone: string): Promise<{ batch: Batch | null; serial: number }> {
    const existing = this.opts.index.zones.get(zone);
    if (existing) return { batch: null, serial: existing.serial };
    const batch = this.stage({ zone, serial: nextSerial(0), ops: [{ op: "zone", zone }] });
    await this.durable(batch.seq);
    return { batch, serial: batch.serial };
  }

  // Apply a change list atomically; returns the batch (null when nothing changed) and the serial.
  async apply(zone: string, changes: RRsetChange[]): Promise<{ batch: Batch | null; serial: number }> {
    if (this.failed) throw new StoreFailedError("the journal failed earlier", { cause: this.failed });
    const ops = planOps(this.opts.index, zone, changes);
    const current = this.opts.index.zones.get(zone)!;
    if (ops.length === 0) return { batch: null, serial: current.serial };
    const batch = this.stage({ zone, serial: nextSerial(current.serial), ops });
    await this.durable(batch.seq);
    return { batch, serial: batch.serial };
  }

  async close(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
    await this.journal.close();
    await this.releaseLock();
  }

  private stage(b: Omit<Batch, "seq">): Batch {
    if (this.failed) throw new StoreFailedError("the journal failed earlier", { cause: this.failed });
    const batch = { seq: this.opts.index.lastSeq + 1, ...b };
    this.opts.index.applyBatch(batch);
    this.queued.push(batch);
    return batch;
  }

  private async durable(seq: number): Promise<void> {
    while (this.durableSeq < seq) {
      if (this.failed) throw new StoreFailedError("the journal could not be written", { cause: this.failed });
      if (this.writing) {
        await this.writing.catch(() => undefined);
        continue;
      }
      this.writing = this.flush().finally(() => (this.writing = null));
    }
  }

  private async flush(): Promise<void> {
    const batches = this.queued;
    this.queued = [];
    if (batches.length === 0) return;
    try {
      await this.journal.write(batches.map((b) => JSON.stringify(b) + "\n").join(""));
      await this.journal.datasync();
      this.durableSeq = batches[batches.length - 1]!.seq;
      this.journalEntries += batches.length;
      this.opts.onDurable?.(batches);
      if (this.journalEntries >= (this.opts.compactEvery ?? 1000)) await this.compact();
    } catch (e) {
      this.failed = e instanceof Error ? e : new Error(String(e));
      this.opts.onFailure?.(this.failed);
      throw this.failed;
    }
  }

  private async compact(): Promise<void> {
    const index = this.opts.index;
    await writeSnapshot(this.opts.dataDir, { seq: index.lastSeq, ...index.exportState() });
    await this.journal.truncate(0);
    await this.journal.sync();
    this.journalEntries = 0;
  }
}

async function readSnapshot(dir: string): Promise<Snapshot> {
  try {
    return JSON.parse(await fs.readFile(path.join(dir, "snapshot.json"), "utf8")) as Snapshot;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { seq: 0, zones: [] };
    throw new Error(`cannot read ${dir}/snapshot.json`, { cause: e });
  }
}
