// The protocol-independent update: resolve names to the principal's hosts, refuse blocked clients
// and hosts, plan each host, enforce the per-host change limit, apply all changes in ONE
// transaction, and note nochg storms. Our own failures (database down) answer 911 and never
// spend the user's rate-limit tokens or count as nochg.
import { db } from "@/lib/db";
import { normalizeFqdn, normalizeLabel } from "@/lib/dns/names";
import { env } from "@/lib/env";
import type { Principal } from "@/lib/keys/principal";
import { applyUpdates, type HostWrite } from "@/lib/updates/apply-updates";
import type { Dyndns2Code } from "@/lib/updates/protocols/codes";
import { loadHosts, type HostState } from "@/lib/updates/load-hosts";
import { localBlockUntil, noteChange, noteNochg } from "@/lib/updates/policy/nochg-guard";
import { planHostUpdate, type UpdateIntent } from "@/lib/updates/plan-update";
import { TokenBuckets } from "@/lib/rate-limit/token-buckets";
import type { AddressChange } from "@/lib/updates/events/types";
import type { InvalidField, UpdateReason } from "@/lib/updates/reasons";

export type HostOutcome = {
  name: string; host: HostState | null; code: Dyndns2Code; reason: UpdateReason | null; v4?: string; v6?: string; changes?: AddressChange[];
};
export type UpdateOutcome = { results: HostOutcome[]; status: 200 | 429; retryAfter?: number };

export type UpdateRequest = {
  names: string[];
  /** DuckDNS: a name without dots is one of the principal's host labels. */
  bareLabels: boolean;
  intent: UpdateIntent;
  invalid?: { field: InvalidField; value: string };
  principal: Principal;
  sourceIp: string;
  userAgent: string | null;
};

const BACKEND_RETRY_S = 30;
const hostBuckets = new TokenBuckets(() => ({ burst: env().UPDATE_HOST_BURST, refillMs: env().UPDATE_HOST_REFILL_S * 1000 }));

type Name = { name: string; fqdn?: string; label?: string };

function normalizeName(name: string, bareLabels: boolean): Name {
  if (name.length > 300) return { name: name.slice(0, 300) };
  if (bareLabels && !/[.\u3002\uff0e\uff61]/.test(name)) {
    const l = normalizeLabel(name);
    return l.ok ? { name, label: l.value } : { name };
  }
  const f = normalizeFqdn(name);
  return f.ok && f.value.includes(".") ? { name, fqdn: f.value } : { name };
}

function hostRefusal(host: HostState | undefined, p: Principal): { code: Dyndns2Code; reason: UpdateReason } | null {
  if (!host || host.ownerId !== p.userId || (p.hostId !== null && p.hostId !== host.id)) return { code: "nohost", reason: "no_such_host" };
  if (host.status === "SUSPENDED" || host.status === "SINKHOLED" || host.status === "FROZEN") return { code: "abuse", reason: `host_${host.status.toLowerCase() as Lowercase<typeof host.status>}` };
  if (host.status === "EXPIRED") return { code: "nohost", reason: "host_expired" };
  return null;
}

