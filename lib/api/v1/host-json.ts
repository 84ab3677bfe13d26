// JSON shapes of hosts and rrsets in v1 answers (dates as ISO strings).
import type { Db } from "@/lib/db";
import type { RRType } from "@/lib/dns/types";
import type { Actor } from "@/lib/hosts/actor";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import type { HostSummary } from "./list-hosts-page";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function hostSummaryJson(h: HostSummary) {
  return { id: h.id, fqdn: h.fqdn, status: h.status as "ACTIVE", lastUpdateAt: iso(h.lastUpdateAt), expiresAt: iso(h.expiresAt), createdAt: h.createdAt.toISOString() };
}

type RRsetRow = { type: RRType; ttl: number; records: string[]; version: bigint; publishedVersion: bigint };

export function rrsetJson(r: RRsetRow) {
  return { type: r.type, ttl: r.ttl, records: r.records, live: r.publishedVersion >= r.version };
}

/** The host's non-empty rrsets at its own name, by type. */
export function hostRRsets(client: Db, host: { id: string; fqdn: string }) {
  return client.rRset.findMany({
    where: { hostId: host.id, name: host.fqdn, NOT: { records: { isEmpty: true } } },
    orderBy: { type: "asc" },
    select: { type: true, ttl: true, records: true, version: true, publishedVersion: true },
  });
}

/** API callers act as plain users: a token never carries staff powers, whoever owns it. */
export function apiActor(userId: string, headers: { header(name: string): string | undefined }): Actor {
  return { userId, role: "USER", ip: headers.header(CLIENT_IP_HEADER) ?? null };
}
