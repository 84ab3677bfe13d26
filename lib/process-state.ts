// State that must be ONE per process. The web process loads our modules twice: once through
// Next's server bundle (pages, server actions) and once through tsx (the machine router for
// /nic/update and /api/v1). Module-level maps would then exist twice, and a key revoked from the
// dashboard would stay cached on the update path. Caches and limits that must see each other's
// writes live here instead, keyed on globalThis by name.
const registry = Symbol.for("dynhost.process-state");

type Registry = Map<string, unknown>;

/** The process-wide value named `name`, created by `init` on first use. */
export function processState<T>(name: string, init: () => T): T {
  const g = globalThis as typeof globalThis & { [registry]?: Registry };
  const map = (g[registry] ??= new Map());
  if (!map.has(name)) map.set(name, init());
  return map.get(name) as T;
}
