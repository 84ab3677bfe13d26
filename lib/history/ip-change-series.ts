// ipChangeSeries — the addresses a host was updated to over time, for the dashboard's chart and
// the API: one point per successful changing update ("good"), per address family. The address is
// read from the request (myip/myipv4/myipv6, DuckDNS ip/ipv6), or the source address when the
// client let us take the connection's address.
import net from "node:net";
import type { Db } from "@/lib/db";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";

export type IpChangePoint = { at: Date; family: 4 | 6; ip: string };

const MAX_POINTS = 5000;

function addressesOf(params: Record<string, unknown>, result: string, sourceIp: string): { v4?: string; v6?: string } {
  const out: { v4?: string; v6?: string } = {};
  const put = (raw: unknown) => {
    if (typeof raw !== "string") return;
    for (const part of raw.split(",").map((s) => s.trim())) {
      if (net.isIPv4(part)) out.v4 ??= part;
      else if (net.isIPv6(part)) out.v6 ??= part.toLowerCase();
    }
  };
  put(result.split(" ")[1]);
  for (const k of ["myip", "myipv4", "myipv6", "ip", "ipv6"]) put(params[k]);
  if (!out.v4 && !out.v6) put(sourceIp);
  return out;
}

/** Points between `since` (default 30 days before `until`) and `until` (default now), oldest first; NOT_FOUND for other users' hosts. */
export async function ipChangeSeries(
  client: Db,
  args: { userId: string; hostId: string; since?: Date; until?: Date },
): Promise<{ points: IpChangePoint[]; truncated: boolean }> {
  const host = await getHostOrThrow({ id: args.hostId, userId: args.userId, client });
  const until = args.until ?? new Date();
  const since = args.since ?? new Date(until.getTime() - 30 * 86_400_000);
  const rows = await client.updateEvent.findMany({
    where: { hostId: host.id, createdAt: { gte: since, lte: until }, result: { startsWith: "good" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_POINTS + 1,
    select: { createdAt: true, params: true, result: true, sourceIp: true },
  });
  const points: IpChangePoint[] = [];
  for (const r of rows.slice(0, MAX_POINTS)) {
    const { v4, v6 } = addressesOf((r.params ?? {}) as Record<string, unknown>, r.result, r.sourceIp);
    if (v4) points.push({ at: r.createdAt, family: 4, ip: v4 });
    if (v6) points.push({ at: r.createdAt, family: 6, ip: v6 });
  }
  return { points, truncated: rows.length > MAX_POINTS };
}
