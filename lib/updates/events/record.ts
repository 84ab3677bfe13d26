// Turns the outcome of one request into UpdateEvent rows (one per host line, or one for the request).
import type { Principal } from "@/lib/keys/principal";
import type { Dyndns2Code } from "@/lib/updates/protocols/codes";
import { recordUpdateEvent } from "@/lib/updates/events/update-events";
import type { RequestInfo } from "@/lib/updates/protocols/request-info";
import type { HostOutcome } from "@/lib/updates/run-update";
import type { UpdateReason } from "@/lib/updates/reasons";

export type EventBase = {
  protocol: string;
  info: RequestInfo;
  params: Record<string, string>;
  principal: Principal | null;
  /** Why the request was let through under watch (e.g. "agent_missing"), kept as the reason of successful lines. */
  note?: UpdateReason | null;
};

function common(b: EventBase) {
  return {
    userId: b.principal?.userId ?? null,
    keyId: b.principal?.keyId ?? null,
    protocol: b.protocol,
    sourceIp: b.info.sourceIp,
    userAgent: b.info.userAgent,
    params: b.params,
    latencyMs: Math.round(performance.now() - b.info.started),
    createdAt: new Date().toISOString(),
  };
}

/** One event for a request refused before any host was looked at. */
export function recordRequest(b: EventBase, result: Dyndns2Code | string, reason: UpdateReason | null): void {
  recordUpdateEvent({ ...common(b), hostId: null, fqdn: null, result, reason });
}

/** One event per host line. */
export function recordHosts(b: EventBase, results: HostOutcome[]): void {
  const c = common(b);
  for (const r of results) {
    const changes = r.code === "good" && r.changes?.length ? { changes: r.changes } : {};
    recordUpdateEvent({ ...c, hostId: r.host?.id ?? null, fqdn: r.host?.fqdn ?? r.name.slice(0, 253), result: r.code, reason: r.reason ?? b.note ?? null, ...changes });
  }
}
