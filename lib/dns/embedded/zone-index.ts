// The in-memory zone data every answer is read from: zones by name, nodes by owner name, rrsets by
// type, plus counts of names below each name (empty non-terminals) and of delegation points.
import type { RRset, RRType } from "../types";
import { formatSoa } from "../rdata";
import { makeEntry, withTtl, type Entry } from "./encode";
import type { Batch, SoaSettings } from "./types";

export type Node = Map<RRType, Entry>;

/** Settings that shape the generated apex SOA and NS of every zone. */
export type ZoneSettings = { nameservers?: string[]; nsTtl?: number; soa?: SoaSettings };

/** The serialisable state of all zones (what snapshots and worker processes start from). */
export type IndexState = { zones: { name: string; serial: number; rrsets: RRset[] }[] };

export class Zone {
  readonly nodes = new Map<string, Node>();
  /** Names strictly between a stored name and the apex → how many stored names sit below them. */
  readonly below = new Map<string, number>();
  cuts = 0;
  soa!: Entry;
  negativeSoa!: Entry;

  constructor(
    readonly name: string,
    public serial: number,
    private readonly settings: ZoneSettings,
  ) {
    const ns = (settings.nameservers?.length ? settings.nameservers : [`ns1.${name}.`]).map(absolute);
    this.nodes.set(name, new Map([["NS", makeEntry("NS", settings.nsTtl ?? 3600, [...new Set(ns)].sort())]]));
    this.setSerial(serial);
  }

  // Regenerate the SOA rrset for a new serial.
  setSerial(serial: number): void {
    const s = this.settings.soa ?? {};
    const ns = this.nodes.get(this.name)!.get("NS")!.records;
    const text = formatSoa({
      mname: absolute(s.mname ?? ns[0]!),
      rname: absolute(s.rname ?? `hostmaster.${this.name}`),
      serial,
      refresh: s.refresh ?? 10800,
      retry: s.retry ?? 3600,
      expire: s.expire ?? 604800,
      minimum: s.minimum ?? 60,
    });
    this.serial = serial;
    this.soa = makeEntry("SOA", s.ttl ?? 3600, [text]);
    this.negativeSoa = withTtl(this.soa, Math.min(this.soa.ttl, s.minimum ?? 60));
    this.nodes.get(this.name)!.set("SOA", this.soa);
  }

  // Store or replace one rrset (records canonical, non-empty).
  put(rrset: RRset): void {
    let node = this.nodes.get(rrset.name);
    if (!node) {
      node = new Map();
      this.nodes.set(rrset.name, node);
      this.count(rrset.name, 1);
    }
    if (rrset.type === "NS" && !node.has("NS") && rrset.name !== this.name) this.cuts++;
    node.set(rrset.type, makeEntry(rrset.type, rrset.ttl, rrset.records));
  }

  remove(name: string, type: RRType): void {
    const node = this.nodes.get(name);
    if (!node?.delete(type)) return;
    if (type === "NS" && name !== this.name) this.cuts--;
    if (node.size === 0 && name !== this.name) {
      this.nodes.delete(name);
      this.count(name, -1);
    }
  }

  /** The rrsets users own: everything but the SOA and the apex NS. */
  userRRsets(): RRset[] {
    const out: RRset[] = [];
    for (const [name, node] of this.nodes) {
      for (const e of node.values()) {
        if (name === this.name && (e.type === "SOA" || e.type === "NS")) continue;
        out.push({ name, type: e.type, ttl: e.ttl, records: e.records });
      }
    }
    return out;
  }

  private count(name: string, delta: number): void {
    for (let n = parent(name); n !== null && n !== this.name; n = parent(n)) {
      const c = (this.below.get(n) ?? 0) + delta;
      if (c > 0) this.below.set(n, c);
      else this.below.delete(n);
    }
  }
}

/** Told after each change: the owner names whose rrsets changed, or null when zones or delegations did. */
export type ChangeListener = (names: Set<string> | null) => void;

export class ZoneIndex {
  readonly zones = new Map<string, Zone>();
  lastSeq = 0;
  private readonly listeners: ChangeListener[] = [];

  constructor(readonly settings: ZoneSettings) {}

  onChange(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  // The most specific zone holding `name` (lower-case, no trailing dot), if any.
  findZone(name: string): Zone | undefined {
    for (let n: string | null = name; n !== null; n = parent(n)) {
      const z = this.zones.get(n);
      if (z) return z;
    }
    return undefined;
  }

  // Apply a validated batch (the store validated it, or it is replayed from the journal).
  applyBatch(batch: Batch): void {
    let names: Set<string> | null = new Set();
    for (const op of batch.ops) {
      const name = op.op === "zone" ? null : op.op === "replace" ? op.rrset.name : op.name;
      const type = op.op === "replace" ? op.rrset.type : op.op === "delete" ? op.type : null;
      if (name === null || type === "NS") names = null;
      else names?.add(name);
      if (op.op === "zone") {
        if (!this.zones.has(op.zone)) this.zones.set(op.zone, new Zone(op.zone, batch.serial, this.settings));
        continue;
      }
      const zone = this.zones.get(batch.zone)!;
      if (op.op === "replace") zone.put(op.rrset);
      else zone.remove(op.name, op.type);
    }
    this.zones.get(batch.zone)?.setSerial(batch.serial);
    this.lastSeq = Math.max(this.lastSeq, batch.seq);
    for (const listener of this.listeners) listener(names);
  }

  exportState(): IndexState {
    return {
      zones: [...this.zones.values()].map((z) => ({ name: z.name, serial: z.serial, rrsets: z.userRRsets() })),
    };
  }

  // Replace everything with a saved state (start-up, worker init).
  loadState(state: IndexState): void {
    this.zones.clear();
    for (const z of state.zones) {
      const zone = new Zone(z.name, z.serial, this.settings);
      for (const rrset of z.rrsets) zone.put(rrset);
      this.zones.set(z.name, zone);
    }
    for (const listener of this.listeners) listener(null);
  }
}

/** The parent of a name ("a.b.c" → "b.c"); null above the root. */
export function parent(name: string): string | null {
  if (name === "") return null;
  const i = name.indexOf(".");
  return i < 0 ? "" : name.slice(i + 1);
}

const absolute = (n: string) => (n.endsWith(".") ? n : n + ".").toLowerCase();
