// user:create — an account made by the operator: verified, any role; staff get TOTP by default and
// the secret is printed once. user:plan — moves an account to another plan (audited), until the
// billing console does it.
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import { flag, UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { createUser } from "@/lib/auth/create-user";
import { isStaff, ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { CLI_ACTOR } from "@/lib/auth/actor";

export const userCreate: CliCommand = {
  name: "user:create",
  usage: "user:create --email <e> --password <p> [--role USER|ABUSE|BILLING|ADMIN] [--totp|--no-totp]",
  summary: "create a verified account (staff roles get TOTP; its secret is printed once)",
  async run(args, ctx) {
    const email = flag(args, "email");
    const password = flag(args, "password");
    const roleFlag = args.flags.role ?? "USER";
    if (typeof roleFlag !== "string" || !(ROLES as readonly string[]).includes(roleFlag.toUpperCase())) {
      throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
    }
    const role = roleFlag.toUpperCase() as Role;
    const totp = args.flags["no-totp"] === true ? false : args.flags.totp === true || isStaff(role);
    const user = await createUser(ctx.db, { email, password, role, totp, verified: true, actor: CLI_ACTOR });
    ctx.out(`created ${user.role} ${user.email} (${user.id})`);
    if (user.totp) {
      ctx.out(`totp secret: ${user.totp.secret}`);
      ctx.out(`totp uri: ${user.totp.uri}`);
      ctx.out("(shown once: add it to an authenticator app now)");
    }
    return 0;
  },
};

export const userPlan: CliCommand = {
  name: "user:plan",
  usage: "user:plan --email <e> --plan <id>",
  summary: "move an account to another plan (audited)",
  async run(args, ctx) {
    const email = flag(args, "email").trim().toLowerCase();
    const planId = flag(args, "plan");
    const plans = await ctx.db.plan.findMany({ select: { id: true }, orderBy: { id: "asc" } });
    if (!plans.some((p) => p.id === planId)) throw new UsageError(`--plan must be one of ${plans.map((p) => p.id).join(", ")}`);
    const before = await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { email }, select: { id: true, planId: true } });
      if (!user) return null;
      if (user.planId !== planId) {
        await tx.user.update({ where: { id: user.id }, data: { planId } });
        await writeAudit(tx, { actorId: null, actorRole: "system", action: "user.plan_change", targetType: "User", targetId: user.id, before: { planId: user.planId }, after: { planId } });
        // Principals carry the plan: the web processes forget this account's keys and passwords at commit.
        await notifyInvalidation(tx, { k: "user", id: user.id });
      }
      return user.planId;
    });
    if (before === null) {
      ctx.err(`no account with the email ${email}`);
      return 1;
    }
    ctx.out(before === planId ? `${email} is already on ${planId}` : `${email}: plan ${before} → ${planId}`);
    return 0;
  },
};
