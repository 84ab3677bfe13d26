// token:create — a REST API token for a user. The secret is printed once and never stored (only
// its SHA-256).
import { flag, UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { AppError } from "@/lib/errors";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { API_SCOPES } from "@/lib/tokens/scopes";
import { CLI_ACTOR } from "@/lib/auth/actor";

const UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000 };

// "90d", "12h" from now, or an ISO date/time.
function parseExpiry(value: string): Date {
  const m = /^(\d{1,6})([hd])$/.exec(value.trim());
  const d = m ? new Date(Date.now() + Number(m[1]) * UNITS[m[2]!]!) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--expires must be like 90d, 12h or an ISO date, not "${value}"`);
  return d;
}

export const tokenCreate: CliCommand = {
  name: "token:create",
  usage: `token:create --owner <email> [--scopes ${API_SCOPES.join(",")}] [--expires 90d|<date>] [--label <text>]`,
  summary: "create a REST API token (default: every scope); the secret is printed once",
  async run(args, ctx) {
    const email = flag(args, "owner").trim().toLowerCase();
    if (args.flags.scopes === true) throw new UsageError("--scopes needs a comma-separated list");
    const scopes = typeof args.flags.scopes === "string" ? args.flags.scopes.split(",").map((s) => s.trim()).filter(Boolean) : undefined;
    const expiresAt = typeof args.flags.expires === "string" ? parseExpiry(args.flags.expires) : null;
    const label = typeof args.flags.label === "string" ? args.flags.label : "";
    const owner = await ctx.db.user.findUnique({ where: { email }, select: { id: true, email: true } });
    if (!owner) throw new AppError("NOT_FOUND", `no user with email ${email}`);
    const t = await createApiToken(ctx.db, { userId: owner.id, scopes, expiresAt, label, actor: CLI_ACTOR });
    ctx.out(`created API token ${t.id} (${t.prefix}…) for ${owner.email}`);
    ctx.out(`scopes ${t.scopes.join(",")}; expires ${t.expiresAt?.toISOString() ?? "never"}`);
    ctx.out(`token: ${t.token}`);
    ctx.out("(shown once: send it as Authorization: Bearer <token>)");
    return 0;
  },
};
