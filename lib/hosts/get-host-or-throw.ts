// Tenancy-enforcing host lookup (STYLE.md §3): another user's host is "not found", exactly like a
// host that does not exist, so names and ids never leak across accounts.
import { db as defaultDb, type Db, type Tx } from "@/lib/db";
import { normalizeFqdn } from "@/lib/dns/names";
import { AppError } from "@/lib/errors";

export type HostWithZone = NonNullable<Awaited<ReturnType<typeof findHost>>>;

function findHost(client: Db | Tx, where: { id: string } | { fqdn: string }) {
  return client.host.findUnique({ where, include: { zone: { select: { id: true, name: true } } } });
}

const notFound = () => new AppError("NOT_FOUND", "Host not found.");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** getHostOrThrow — the host by id or FQDN; NOT_FOUND unless it belongs to `userId` (null: any owner, for privileged callers). */
export async function getHostOrThrow(args: { id?: string; fqdn?: string; userId: string | null; client?: Db | Tx }): Promise<HostWithZone> {
  const client = args.client ?? defaultDb();
  let where: { id: string } | { fqdn: string };
  if (args.id !== undefined) {
    if (!UUID.test(args.id)) throw notFound();
    where = { id: args.id };
  } else if (args.fqdn !== undefined) {
    const name = normalizeFqdn(args.fqdn);
    if (!name.ok) throw notFound();
    where = { fqdn: name.value };
  } else {
    throw new AppError("BAD_REQUEST", "Which host? Give its id or its name.");
  }
  const host = await findHost(client, where);
  if (!host || (args.userId !== null && host.ownerId !== args.userId)) throw notFound();
  return host;
}