/** Runs one update request. Throws only on programming errors; database failures become 911. */
export async function runUpdate(req: UpdateRequest): Promise<UpdateOutcome> {
  const p = req.principal;
  const names = req.names.map((n) => normalizeName(n, req.bareLabels));
  let loaded;
  try {
    loaded = await loadHosts(db(), {
      fqdns: names.flatMap((n) => (n.fqdn ? [n.fqdn] : [])),
      labels: names.flatMap((n) => (n.label ? [n.label] : [])),
      credential: p.credential,
      ownerId: p.userId,
    });
  } catch (err) {
    console.error(`[updates] host lookup failed: ${(err as Error).message.split("\n")[0]}`);
    return { results: names.map((n) => ({ name: n.name, host: null, code: "911", reason: "backend_error" })), status: 200, retryAfter: BACKEND_RETRY_S };
  }
  const now = Date.now();
  const blockedUntil = Math.max(loaded.blockedUntil?.getTime() ?? 0, localBlockUntil(p.credential, now));
  if (blockedUntil > now) {
    const results = names.map((n): HostOutcome => ({ name: n.name, host: loaded.hosts.get(n.fqdn ?? n.label ?? "") ?? null, code: "abuse", reason: "client_blocked" }));
    return { results, status: 200, retryAfter: Math.ceil((blockedUntil - now) / 1000) };
  }

  const results: HostOutcome[] = [];
  const writes: HostWrite[] = [];
  let retryAfter = 0;
  for (const n of names) {
    const host = loaded.hosts.get(n.fqdn ?? n.label ?? "");
    if (!n.fqdn && !n.label) {
      results.push({ name: n.name, host: null, code: "notfqdn", reason: "invalid_name" });
      continue;
    }
    const refusal = hostRefusal(host, p);
    if (refusal || !host) {
      results.push({ name: n.name, host: refusal?.code === "nohost" ? null : (host ?? null), ...refusal! });
      continue;
    }
    if (req.invalid) {
      results.push({ name: n.name, host, code: "notfqdn", reason: `invalid_${req.invalid.field}` });
      continue;
    }
    const plan = planHostUpdate(host, req.intent, p, { sourceIp: req.sourceIp, defaultTtl: env().UPDATE_DEFAULT_TTL });
    if (!plan.ok) {
      results.push({ name: n.name, host, code: plan.code, reason: plan.reason });
      continue;
    }
    const outcome: HostOutcome = { name: n.name, host, code: "nochg", reason: null, v4: plan.v4, v6: plan.v6 };
    if (plan.writes.length > 0) {
      if (!hostBuckets.allows(host.id, now)) {
        retryAfter = Math.max(retryAfter, hostBuckets.retryAfter(host.id, now));
        results.push({ name: n.name, host, code: "abuse", reason: "rate_limited" });
        continue;
      }
      writes.push({ host, rrsets: plan.writes });
    }
    results.push(outcome);
  }

  if (writes.length > 0) {
    let changed: Set<string>;
    try {
      changed = await applyUpdates(db(), writes);
    } catch (err) {
      console.error(`[updates] update transaction failed: ${(err as Error).message.split("\n")[0]}`);
      const failed = new Set(writes.map((w) => w.host.id));
      for (const r of results) if (r.host && failed.has(r.host.id) && r.code === "nochg") Object.assign(r, { code: "911", reason: "backend_error" });
      return { results, status: 200, retryAfter: BACKEND_RETRY_S };
    }
    const counted = new Set<string>();
    for (const r of results) {
      if (r.code !== "nochg" || !r.host || !changed.has(r.host.id) || counted.has(r.host.id)) continue;
      counted.add(r.host.id);
      r.code = "good";
      r.changes = addressChanges(r.host, writes.find((w) => w.host.id === r.host!.id)!.rrsets);
      hostBuckets.take(r.host.id);
    }
  }

  const codes = results.map((r) => r.code);
  if (codes.includes("good")) noteChange(p.credential);
  else if (codes.length > 0 && codes.every((c) => c === "nochg")) noteNochg(p, { sourceIp: req.sourceIp, userAgent: req.userAgent });
  const allLimited = results.length > 0 && results.every((r) => r.reason === "rate_limited");
  return { results, status: allLimited ? 429 : 200, ...(retryAfter ? { retryAfter } : {}) };
}

function addressChanges(host: HostState, written: HostWrite["rrsets"]): AddressChange[] {
  const out: AddressChange[] = [];
  for (const type of ["A", "AAAA"] as const) {
    const w = written.find((r) => r.name === host.fqdn && r.type === type);
    if (!w) continue;
    const before = [...(host.rrsets.find((r) => r.name === host.fqdn && r.type === type)?.records ?? [])].sort();
    const after = [...new Set(w.records)].sort();
    if (before.join() !== after.join()) out.push({ type, before, after });
  }
  return out;
}

/** Forget every host's rate-limit state (tests). */
export function resetHostRateLimits(): void {
  hostBuckets.clear();
}
