// host:create --owner <email> <fqdn> — registers a hostname for a user, through createHost.
import { flag, UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { AppError } from "@/lib/errors";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createHost } from "@/lib/hosts/create-host";

export const hostCreate: CliCommand = {
  name: "host:create",
  usage: "host:create --owner <email> <fqdn>",
  summary: "register a hostname for a user (the operator may use reserved labels and closed zones)",
  async run(args, ctx) {
    const email = flag(args, "owner").trim().toLowerCase();
    const [fqdn] = args.positional;
    if (!fqdn) throw new UsageError("a hostname is required");
    const owner = await ctx.db.user.findUnique({ where: { email }, select: { id: true } });
    if (!owner) throw new AppError("NOT_FOUND", `no user with email ${email}`);
    const host = await createHost({ ownerId: owner.id, fqdn, actor: CLI_ACTOR, client: ctx.db });
    ctx.out(`created ${host.fqdn} (${host.id}) for ${email}`);
    return 0;
  },
};
