// What one update request means for one host: the rrsets to write (only those that differ) and
// the addresses to echo. Pure; protocol-agnostic (dyndns2 and DuckDNS both build an UpdateIntent).
import { canonicalName, canonicalRecord, RdataError } from "@/lib/dns/rdata";
import type { RRset, RRType } from "@/lib/dns/types";
import type { RRsetWrite } from "@/lib/dns/outbox/write-rrsets";
import type { Principal } from "@/lib/keys/principal";
import { applyPrefix, parseAddress } from "@/lib/updates/ip";
import type { IpIntent } from "@/lib/updates/protocols/params";
import type { HostState } from "@/lib/updates/load-hosts";
import type { UpdateReason } from "@/lib/updates/reasons";

export type UpdateIntent = {
  v4: IpIntent;
  v6: IpIntent;
  offline?: boolean;
  txt?: string;
  wildcard?: "ON" | "OFF";
  mx?: string;
  backmx?: boolean;
};

export type HostPlan =
  | { ok: true; writes: RRsetWrite[]; v4?: string; v6?: string }
  | { ok: false; code: "!donator" | "badauth" | "notfqdn"; reason: UpdateReason };

const MAX_TXT = 1024;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function resolve(intent: IpIntent, family: 4 | 6, sourceIp: string, allowed: boolean, current: string[]): string[] | undefined | null {
  switch (intent.kind) {
    case "keep":
      return undefined;
    case "delete":
      return [];
    case "set":
      return [intent.ip];
    case "prefix": {
      const out = (current.length ? current : [undefined]).map((c) => applyPrefix(intent.prefix, c));
      return out.every((ip): ip is string => ip !== null) ? [...new Set(out)] : null;
    }
    case "auto": {
      const src = parseAddress(sourceIp);
      return src && src.family === family && allowed ? [src.ip] : undefined;
    }
  }
}

/** The plan for `host`. MUST only be called for hosts the principal may update. */
export function planHostUpdate(host: HostState, intent: UpdateIntent, p: Principal, opts: { sourceIp: string; defaultTtl: number }): HostPlan {
  const find = (name: string, type: RRType): RRset | undefined => host.rrsets.find((r) => r.name === name && r.type === type);
  const records = (name: string, type: RRType) => [...(find(name, type)?.records ?? [])].sort();
  const fqdn = host.fqdn;
  const ttl = find(fqdn, "A")?.ttl ?? find(fqdn, "AAAA")?.ttl ?? Math.max(p.plan.minTtl, opts.defaultTtl);
  const writes: RRsetWrite[] = [];
  const want = (name: string, type: RRType, next: string[]) => {
    const sorted = [...new Set(next)].sort();
    if (!same(sorted, records(name, type))) writes.push({ name, type, ttl: find(name, type)?.ttl ?? ttl, records: sorted });
  };

  let { v4, v6 } = intent;
  if (intent.offline !== undefined) {
    if (!p.plan.features.has("offline")) return { ok: false, code: "!donator", reason: "plan_lacks_offline" };
    if (intent.offline) v4 = v6 = { kind: "delete" };
  }
  const curA = records(fqdn, "A");
  const curAAAA = records(fqdn, "AAAA");
  const newA = resolve(v4, 4, opts.sourceIp, p.recordTypes.has("A"), curA);
  const newAAAA = resolve(v6, 6, opts.sourceIp, p.recordTypes.has("AAAA"), curAAAA);
  if (newAAAA === null || newA === null) return { ok: false, code: "notfqdn", reason: "invalid_prefix" };
  if ((newA && !p.recordTypes.has("A")) || (newAAAA && !p.recordTypes.has("AAAA"))) {
    return { ok: false, code: "badauth", reason: "key_scope" };
  }
  if (newA) want(fqdn, "A", newA);
  if (newAAAA) want(fqdn, "AAAA", newAAAA);
  const finalA = newA ?? curA;
  const finalAAAA = newAAAA ?? curAAAA;

  if (p.plan.features.has("wildcard")) {
    // The wildcard follows the host only while it mirrors it (made by wildcard=ON); a wildcard
    // with other values (set in the dashboard) is never touched by wildcard=OFF or by following.
    const star = `*.${fqdn}`;
    const starA = records(star, "A");
    const starAAAA = records(star, "AAAA");
    const mirrors = starA.length + starAAAA.length > 0 && same(starA, curA) && same(starAAAA, curAAAA);
    if (intent.wildcard === "ON" || (mirrors && intent.wildcard === undefined)) {
      want(star, "A", finalA);
      want(star, "AAAA", finalAAAA);
    } else if (intent.wildcard === "OFF" && mirrors) {
      want(star, "A", []);
      want(star, "AAAA", []);
    }
  }

  if (intent.mx !== undefined && p.plan.features.has("mx") && p.recordTypes.has("MX")) {
    const target = intent.mx === "" ? "" : canonicalName(intent.mx, false);
    if (target === null) return { ok: false, code: "notfqdn", reason: "invalid_mx" };
    want(fqdn, "MX", target === "" ? [] : intent.backmx ? [`5 ${fqdn}.`, `10 ${target}`] : [`10 ${target}`]);
  }

  if (intent.txt !== undefined) {
    if (!p.plan.recordTypes.has("TXT") || !p.plan.features.has("txt_api")) return { ok: false, code: "!donator", reason: "plan_lacks_txt" };
    if (!p.recordTypes.has("TXT")) return { ok: false, code: "badauth", reason: "key_scope" };
    if (intent.txt.length > MAX_TXT) return { ok: false, code: "notfqdn", reason: "invalid_txt" };
    let value: string[] = [];
    try {
      if (intent.txt !== "") value = [canonicalRecord("TXT", intent.txt)];
    } catch (e) {
      if (e instanceof RdataError) return { ok: false, code: "notfqdn", reason: "invalid_txt" };
      throw e;
    }
    want(`_acme-challenge.${fqdn}`, "TXT", value);
  }

  return { ok: true, writes, v4: finalA[0], v6: finalAAAA[0] };
}
