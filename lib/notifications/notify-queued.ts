// notifyQueued — the worker's half of the update path's notifications. The UpdateEvent writer
// queues what a user is owed (ip_changed, update_failed) in NotificationQueue, in the statement
// that writes the events (and createClientBlock queues "blocked" with the block); here a worker claims the oldest rows (SKIP LOCKED: several workers never
// take the same row), notifies through notifyUser (mail preference + signed webhooks) and deletes
// them in the same transaction. A crash before the commit leaves the rows for the next run.
import { explainUpdate } from "@/lib/updates/reasons";
import type { Db } from "@/lib/db";
import type { AddressChange } from "@/lib/updates/events/types";
import { notifyAddressesChanged, notifyClientBlocked, notifyUpdateFailed } from "./host-events";

type Payload = {
  hostId: string; fqdn: string; result: string; reason: string | null; sourceIp: string; changes: AddressChange[] | null; at: string;
  credential: string; until: string;
};
type Row = { id: bigint; userId: string; kind: string; payload: Payload };

export type NotifyQueuedResult = { claimed: number; mailed: number; webhooks: number };

export async function notifyQueued(client: Db, args: { now?: Date; limit?: number } = {}): Promise<NotifyQueuedResult> {
  return client.$transaction(
    async (tx) => {
      const rows = await tx.$queryRawUnsafe<Row[]>(
        `SELECT "id", "userId"::text AS "userId", "kind", "payload" FROM "NotificationQueue" ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        args.limit ?? 100,
      );
      const out: NotifyQueuedResult = { claimed: rows.length, mailed: 0, webhooks: 0 };
      for (const { userId, kind, payload: p } of rows) {
        const r =
          kind === "ip_changed"
            ? await notifyAddressesChanged(tx, { userId, hostId: p.hostId, fqdn: p.fqdn, changes: p.changes ?? [], sourceIp: p.sourceIp, now: args.now })
            : kind === "update_failed"
              ? await notifyUpdateFailed(tx, { userId, fqdn: p.fqdn, result: p.result, reason: explainUpdate(p.result, p.reason) ?? p.result, sourceIp: p.sourceIp, now: args.now })
              : kind === "blocked"
                ? await notifyClientBlocked(tx, { userId, credential: p.credential, until: new Date(p.until), reason: (explainUpdate("abuse", p.reason) ?? "blocked").replace(/\.$/, "") })
                : { mailed: false, webhooks: 0 };
        out.mailed += Number(r.mailed);
        out.webhooks += r.webhooks;
      }
      if (rows.length) await tx.$executeRawUnsafe(`DELETE FROM "NotificationQueue" WHERE "id" = ANY($1::bigint[])`, rows.map((r) => r.id.toString()));
      return out;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
