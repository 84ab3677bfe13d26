// The host list's data in two rounds of statements whatever the account size: one keyset page
// (listHostsPage), the owner's plan and host count and the open zones together, then one read of
// the page's rrsets for addresses and DNS state (no per-host queries).
import { db } from "@/lib/db";
import { listHostsPage, type HostSummary } from "@/lib/api/v1/list-hosts-page";
import { toUnicode } from "@/lib/dns/names";
import { isAppError } from "@/lib/errors";
import { dnsState, type DnsState, type HostStatus } from "@/components/hosts/host-state";

export const HOSTS_PER_PAGE = 50;

export type HostRow = HostSummary & { status: HostStatus; display: string; addresses: string[]; dns: DnsState };
export type HostsOverview = {
  rows: HostRow[];
  nextCursor: string | null;
  total: number;
  plan: { name: string; maxHosts: number };
  zones: string[];
};

type StateRow = { hostId: string; name: string; type: string; records: string[]; version: bigint; publishedVersion: bigint };
const STATE_SQL = `
SELECT "hostId"::text AS "hostId", "name", "type"::text AS "type", "records", "version", "publishedVersion"
  FROM "RRset" WHERE "hostId" = ANY($1::uuid[])`;

/** One page of the user's hosts (a cursor that is not ours shows the first page). */
export async function loadHostsOverview(userId: string, cursor: string | null): Promise<HostsOverview> {
  const client = db();
  const firstPage = () => listHostsPage(client, { userId, limit: HOSTS_PER_PAGE });
  const [page, user, total, zones] = await Promise.all([
    listHostsPage(client, { userId, cursor, limit: HOSTS_PER_PAGE }).catch((e: unknown) => (isAppError(e) && e.field === "cursor" ? firstPage() : Promise.reject(e))),
    client.user.findUniqueOrThrow({ where: { id: userId }, select: { plan: { select: { name: true, maxHosts: true } } } }),
    client.host.count({ where: { ownerId: userId } }),
    client.zone.findMany({ where: { acceptingRegistrations: true }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  const states = page.items.length ? await client.$queryRawUnsafe<StateRow[]>(STATE_SQL, page.items.map((h) => h.id)) : [];
  const byHost = new Map<string, StateRow[]>();
  for (const s of states) byHost.set(s.hostId, [...(byHost.get(s.hostId) ?? []), s]);
  const rows = page.items.map((h) => {
    const own = byHost.get(h.id) ?? [];
    const addresses = own.filter((r) => r.name === h.fqdn && (r.type === "A" || r.type === "AAAA")).flatMap((r) => r.records);
    return { ...h, status: h.status as HostStatus, display: toUnicode(h.fqdn), addresses, dns: dnsState(own) };
  });
  return { rows, nextCursor: page.nextCursor, total, plan: user.plan, zones: zones.map((z) => z.name) };
}
