// The caller's host for a page under /hosts/[id], with its rrsets: another user's host, a host
// that does not exist and a malformed id are all the same 404 (getHostOrThrow).
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import type { HostStatus, RRsetState } from "@/components/hosts/host-state";

/** The host (or notFound()) and every rrset it owns (its name, its wildcard, _acme-challenge). */
export async function ownHostOrNotFound(userId: string, id: string) {
  const host = await getHostOrThrow({ id, userId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const rrsets: RRsetState[] = await db().rRset.findMany({
    where: { hostId: host.id },
    orderBy: [{ name: "asc" }, { type: "asc" }],
    select: { name: true, type: true, ttl: true, records: true, version: true, publishedVersion: true },
  });
  return { host: { ...host, status: host.status as HostStatus }, rrsets };
}
