// listClientBlocks / countActiveClientBlocks — the owner's view of their client blocks.
import type { Db } from "@/lib/db";

/** The user's blocks, newest first; `active` ones still refuse updates. */
export async function listClientBlocks(client: Db, args: { userId: string }) {
  const rows = await client.clientBlock.findMany({ where: { userId: args.userId }, orderBy: { createdAt: "desc" }, take: 100 });
  const now = Date.now();
  return rows.map((r) => ({ ...r, active: r.liftedAt === null && r.expiresAt.getTime() > now }));
}

/** How many of the user's blocks still refuse updates (for the dashboard's warning). */
export async function countActiveClientBlocks(client: Db, args: { userId: string }): Promise<number> {
  return client.clientBlock.count({ where: { userId: args.userId, liftedAt: null, expiresAt: { gt: new Date() } } });
}
