// The reconciler (DESIGN.md §1): desired = the projection of every RRset row of a zone, actual =
// what the backend serves; the plan between them repairs any drift, including edits made behind
// our back. A plan that deletes a large share of the zone is refused unless forced: that shape
// is what a wrong database or a wrong zone looks like.
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockNames, readState } from "./outbox/claim";
import { computeChanges } from "./plan";
import { projectRRsets, type HostStatus, type Sinkhole } from "./publish";
import type { Change, DnsProvider, RRset, RRType } from "./types";

export type ReconcileOptions = {
  db: Db;
  provider: DnsProvider;
  zone: string;
  sinkhole: Sinkhole;
  dryRun?: boolean;
  force?: boolean;
  /** Refuse when deletes exceed this share of the rrsets the backend holds (default 0.1)… */
  maxDeleteShare?: number;
  /** …and this many (default 5), so that tiny zones can still lose a stray record. */
  deleteAllowance?: number;
};

export type ReconcileResult = {
  zone: string;
  changes: Change[];
  counts: { create: number; update: number; delete: number };
  /** Set when the plan deletes too much: why it was (or, in a dry run, would be) refused. */
  refused: string | null;
  applied: boolean;
};

/** Thrown instead of applying a plan that deletes too much; `result` holds the plan. */
export class ReconcileRefusedError extends AppError {
  constructor(readonly result: ReconcileResult) {
    super("CONFLICT", result.refused!);
  }
}

const NAMES_PER_LOCK = 500;

/** The zone's desired rrsets: the projection of its RRset rows through their hosts' status. */
export async function desiredRRsets(db: Db, zoneName: string, sinkhole: Sinkhole): Promise<RRset[]> {
  const zone = await db.zone.findUnique({ where: { name: zoneName }, select: { id: true } });
  if (!zone) throw new AppError("NOT_FOUND", `zone ${zoneName} does not exist`);
  const [rows, hosts] = await Promise.all([
    db.rRset.findMany({ where: { zoneId: zone.id }, select: { name: true, type: true, ttl: true, records: true, hostId: true } }),
    db.host.findMany({ where: { zoneId: zone.id }, select: { id: true, fqdn: true, status: true } }),
  ]);
  const published = projectRRsets(rows, hosts as { id: string; fqdn: string; status: HostStatus }[], sinkhole);
  return published.filter((r) => r.type !== "SOA" && !(r.type === "NS" && r.name === zoneName));
}

/** reconcile — plans desired vs actual for one zone and applies it unless dryRun (or refused). */
export async function reconcile(opts: ReconcileOptions): Promise<ReconcileResult> {
  const { db, provider, zone } = opts;
  const desired = await desiredRRsets(db, zone, opts.sinkhole);
  const actual = await provider.listRRsets(zone);
  const changes = computeChanges(actual, desired);
  const counts = { create: 0, update: 0, delete: 0 };
  for (const c of changes) counts[c.kind]++;
  const limit = Math.max(opts.deleteAllowance ?? 5, Math.floor((opts.maxDeleteShare ?? 0.1) * actual.length));
  const refused =
    counts.delete > limit
      ? `reconcile of ${zone} would delete ${counts.delete} of the ${actual.length} rrsets the DNS backend holds (more than ${limit}); ` +
        `check that this is the right database, then run it again with --force`
      : null;
  const result: ReconcileResult = { zone, changes, counts, refused, applied: false };
  if (opts.dryRun || changes.length === 0) return result;
  if (refused && !opts.force) throw new ReconcileRefusedError(result);
  const before = new Map(actual.map((r) => [`${r.name}\u0000${r.type}`, r]));
  const names = [...new Set(changes.map((c) => (c.kind === "delete" ? c.before.name : c.after.name)))];
  for (let i = 0; i < names.length; i += NAMES_PER_LOCK) {
    await applyFresh(db, provider, zone, names.slice(i, i + NAMES_PER_LOCK), before, changes, opts.sinkhole);
  }
  return { ...result, applied: true };
}

// Push the planned rrsets at `names`, re-reading their state under the dispatcher's publish lock,
// so that the reconciler never pushes an older state over a newer one the dispatcher just sent.
async function applyFresh(db: Db, provider: DnsProvider, zone: string, names: string[], before: Map<string, RRset>, changes: Change[], sinkhole: Sinkhole) {
  const wanted = new Set(names);
  const keys = changes
    .map((c) => (c.kind === "delete" ? c.before : c.after))
    .filter((r) => wanted.has(r.name))
    .map((r) => ({ name: r.name, type: r.type as RRType }));
  await db.$transaction(
    async (tx) => {
      await lockNames(tx, names);
      const { rows, hosts } = await readState(tx, names);
      const fresh = new Map(projectRRsets(rows, hosts, sinkhole).map((r) => [`${r.name}\u0000${r.type}`, r]));
      const out: Change[] = keys.map(({ name, type }) => {
        const k = `${name}\u0000${type}`;
        const after = fresh.get(k);
        const old = before.get(k);
        if (!after) return { kind: "delete", before: old ?? { name, type, ttl: 0, records: [] } };
        return old ? { kind: "update", before: old, after } : { kind: "create", after };
      });
      out.sort((a, b) => Number(b.kind === "delete") - Number(a.kind === "delete"));
      await provider.apply(zone, out);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
