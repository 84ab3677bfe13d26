// The User-Agent policy of update requests. Admin rows (AgentPolicy: case-insensitive globs, the
// longest matching pattern wins) come first; without a match, a missing agent or one not in the
// `Name/Version` form is THROTTLED (logged, and held to a small request budget), others ALLOWED.
// Rows are re-read every 30 s; an admin change applies within that time.
import { db } from "@/lib/db";
import type { UpdateReason } from "@/lib/updates/reasons";

export type AgentAction = "ALLOW" | "THROTTLE" | "BLOCK";
export type AgentVerdict = { action: AgentAction; reason: UpdateReason | null };

type Rule = { pattern: string; action: AgentAction; re: RegExp };

const REFRESH_MS = 30_000;
let rules: Rule[] = [];
let loadedAt = 0;
let loading: Promise<void> | undefined;

// A glob ("ddclient/3.9*", "*badbot*") as an anchored, case-insensitive regular expression.
export function globToRegExp(pattern: string): RegExp {
  const body = pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${body}$`, "is");
}

async function load(): Promise<void> {
  const rows = await db().agentPolicy.findMany({ select: { pattern: true, action: true } });
  rules = rows
    .map((r) => ({ pattern: r.pattern, action: r.action, re: globToRegExp(r.pattern) }))
    .sort((a, b) => b.pattern.length - a.pattern.length);
  loadedAt = Date.now();
}

// Reload when stale: the first call waits, later ones use the previous rules while reloading.
async function currentRules(): Promise<Rule[]> {
  if (Date.now() - loadedAt < REFRESH_MS) return rules;
  loading ??= load()
    .catch((err: unknown) => {
      // Keep the rules we have (built-in defaults at first) and try again in 5 s.
      loadedAt = Date.now() - REFRESH_MS + 5000;
      console.error(`[updates] agent policy reload failed: ${(err as Error).message.trim().split("\n").pop()}`);
    })
    .finally(() => (loading = undefined));
  if (loadedAt === 0) await loading;
  return rules;
}

/** The verdict for a User-Agent header value (undefined when the header is absent). */
export async function agentVerdict(userAgent: string | undefined): Promise<AgentVerdict> {
  const ua = (userAgent ?? "").trim();
  const rule = (await currentRules()).find((r) => r.re.test(ua));
  if (rule) return { action: rule.action, reason: rule.action === "ALLOW" ? null : `agent_policy:${rule.pattern}` };
  if (ua === "") return { action: "THROTTLE", reason: "agent_missing" };
  if (!/[^\s/]\/v?\d/i.test(ua)) return { action: "THROTTLE", reason: "agent_malformed" };
  return { action: "ALLOW", reason: null };
}

/** Forget the loaded rules (after an admin change in this process, and in tests). */
export function reloadAgentPolicy(): void {
  loadedAt = 0;
}
