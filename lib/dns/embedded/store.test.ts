import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DnsStore } from "./store";
import { DataDirLockedError } from "./store-files";
import { EmbeddedDnsInputError, type Batch, type RRsetChange } from "./types";
import { ZoneIndex } from "./zone-index";

const replace = (name: string, type: RRsetChange["type"], records: string[], ttl = 60): RRsetChange => ({ name, type, ttl, records, changetype: "REPLACE" });

describe("DnsStore", () => {
  let dir: string;
  let open: DnsStore[] = [];
  const start = async (compactEvery?: number, onDurable?: (b: Batch[]) => void) => {
    const index = new ZoneIndex({});
    const store = await DnsStore.open({ dataDir: dir, index, compactEvery, onDurable });
    open.push(store);
    return { index, store };
  };
  const stop = async (store: DnsStore) => {
    open = open.filter((s) => s !== store);
    await store.close();
  };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "embedded-store-"));
  });
  afterEach(async () => {
    for (const s of open) await s.close();
    open = [];
    await rm(dir, { recursive: true, force: true });
  });

  it("reloads zones, rrsets and serials from the journal after a restart", async () => {
    const a = await start();
    await a.store.ensureZone("dyn.test");
    const { serial } = await a.store.apply("dyn.test", [replace("alice.dyn.test", "TXT", ["x".repeat(300)]), replace("bob.dyn.test", "A", ["192.0.2.1"])]);
    await a.store.apply("dyn.test", [{ name: "bob.dyn.test", type: "A", changetype: "DELETE" }]);
    const state = a.index.exportState();
    await stop(a.store);
    const b = await start();
    expect(b.index.exportState()).toEqual(state);
    expect(b.index.zones.get("dyn.test")!.serial).toBe(serial + 1);
    expect(state.zones[0]!.rrsets).toEqual([{ name: "alice.dyn.test", type: "TXT", ttl: 60, records: [`"${"x".repeat(255)}" "${"x".repeat(45)}"`] }]);
  });

  it("applies a change list whole or not at all, and bumps the serial only when something changed", async () => {
    const { store, index } = await start();
    await store.ensureZone("dyn.test");
    const first = await store.apply("dyn.test", [replace("a.dyn.test", "A", ["192.0.2.1"])]);
    const bad = [replace("b.dyn.test", "A", ["192.0.2.2"]), replace("c.dyn.test", "A", ["not-an-ip"])];
    await expect(store.apply("dyn.test", bad)).rejects.toThrow(EmbeddedDnsInputError);
    await expect(store.apply("dyn.test", [replace("a.dyn.test", "CNAME", ["x.example."])])).rejects.toThrow(/CNAME cannot coexist/);
    await expect(store.apply("dyn.test", [replace("x.other.test", "A", ["192.0.2.1"])])).rejects.toThrow(/not in zone dyn.test/);
    await expect(store.apply("nope.test", [])).rejects.toMatchObject({ status: 404 });
    expect(index.zones.get("dyn.test")!.userRRsets().map((r) => r.name)).toEqual(["a.dyn.test"]);
    expect(await store.apply("dyn.test", [replace("a.dyn.test", "A", ["192.0.2.1"])])).toEqual({ batch: null, serial: first.serial });
    expect(index.zones.get("dyn.test")!.serial).toBe(first.serial);
  });

  it("cuts off a torn last journal line and keeps going", async () => {
    const a = await start();
    await a.store.ensureZone("dyn.test");
    await a.store.apply("dyn.test", [replace("a.dyn.test", "A", ["192.0.2.1"])]);
    await stop(a.store);
    const journal = path.join(dir, "journal.jsonl");
    const good = (await stat(journal)).size;
    await appendFile(journal, '{"seq":3,"zone":"dyn.test","ser');
    const b = await start();
    expect((await stat(journal)).size).toBe(good);
    await b.store.apply("dyn.test", [replace("b.dyn.test", "A", ["192.0.2.2"])]);
    await stop(b.store);
    const c = await start();
    expect(c.index.zones.get("dyn.test")!.userRRsets().map((r) => r.name).sort()).toEqual(["a.dyn.test", "b.dyn.test"]);
  });

  it("refuses a journal corrupted in the middle", async () => {
    await writeFile(path.join(dir, "journal.jsonl"), 'garbage\n{"seq":1,"zone":"dyn.test","serial":1,"ops":[{"op":"zone","zone":"dyn.test"}]}\n');
    await expect(start()).rejects.toThrow(/corrupt entry at byte 0/);
  });

  it("compacts the journal into a snapshot and reloads from both", async () => {
    const a = await start(3);
    await a.store.ensureZone("dyn.test");
    for (let i = 0; i < 4; i++) await a.store.apply("dyn.test", [replace(`h${i}.dyn.test`, "A", [`192.0.2.${i}`])]);
    const snapshot = JSON.parse(await readFile(path.join(dir, "snapshot.json"), "utf8")) as { seq: number };
    expect(snapshot.seq).toBe(3);
    expect((await readFile(path.join(dir, "journal.jsonl"), "utf8")).trim().split("\n").map((l) => (JSON.parse(l) as Batch).seq)).toEqual([4, 5]);
    const state = a.index.exportState();
    await stop(a.store);
    const b = await start(3);
    expect(b.index.exportState()).toEqual(state);
    expect(b.index.lastSeq).toBe(5);
  });

  it("writes concurrent change lists with one sync and reports them durable in order", async () => {
    const seen: number[][] = [];
    const { store } = await start(1000, (batches) => seen.push(batches.map((b) => b.seq)));
    await store.ensureZone("dyn.test");
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.apply("dyn.test", [replace(`p${i}.dyn.test`, "A", ["192.0.2.1"])])));
    expect(seen.flat()).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(seen.length).toBeLessThan(21);
  });

  it("locks the data folder against a second live owner", async () => {
    const a = await start();
    await expect(DnsStore.open({ dataDir: dir, index: new ZoneIndex({}) })).rejects.toThrow(DataDirLockedError);
    await stop(a.store);
    await writeFile(path.join(dir, "LOCK"), "999999999");
    await expect(start()).resolves.toBeDefined();
  });
});
