// listHostsPage — the owner's hosts in FQDN order, keyset-paginated on (ownerId, fqdn) so every
// page is one index range scan (Host_ownerId_fqdn_idx) whatever the table size. Only the listed
// columns are read.
import type { Db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/history/cursor";

export const HOSTS_PAGE_MAX = 200;

export type HostSummary = { id: string; fqdn: string; status: string; lastUpdateAt: Date | null; expiresAt: Date | null; createdAt: Date };

export async function listHostsPage(
  client: Db,
  args: { userId: string; cursor?: string | null; limit?: number },
): Promise<{ items: HostSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(args.limit ?? 50, 1), HOSTS_PAGE_MAX);
  const after = args.cursor ? decodeCursor(args.cursor, ["string"] as const)[0] : null;
  const rows = await client.host.findMany({
    where: { ownerId: args.userId, ...(after !== null ? { fqdn: { gt: after } } : {}) },
    orderBy: { fqdn: "asc" },
    take: limit + 1,
    select: { id: true, fqdn: true, status: true, lastUpdateAt: true, expiresAt: true, createdAt: true },
  });
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor([items.at(-1)!.fqdn]) : null };
}
