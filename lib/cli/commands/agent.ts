// agent:set, agent:list, agent:remove — the User-Agent policy of update requests (admins).
import { flag, UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { listAgentPolicies, removeAgentPolicy, setAgentPolicy } from "@/lib/updates/policy/agent-policy-admin";

export const agentSet: CliCommand = {
  name: "agent:set",
  usage: "agent:set --pattern <glob> --action ALLOW|THROTTLE|BLOCK [--note <text>]",
  summary: "allow, throttle or block update clients by User-Agent (case-insensitive glob, longest wins)",
  async run(args, ctx) {
    const note = args.flags.note;
    if (note === true) throw new UsageError("--note needs a value");
    const row = await setAgentPolicy(ctx.db, { pattern: flag(args, "pattern"), action: flag(args, "action"), note });
    ctx.out(`${row.action}\t${row.pattern}${row.note ? `\t${row.note}` : ""}`);
    ctx.out("(applies within 30 s)");
    return 0;
  },
};

export const agentList: CliCommand = {
  name: "agent:list",
  usage: "agent:list",
  summary: "list the User-Agent policy (the longest matching pattern wins)",
  async run(_args, ctx) {
    const rows = await listAgentPolicies(ctx.db);
    if (rows.length === 0) ctx.out("no rules (missing or malformed agents are throttled, others allowed)");
    for (const r of rows) ctx.out(`${r.action}\t${r.pattern}${r.note ? `\t${r.note}` : ""}`);
    return 0;
  },
};

export const agentRemove: CliCommand = {
  name: "agent:remove",
  usage: "agent:remove --pattern <glob>",
  summary: "remove a User-Agent rule",
  async run(args, ctx) {
    await removeAgentPolicy(ctx.db, { pattern: flag(args, "pattern") });
    ctx.out("removed");
    return 0;
  },
};
