// Worker processes answering UDP on one shared socket (node:cluster gives each worker the same
// handle, the kernel spreads datagrams over them). The primary keeps the store; every durable batch
// is sent to each worker, and a change counts as applied once all workers acknowledged it.
import cluster, { type Worker } from "node:cluster";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Batch } from "./types";
import type { ZoneIndex, ZoneSettings } from "./zone-index";

/** Primary → worker messages. */
export type ToWorker =
  | { t: "init"; host: string; port: number; settings: ZoneSettings; state: ReturnType<ZoneIndex["exportState"]>; lastSeq: number }
  | { t: "batches"; batches: Batch[] }
  | { t: "stop" };
/** Worker → primary messages. */
export type FromWorker = { t: "listening" } | { t: "ready" } | { t: "failed"; error: string } | { t: "ack"; seq: number };

const ACK_TIMEOUT_MS = 5_000;

type Slot = { worker: Worker; acked: number };

export class UdpWorkers {
  private readonly slots = new Set<Slot>();
  private waiters: { seq: number; resolve: () => void }[] = [];
  private closing = false;

  private constructor(
    private readonly opts: { count: number; host: string; port: number; index: ZoneIndex },
  ) {}

  // Fork `count` workers bound to host:port; resolves when all answer.
  static async start(opts: { count: number; host: string; port: number; index: ZoneIndex }): Promise<UdpWorkers> {
    const self = new UdpWorkers(opts);
    const here = fileURLToPath(import.meta.url);
    const ts = here.endsWith(".ts");
    const execArgv = ts ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href] : [];
    cluster.setupPrimary({ exec: here.replace(/cluster\.(ts|js)$/, `worker.$1`), execArgv, args: [] });
    try {
      await Promise.all(Array.from({ length: opts.count }, () => self.spawn()));
    } catch (e) {
      await self.close();
      throw e;
    }
    return self;
  }

  // Send durable batches to every worker, in journal order.
  publish(batches: Batch[]): void {
    for (const slot of this.slots) if (slot.worker.isConnected()) slot.worker.send({ t: "batches", batches } satisfies ToWorker);
  }

  // Resolves once every worker has applied batch `seq` (a worker that stays silent is replaced).
  async waitApplied(seq: number): Promise<void> {
    if (this.done(seq)) return;
    await new Promise<void>((resolve) => {
      const waiter = { seq, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        if (!this.waiters.includes(waiter)) return;
        for (const slot of this.slots) if (slot.acked < seq) slot.worker.kill("SIGKILL");
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, ACK_TIMEOUT_MS).unref();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      [...this.slots].map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.worker.isDead()) return resolve();
            s.worker.once("exit", () => resolve());
            if (s.worker.isConnected()) s.worker.send({ t: "stop" } satisfies ToWorker);
            setTimeout(() => s.worker.kill("SIGKILL"), 3_000).unref();
          }),
      ),
    );
    this.settle(true);
  }

  private spawn(): Promise<void> {
    const worker = cluster.fork();
    // Until it is sent its initial state, a worker counts as up to date: that state will hold
    // every batch staged so far, and it answers nothing before loading it.
    const slot: Slot = { worker, acked: Infinity };
    this.slots.add(slot);
    worker.on("error", (e) => console.error(`embedded dns: UDP worker ${worker.process.pid}:`, e));
    return new Promise<void>((resolve, reject) => {
      worker.on("message", (m: FromWorker) => {
        if (m.t === "listening") {
          const { host, port, index } = this.opts;
          slot.acked = index.lastSeq;
          worker.send({ t: "init", host, port, settings: index.settings, state: index.exportState(), lastSeq: index.lastSeq } satisfies ToWorker);
        } else if (m.t === "ready") resolve();
        else if (m.t === "failed") reject(new Error(`DNS worker failed to start: ${m.error}`));
        else if (m.t === "ack") {
          slot.acked = m.seq;
          this.settle(false);
        }
      });
      worker.once("exit", (code, signal) => {
        this.slots.delete(slot);
        this.settle(false);
        reject(new Error(`DNS worker exited (${signal ?? code}) before it was ready`));
        if (!this.closing) {
          console.error(`embedded dns: UDP worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
          setTimeout(() => !this.closing && this.spawn().catch((e) => console.error(e)), 500).unref();
        }
      });
    });
  }

  private done(seq: number): boolean {
    return [...this.slots].every((s) => s.acked >= seq);
  }

  private settle(all: boolean): void {
    const keep = [];
    for (const w of this.waiters) {
      if (all || this.done(w.seq)) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
  }
}
