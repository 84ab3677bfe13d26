// A small in-process map whose entries expire after a fixed time; bounded so a flood of distinct
// keys cannot grow it without limit (it is simply cleared when full).
export class TtlCache<V> {
  private readonly map = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: () => number,
    private readonly maxEntries = 100_000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.until <= Date.now()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, ttlMs = this.ttlMs()): void {
    if (ttlMs <= 0) return;
    if (this.map.size >= this.maxEntries) this.map.clear();
    this.map.set(key, { value, until: Date.now() + ttlMs });
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  /** Drops every entry whose value matches. */
  deleteWhere(pred: (value: V) => boolean): void {
    for (const [k, v] of this.map) if (pred(v.value)) this.map.delete(k);
  }

  clear(): void {
    this.map.clear();
  }
}
