// Admin services for the User-Agent policy table (CLI `agent:set`, later the admin console).
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reloadAgentPolicy, type AgentAction } from "@/lib/updates/policy/agent-policy";

const ACTIONS: readonly AgentAction[] = ["ALLOW", "THROTTLE", "BLOCK"];

/** Creates or changes the rule for `pattern` (a case-insensitive glob over the whole User-Agent). */
export async function setAgentPolicy(client: Db, args: { pattern: string; action: string; note?: string }) {
  const pattern = args.pattern.trim();
  const action = args.action.trim().toUpperCase() as AgentAction;
  if (pattern === "" || pattern.length > 200) throw new AppError("VALIDATION", "The pattern must be 1 to 200 characters.", { field: "pattern" });
  if (!ACTIONS.includes(action)) throw new AppError("VALIDATION", "The action must be ALLOW, THROTTLE or BLOCK.", { field: "action" });
  const note = (args.note ?? "").slice(0, 500);
  const row = await client.agentPolicy.upsert({
    where: { pattern },
    create: { pattern, action, note },
    update: { action, ...(args.note !== undefined ? { note } : {}) },
  });
  reloadAgentPolicy();
  return row;
}

/** Removes the rule for `pattern`; NOT_FOUND when there is none. */
export async function removeAgentPolicy(client: Db, args: { pattern: string }): Promise<void> {
  const { count } = await client.agentPolicy.deleteMany({ where: { pattern: args.pattern.trim() } });
  reloadAgentPolicy();
  if (count === 0) throw new AppError("NOT_FOUND", "No rule for that pattern.");
}

/** Every rule, longest pattern (the one that wins) first. */
export async function listAgentPolicies(client: Db) {
  const rows = await client.agentPolicy.findMany({ orderBy: { pattern: "asc" } });
  return rows.sort((a, b) => b.pattern.length - a.pattern.length);
}
