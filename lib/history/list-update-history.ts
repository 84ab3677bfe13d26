// listUpdateHistory — a host's update requests, newest first, keyset-paginated on (createdAt, id).
import type { Db } from "@/lib/db";
import type { AddressChange } from "@/lib/updates/events/types";
import { decodeCursor, encodeCursor, invalidCursor } from "@/lib/pagination/cursor";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";

export const HISTORY_PAGE_MAX = 200;

export type UpdateHistoryItem = {
  id: string;
  at: Date;
  protocol: string;
  sourceIp: string;
  userAgent: string | null;
  params: unknown;
  result: string;
  /** A plain-language explanation for nochg, abuse, badauth and other non-good results. */
  reason: string | null;
  latencyMs: number;
  /** What a "good" update changed at the host (A/AAAA, before and after); null otherwise. */
  changes: AddressChange[] | null;
};

export type UpdateHistoryPage = { items: UpdateHistoryItem[]; nextCursor: string | null };

function historyCursor(cursor: string): { at: Date; id: bigint } {
  const [at, id] = decodeCursor(cursor, ["string", "string"] as const);
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !/^\d{1,19}$/.test(id)) throw invalidCursor();
  return { at: date, id: BigInt(id) };
}

/** One page of the owner's host history; NOT_FOUND for other users' hosts. `limit` 1–200, default 50. */
export async function listUpdateHistory(
  client: Db,
  args: { userId: string; hostId: string; cursor?: string | null; limit?: number },
): Promise<UpdateHistoryPage> {
  const host = await getHostOrThrow({ id: args.hostId, userId: args.userId, client });
  const limit = Math.min(Math.max(args.limit ?? 50, 1), HISTORY_PAGE_MAX);
  const after = args.cursor ? historyCursor(args.cursor) : null;
  const rows = await client.updateEvent.findMany({
    where: {
      hostId: host.id,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: { id: true, createdAt: true, protocol: true, sourceIp: true, userAgent: true, params: true, result: true, reason: true, latencyMs: true, changes: true },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      at: r.createdAt,
      protocol: r.protocol,
      sourceIp: r.sourceIp,
      userAgent: r.userAgent,
      params: r.params,
      result: r.result,
      reason: r.reason,
      latencyMs: r.latencyMs,
      changes: (r.changes as AddressChange[] | null) ?? null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id.toString()]) : null,
  };
}
