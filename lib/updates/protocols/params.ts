// dyndns2 query parameters → what the client asked for, per address family. Pure. Quirks honoured:
// an empty `myip=` is the same as none (inadyn), unsubstituted router placeholders (`<ipaddr>`) are
// ignored, `myip` may carry "v4,v6" in either order, an empty `myipv4=`/`myipv6=` deletes that family,
// `preserve` keeps it, and `myipv6` may be a prefix.
import { parseAddress, parsePrefix6, type Prefix6 } from "@/lib/updates/ip";
import type { InvalidField } from "@/lib/updates/reasons";

/** What to do with one family's records. "auto": the connection's address if it is of this family, else keep. */
export type IpIntent =
  | { kind: "auto" }
  | { kind: "keep" }
  | { kind: "delete" }
  | { kind: "set"; ip: string }
  | { kind: "prefix"; prefix: Prefix6 };

export type Dyndns2Params = {
  hostnames: string[];
  v4: IpIntent;
  v6: IpIntent;
  offline?: boolean;
  /** undefined: not given; "" deletes the _acme-challenge TXT. */
  txt?: string;
  wildcard?: "ON" | "OFF";
  /** undefined: not given, empty or NOCHG; "" (sent as mx=NO) deletes the MX. */
  mx?: string;
  backmx: boolean;
  /** The first parameter that cannot be used, answered `notfqdn` for every host. */
  invalid?: { field: InvalidField; value: string };
};

export const MAX_HOSTS = 20;

const isPlaceholder = (v: string) => /^<[^>]*>$/.test(v.trim()) || /^%[a-z]$/i.test(v.trim());

// The value of a parameter, or undefined when absent; repeated parameters are joined with commas.
function get(q: URLSearchParams, name: string): string | undefined {
  const all = q.getAll(name);
  return all.length === 0 ? undefined : all.join(",");
}

function familyIntent(raw: string, family: 4 | 6): IpIntent | "invalid" {
  const v = raw.trim();
  if (v === "") return { kind: "delete" };
  if (v.toLowerCase() === "preserve" || isPlaceholder(v)) return { kind: "keep" };
  if (family === 6 && v.includes("/")) {
    const prefix = parsePrefix6(v);
    return prefix ? { kind: "prefix", prefix } : "invalid";
  }
  const a = parseAddress(v);
  return a && a.family === family ? { kind: "set", ip: a.ip } : "invalid";
}

/** Parses a dyndns2 request's parameters (query string or form body). Never throws. */
export function parseDyndns2(q: URLSearchParams): Dyndns2Params {
  const out: Dyndns2Params = {
    hostnames: (get(q, "hostname") ?? "").split(",").map((h) => h.trim()).filter((h) => h !== ""),
    v4: { kind: "auto" },
    v6: { kind: "auto" },
    backmx: (get(q, "backmx") ?? "").toUpperCase() === "YES",
  };
  const fail = (field: InvalidField, value: string) => {
    out.invalid ??= { field, value: value.slice(0, 100) };
  };
  const myip = get(q, "myip");
  const values = (myip ?? "").split(",").map((v) => v.trim()).filter((v) => v !== "" && !isPlaceholder(v));
  if (values.length > 0) {
    out.v4 = { kind: "keep" };
    out.v6 = { kind: "keep" };
    for (const v of values) {
      if (v.includes("/")) {
        const prefix = parsePrefix6(v);
        if (prefix) out.v6 = { kind: "prefix", prefix };
        else fail("myip", v);
        continue;
      }
      const a = parseAddress(v);
      if (!a) fail("myip", v);
      else if (a.family === 4) out.v4 = { kind: "set", ip: a.ip };
      else out.v6 = { kind: "set", ip: a.ip };
    }
  }
  for (const [name, family] of [["myipv4", 4], ["myipv6", 6]] as const) {
    const raw = get(q, name);
    if (raw === undefined) continue;
    const intent = familyIntent(raw, family);
    if (intent === "invalid") fail(name, raw);
    else if (family === 4) out.v4 = intent;
    else out.v6 = intent;
  }
  const txt = get(q, "txt");
  if (txt !== undefined) {
    out.txt = txt;
    const explicit = values.length > 0 || q.has("myipv4") || q.has("myipv6");
    if (!explicit) {
      out.v4 = { kind: "keep" };
      out.v6 = { kind: "keep" };
    }
  }
  const offline = (get(q, "offline") ?? "").toUpperCase();
  if (offline === "YES") out.offline = true;
  else if (offline === "NO") out.offline = false;
  const wildcard = (get(q, "wildcard") ?? "").toUpperCase();
  if (wildcard === "ON" || wildcard === "OFF") out.wildcard = wildcard;
  const mx = get(q, "mx");
  // An empty mx= (pfSense sends one when no MX is configured) changes nothing; mx=NO removes the MX.
  if (mx !== undefined && mx.trim() !== "" && mx.toUpperCase() !== "NOCHG" && !isPlaceholder(mx)) out.mx = mx.trim().toUpperCase() === "NO" ? "" : mx.trim();
  return out;
}
