// The dyndns2 protocol (Dyn, No-IP variant; DESIGN.md §4): credentials → agent policy → principal
// → hosts → one text/plain answer, HTTP 200 for every code, one line per host in request order,
// request-level errors once. Missing credentials: 401 + WWW-Authenticate. All-throttled: 429.
import { isAppError } from "@/lib/errors";
import { agentVerdict } from "@/lib/updates/policy/agent-policy";
import { spendThrottled } from "@/lib/updates/policy/agent-throttle";
import { authenticate } from "@/lib/updates/authenticate";
import { resultLine, textAnswer, type Answer, type Dyndns2Code } from "@/lib/updates/protocols/codes";
import { parseCredentials } from "@/lib/updates/protocols/credentials";
import { MAX_HOSTS, parseDyndns2 } from "@/lib/updates/protocols/params";
import { recordHosts, recordRequest, type EventBase } from "@/lib/updates/events/record";
import { redactParams } from "@/lib/updates/protocols/redact";
import type { RequestInfo } from "@/lib/updates/protocols/request-info";
import { runUpdate } from "@/lib/updates/run-update";
import type { UpdateReason } from "@/lib/updates/reasons";

export const REALM = 'Basic realm="dynhost"';

/** Answers one dyndns2 request (GET or POST /nic/update, /v3/update). Never throws. */
export async function handleDyndns2(info: RequestInfo): Promise<Answer> {
  const creds = parseCredentials(info.authorization, info.query);
  const base: EventBase = { protocol: "dyndns2", info, params: redactParams(info.query, creds ? [creds.password] : []), principal: null };
  const once = (code: Dyndns2Code, reason: UpdateReason | null, status = 200, headers: Record<string, string> = {}) => {
    recordRequest(base, code, reason);
    return textAnswer(code, status, headers);
  };
  try {
    if (!creds) return once("badauth", "no_credentials", 401, { "www-authenticate": REALM });
    const verdict = await agentVerdict(info.userAgent ?? undefined);
    if (verdict.action === "BLOCK") return once("badagent", verdict.reason);
    const auth = await authenticate(creds, info.sourceIp);
    if (!auth.ok) return once("badauth", auth.reason);
    base.principal = auth.principal;
    if (verdict.action === "THROTTLE") {
      base.note = verdict.reason;
      const spent = spendThrottled(auth.principal.credential);
      if (!spent.ok) return once("abuse", `throttled:${verdict.reason}`, 429, { "retry-after": String(spent.retryAfter) });
    }
    const params = parseDyndns2(info.query);
    if (params.hostnames.length === 0) return once("notfqdn", "no_hostname");
    if (params.hostnames.length > MAX_HOSTS) return once("numhost", "too_many_hosts");
    const outcome = await runUpdate({
      names: params.hostnames,
      bareLabels: false,
      intent: params,
      invalid: params.invalid,
      principal: auth.principal,
      sourceIp: info.sourceIp,
      userAgent: info.userAgent,
    });
    recordHosts(base, outcome.results);
    const body = outcome.results.map((r) => resultLine(r.code, r.v4, r.v6)).join("\n");
    return textAnswer(body, outcome.status, outcome.retryAfter ? { "retry-after": String(outcome.retryAfter) } : {});
  } catch (err) {
    if (isAppError(err) && err.code === "UNAVAILABLE") return once("911", "overloaded", 200, { "retry-after": String(err.retryAfter ?? 5) });
    console.error(`[updates] dyndns2 request failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return once("911", "internal_error", 200, { "retry-after": "30" });
  }
}
