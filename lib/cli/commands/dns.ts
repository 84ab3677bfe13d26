// dns:reconcile and dns:failed — the operator's view of the DNS path: repair drift between the
// database and the DNS backend, and list (or requeue) outbox rows the dispatcher gave up on.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CliCommand } from "@/lib/cli/types";
import { listFailedOutbox, requeueFailedOutbox } from "@/lib/dns/outbox/failed";
import { providerFromEnv, sinkholeFromEnv } from "@/lib/dns/providers/index";
import { reconcile, ReconcileRefusedError } from "@/lib/dns/reconcile";
import type { Change, DnsProvider } from "@/lib/dns/types";
import { dataDir, env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// The configured provider; for the embedded server the control key is the one the supervisor keeps in DATA_DIR.
function cliProvider(): DnsProvider {
  const e = env();
  const keyFile = path.join(dataDir(), "dns-control-key");
  if (e.DNS_PROVIDER === "embedded" && !e.DNS_CONTROL_KEY && existsSync(keyFile)) {
    return providerFromEnv({ ...e, DNS_CONTROL_KEY: readFileSync(keyFile, "utf8").trim() });
  }
  return providerFromEnv(e);
}

const line = (c: Change) =>
  c.kind === "delete"
    ? `  - ${c.before.name} ${c.before.type} ${c.before.ttl} ${c.before.records.join(" , ")}`
    : `  ${c.kind === "create" ? "+" : "~"} ${c.after.name} ${c.after.type} ${c.after.ttl} ${c.after.records.join(" , ")}`;

export const dnsReconcile: CliCommand = {
  name: "dns:reconcile",
  usage: "dns:reconcile [--zone <zone>] [--dry-run] [--force]",
  summary: "compare the database with the DNS backend and repair the difference (--dry-run: only show it)",
  async run(args, ctx) {
    const only = typeof args.flags.zone === "string" ? args.flags.zone.toLowerCase().replace(/\.$/, "") : null;
    const zones = (await ctx.db.zone.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((z) => z.name);
    if (only && !zones.includes(only)) throw new AppError("NOT_FOUND", `zone ${only} does not exist`);
    const provider = cliProvider();
    let code = 0;
    for (const zone of only ? [only] : zones) {
      try {
        const r = await reconcile({ db: ctx.db, provider, zone, sinkhole: sinkholeFromEnv(), dryRun: args.flags["dry-run"] === true, force: args.flags.force === true });
        r.changes.forEach((c) => ctx.out(line(c)));
        const state = r.changes.length === 0 ? "in sync" : r.applied ? "applied" : r.refused ? `dry run; would be refused: ${r.refused}` : "dry run";
        ctx.out(`${zone}: ${r.counts.create} to create, ${r.counts.update} to update, ${r.counts.delete} to delete — ${state}`);
      } catch (e) {
        if (!(e instanceof ReconcileRefusedError)) throw e;
        e.result.changes.forEach((c) => ctx.out(line(c)));
        ctx.err(`${zone}: refused: ${e.message}`);
        code = 1;
      }
    }
    await provider.close?.();
    return code;
  },
};

export const dnsFailed: CliCommand = {
  name: "dns:failed",
  usage: "dns:failed [--all] [--retry]",
  summary: "list DNS changes the worker gave up on (--all: also those still retrying; --retry: queue them again)",
  async run(args, ctx) {
    const rows = await listFailedOutbox(ctx.db, { includeRetrying: args.flags.all === true });
    if (rows.length === 0) ctx.out("no failed DNS changes");
    for (const r of rows) {
      ctx.out(`${r.id}\t${r.status}\t${r.zone}\t${r.name} ${r.type} v${r.version}\t${r.attempts} attempts\t${r.lastError ?? ""}`);
    }
    if (args.flags.retry === true) ctx.out(`requeued ${await requeueFailedOutbox(ctx.db)} change(s)`);
    return 0;
  },
};
