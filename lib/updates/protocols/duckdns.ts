// The DuckDNS protocol: GET /update?domains=a,b&token=T[&ip=][&ipv6=][&txt=][&clear=true][&verbose=true]
// and GET /update/<name>/<token>[/<ip>]. Answers OK or KO (verbose: OK\n<ipv4>\n<ipv6>\nUPDATED|NOCHANGE,
// or OK\n<txt>\nUPDATED|NOCHANGE for TXT). Names are FQDNs or bare labels of the token owner's hosts.
// Only update keys authenticate here (there is no account password in this protocol).
import { agentVerdict } from "@/lib/updates/policy/agent-policy";
import { spendThrottled } from "@/lib/updates/policy/agent-throttle";
import { authenticate } from "@/lib/updates/authenticate";
import { textAnswer, type Answer } from "@/lib/updates/protocols/codes";
import { parseAddress } from "@/lib/updates/ip";
import type { IpIntent } from "@/lib/updates/protocols/params";
import { MAX_HOSTS } from "@/lib/updates/protocols/params";
import type { UpdateIntent } from "@/lib/updates/plan-update";
import { recordHosts, recordRequest, type EventBase } from "@/lib/updates/events/record";
import { redactParams, redactPath } from "@/lib/updates/protocols/redact";
import type { RequestInfo } from "@/lib/updates/protocols/request-info";
import { runUpdate } from "@/lib/updates/run-update";
import type { InvalidField, UpdateReason } from "@/lib/updates/reasons";

export type DuckPath = { name: string; token: string; ip?: string };

type Intent = { intent: UpdateIntent; invalid?: { field: InvalidField; value: string } };

function intentOf(q: URLSearchParams, pathIp: string | undefined): Intent {
  const clear = (q.get("clear") ?? "").toLowerCase() === "true";
  const txt = q.get("txt");
  if (txt !== null) return { intent: { v4: { kind: "keep" }, v6: { kind: "keep" }, txt: clear ? "" : txt } };
  if (clear) return { intent: { v4: { kind: "delete" }, v6: { kind: "delete" } } };
  let v4: IpIntent = { kind: "auto" };
  let v6: IpIntent = { kind: "auto" };
  let invalid: Intent["invalid"];
  const ip = (pathIp ?? q.get("ip") ?? "").trim();
  if (ip !== "") {
    const a = parseAddress(ip);
    if (!a) invalid = { field: "ip", value: ip.slice(0, 100) };
    else if (a.family === 4) [v4, v6] = [{ kind: "set", ip: a.ip }, { kind: "keep" }];
    else [v4, v6] = [{ kind: "keep" }, { kind: "set", ip: a.ip }];
  }
  const ipv6 = (q.get("ipv6") ?? "").trim();
  if (ipv6 !== "") {
    const a = parseAddress(ipv6);
    if (!a || a.family !== 6) invalid ??= { field: "ipv6", value: ipv6.slice(0, 100) };
    else v6 = { kind: "set", ip: a.ip };
  }
  return { intent: { v4, v6 }, invalid };
}

/** Answers one DuckDNS request. Never throws. */
export async function handleDuckDns(info: RequestInfo, path?: DuckPath): Promise<Answer> {
  const token = path?.token ?? info.query.get("token") ?? "";
  const base: EventBase = { protocol: "duckdns", info, params: redactParams(info.query, [token]), principal: null };
  if (path) base.params.path = redactPath(info.path, token);
  const verbose = (info.query.get("verbose") ?? "").toLowerCase() === "true";
  const ko = (reason: UpdateReason, status = 200, headers: Record<string, string> = {}) => {
    recordRequest(base, "KO", reason);
    return textAnswer("KO", status, headers);
  };
  try {
    const verdict = await agentVerdict(info.userAgent ?? undefined);
    if (verdict.action === "BLOCK") return ko(verdict.reason ?? "agent_blocked");
    if (!token) return ko("no_credentials");
    const auth = await authenticate({ username: "", password: token, source: "query" }, info.sourceIp, { allowPassword: false });
    if (!auth.ok) return ko(auth.reason);
    base.principal = auth.principal;
    if (verdict.action === "THROTTLE") {
      base.note = verdict.reason;
      const spent = spendThrottled(auth.principal.credential);
      if (!spent.ok) return ko(`throttled:${verdict.reason}`, 429, { "retry-after": String(spent.retryAfter) });
    }
    const names = (path?.name ?? info.query.get("domains") ?? "").split(",").map((d) => d.trim()).filter(Boolean);
    if (names.length === 0 || names.length > MAX_HOSTS) return ko(names.length ? "too_many_hosts" : "no_domains");
    const { intent, invalid } = intentOf(info.query, path?.ip);
    const outcome = await runUpdate({ names, bareLabels: true, intent, invalid, principal: auth.principal, sourceIp: info.sourceIp, userAgent: info.userAgent });
    recordHosts(base, outcome.results);
    const headers: Record<string, string> = outcome.retryAfter ? { "retry-after": String(outcome.retryAfter) } : {};
    if (!outcome.results.every((r) => r.code === "good" || r.code === "nochg")) return textAnswer("KO", outcome.status, headers);
    if (!verbose) return textAnswer("OK", 200, headers);
    const changed = outcome.results.some((r) => r.code === "good") ? "UPDATED" : "NOCHANGE";
    const first = outcome.results[0]!;
    const lines = intent.txt !== undefined ? ["OK", intent.txt, changed] : ["OK", first.v4 ?? "", first.v6 ?? "", changed];
    return textAnswer(lines.join("\n"), 200, headers);
  } catch (err) {
    console.error(`[updates] duckdns request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return ko("internal_error", 200, { "retry-after": "30" });
  }
}
