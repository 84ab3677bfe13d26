// The reply cache. A change drops only the replies it can affect: those built from a changed name
// (its own rrsets, or a CNAME chain through it), plus every "volatile" reply — negative answers and
// SOA answers (they carry the serial), wildcard syntheses and referrals (any change nearby can alter
// them). A change of zones or delegations (NS) empties it. So frequent DDNS updates of a few names
// leave the other names' cached replies in place.

/** What a reply depends on: the names whose rrsets it was built from, or "volatile". */
export type Deps = string[] | "volatile";

export class PacketCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly byName = new Map<string, Set<string>>();
  private volatile = new Set<string>();

  constructor(private readonly max: number) {}

  get(key: string): Buffer | undefined {
    return this.entries.get(key);
  }

  set(key: string, reply: Buffer, deps: Deps): void {
    if (this.entries.size >= this.max) this.clear();
    this.entries.set(key, reply);
    if (deps === "volatile") {
      this.volatile.add(key);
      return;
    }
    for (const name of deps) {
      let keys = this.byName.get(name);
      if (!keys) this.byName.set(name, (keys = new Set()));
      keys.add(key);
    }
  }

  // Drop what a change of `names` can affect; null = everything.
  invalidate(names: Iterable<string> | null): void {
    if (names === null) return this.clear();
    for (const key of this.volatile) this.entries.delete(key);
    this.volatile = new Set();
    for (const name of names) {
      for (const key of this.byName.get(name) ?? []) this.entries.delete(key);
      this.byName.delete(name);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.byName.clear();
    this.volatile = new Set();
  }
}
