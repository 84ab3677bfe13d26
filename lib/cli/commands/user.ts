// user:create — an account made by the operator: verified, any role; staff get TOTP by default and
// the secret is printed once.
import { flag, UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { createUser } from "@/lib/auth/create-user";
import { isStaff, ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

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
    const user = await createUser(ctx.db, { email, password, role, totp, verified: true });
    ctx.out(`created ${user.role} ${user.email} (${user.id})`);
    if (user.totp) {
      ctx.out(`totp secret: ${user.totp.secret}`);
      ctx.out(`totp uri: ${user.totp.uri}`);
      ctx.out("(shown once: add it to an authenticator app now)");
    }
    return 0;
  },
};
