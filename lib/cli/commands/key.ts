// key:create, key:list, key:revoke — update keys for routers and clients. The secret is printed
// once by key:create and never stored (only its SHA-256).
import { flag, UsageError } from "@/lib/cli/args";
import type { CliCommand, ParsedArgs } from "@/lib/cli/types";
import type { RRType } from "@/lib/dns/types";
import { AppError } from "@/lib/errors";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createUpdateKey } from "@/lib/keys/create-update-key";
import { listUpdateKeys, revokeUpdateKey } from "@/lib/keys/revoke-update-key";
import type { Db } from "@/lib/db";

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

// "30d", "12h", "90m" from now, or an ISO date/time.
export function parseExpiry(value: string, now = Date.now()): Date {
  const m = /^(\d{1,6})([mhd])$/.exec(value.trim());
  const d = m ? new Date(now + Number(m[1]) * UNITS[m[2]!]!) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--expires must be like 30d, 12h, 90m or an ISO date, not "${value}"`);
  return d;
}

function list(args: ParsedArgs, name: string): string[] | undefined {
  const v = args.flags[name];
  if (v === undefined) return undefined;
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v.split(",").map((s) => s.trim()).filter(Boolean);
}

async function ownerByEmail(db: Db, email: string) {
  const owner = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!owner) throw new AppError("NOT_FOUND", `no user with email ${email}`);
  return owner;
}

export const keyCreate: CliCommand = {
  name: "key:create",
  usage: "key:create --owner <email> [--host <fqdn>] [--types A,AAAA,TXT,MX] [--cidr <net>,…] [--expires 30d|<date>] [--label <text>]",
  summary: "create an update key (for one host or the whole account); the secret is printed once",
  async run(args, ctx) {
    const owner = await ownerByEmail(ctx.db, flag(args, "owner"));
    let hostId: string | null = null;
    const fqdn = typeof args.flags.host === "string" ? args.flags.host.trim().toLowerCase().replace(/\.$/, "") : undefined;
    if (args.flags.host === true) throw new UsageError("--host needs a hostname");
    if (fqdn) {
      const host = await ctx.db.host.findFirst({ where: { fqdn, ownerId: owner.id }, select: { id: true } });
      if (!host) throw new AppError("NOT_FOUND", `${owner.email} has no host ${fqdn}`);
      hostId = host.id;
    }
    const types = list(args, "types")?.map((t) => t.toUpperCase() as RRType);
    const expires = typeof args.flags.expires === "string" ? parseExpiry(args.flags.expires) : null;
    const label = typeof args.flags.label === "string" ? args.flags.label : "";
    const key = await createUpdateKey(ctx.db, { ownerId: owner.id, hostId, recordTypes: types, allowedCidrs: list(args, "cidr"), expiresAt: expires, label, actor: CLI_ACTOR });
    ctx.out(`created update key ${key.id} (${key.prefix}…) for ${fqdn ?? `every host of ${owner.email}`}`);
    ctx.out(`types ${key.recordTypes.join(",")}; from ${key.allowedCidrs.join(",") || "any address"}; expires ${key.expiresAt?.toISOString() ?? "never"}`);
    ctx.out(`secret: ${key.secret}`);
    ctx.out("(shown once: use it as the password of your update client)");
    return 0;
  },
};

export const keyList: CliCommand = {
  name: "key:list",
  usage: "key:list --owner <email>",
  summary: "list a user's update keys (never their secrets)",
  async run(args, ctx) {
    const owner = await ownerByEmail(ctx.db, flag(args, "owner"));
    const keys = await listUpdateKeys(ctx.db, { ownerId: owner.id });
    if (keys.length === 0) ctx.out("no keys");
    for (const k of keys) {
      const state = k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt.getTime() <= Date.now() ? "expired" : "active";
      ctx.out([k.id, `${k.prefix}…`, k.host?.fqdn ?? "*", k.recordTypes.join(","), state, k.lastUsedAt?.toISOString() ?? "never used"].join("\t"));
    }
    return 0;
  },
};

export const keyRevoke: CliCommand = {
  name: "key:revoke",
  usage: "key:revoke --owner <email> --id <key id>",
  summary: "revoke an update key at once",
  async run(args, ctx) {
    const owner = await ownerByEmail(ctx.db, flag(args, "owner"));
    const id = flag(args, "id");
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError("--id must be a key id (see key:list)");
    await revokeUpdateKey(ctx.db, { id, ownerId: owner.id, actor: CLI_ACTOR });
    ctx.out(`revoked ${id}`);
    return 0;
  },
};
