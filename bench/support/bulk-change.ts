// A bulk change of many hosts' A records in ONE operation through THE write path (writeManyRRsets:
// one statement for all hosts, version bumps + outbox rows, one NOTIFY at commit), in one transaction. Until the abuse
// console's bulk suspension exists, this is the bulk operation the services offer.
import type { RRType } from "@/lib/dns/types";
import { writeManyRRsets } from "@/lib/dns/outbox/write-rrsets";
import type { BenchService } from "./service";

export type BulkHost = { id: string; fqdn: string; zoneId: string; zoneName: string };

/** The hosts whose label starts with `prefix`, in numeric label order. */
export async function loadBulkHosts(bs: BenchService, prefix: string): Promise<BulkHost[]> {
  return bs.db.$queryRawUnsafe<BulkHost[]>(
    `SELECT h."id", h."fqdn", h."zoneId", z."name" AS "zoneName" FROM "Host" h JOIN "Zone" z ON z."id" = h."zoneId"
      WHERE h."label" LIKE $1 ORDER BY length(h."label"), h."label"`,
    `${prefix}%`,
  );
}

/**
 * Sets host i's A rrset to `ip(i)` for every host in one transaction; resolves with how many changed.
 * `beforeCommit` runs after the writes, inside the transaction: the commit (and so the push to DNS)
 * waits for it.
 */
export async function bulkSetA(bs: BenchService, hosts: BulkHost[], ip: (i: number) => string, beforeCommit?: () => Promise<void>): Promise<number> {
  return bs.db.$transaction(
    async (tx) => {
      const writes = hosts.map((h, i) => ({ zoneId: h.zoneId, zoneName: h.zoneName, hostId: h.id, rrsets: [{ name: h.fqdn, type: "A" as RRType, ttl: 60, records: [ip(i)] }] }));
      const { changed } = await writeManyRRsets(tx, writes);
      await beforeCommit?.();
      return changed.length;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
