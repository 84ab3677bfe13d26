// zone:add <name>, zone:list — the shared zones users register hostnames under.
import { UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { addZone, listZones } from "@/lib/zones/add-zone";
import { CLI_ACTOR } from "@/lib/auth/actor";

export const zoneAdd: CliCommand = {
  name: "zone:add",
  usage: "zone:add <name>",
  summary: "add a shared zone (e.g. dyn.example)",
  async run(args, ctx) {
    const [name] = args.positional;
    if (!name) throw new UsageError("a zone name is required");
    const zone = await addZone(ctx.db, { name, actor: CLI_ACTOR });
    ctx.out(`added zone ${zone.name}`);
    return 0;
  },
};

export const zoneList: CliCommand = {
  name: "zone:list",
  usage: "zone:list",
  summary: "list zones with their host counts",
  async run(_args, ctx) {
    const zones = await listZones(ctx.db);
    if (zones.length === 0) ctx.out("no zones");
    for (const z of zones) ctx.out(`${z.name}\t${z.kind}\t${z.accepting ? "open" : "closed"}\t${z.hosts} hosts`);
    return 0;
  },
};
