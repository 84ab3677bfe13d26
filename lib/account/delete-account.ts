// deleteAccount — closes a user's own account. Every host goes through deleteHost first, so its
// records leave DNS at once (outbox) and its name is quarantined; then the user row goes with its
// sessions, keys, tokens and webhooks (cascade). The audit log keeps the history (it references
// users by id, without a foreign key), including one "user.delete" row.
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isStaff } from "@/lib/auth/roles";
import { deleteHost } from "@/lib/hosts/delete-host";
import { forgetAccountPasswords } from "@/lib/keys/account-password";
import { forgetUpdateKey } from "@/lib/keys/verify-update-key";
import { sendMail } from "@/lib/mail/send-mail";
import { forgetApiToken } from "@/lib/tokens/verify-api-token";
import { confirmPassword } from "./confirm-password";

/** VALIDATION on "password" when it is wrong; FORBIDDEN for staff (an administrator closes those). */
export async function deleteAccount(client: Db, args: { userId: string; password: string; ip: string }): Promise<{ hostsDeleted: string[] }> {
  const user = await client.user.findUnique({ where: { id: args.userId }, select: { role: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  if (isStaff(user.role)) throw new AppError("FORBIDDEN", "Staff accounts are closed by an administrator.");
  const { email } = await confirmPassword(client, { userId: args.userId, password: args.password, ip: args.ip, field: "password" });

  // Keys first: a host's own keys go with it (cascade), and every key must leave the caches.
  const [keys, tokens, hosts] = await Promise.all([
    client.updateKey.findMany({ where: { ownerId: args.userId }, select: { id: true } }),
    client.apiToken.findMany({ where: { userId: args.userId }, select: { id: true } }),
    client.host.findMany({ where: { ownerId: args.userId }, select: { id: true, fqdn: true }, orderBy: { fqdn: "asc" } }),
  ]);
  for (const h of hosts) await deleteHost({ hostId: h.id, actor: { userId: args.userId, role: "USER", ip: args.ip }, client });

  await client.$transaction(async (tx) => {
    // createHost locks the same row, so no host can appear between this check and the delete.
    await tx.$queryRawUnsafe(`SELECT 1 AS one FROM "User" WHERE "id" = $1::uuid FOR UPDATE`, args.userId);
    if ((await tx.host.count({ where: { ownerId: args.userId } })) > 0) {
      throw new AppError("CONFLICT", "A hostname was added while the account was being deleted; try again.");
    }
    await writeAudit(tx, {
      actorId: args.userId, actorRole: "USER", ip: args.ip,
      action: "user.delete", targetType: "User", targetId: args.userId,
      before: { email, hosts: hosts.map((h) => h.fqdn), updateKeys: keys.length, apiTokens: tokens.length },
    });
    // Rows without a foreign key to the user go with it too (client blocks keep IPs and agents).
    await tx.clientBlock.deleteMany({ where: { userId: args.userId } });
    await tx.notificationQueue.deleteMany({ where: { userId: args.userId } });
    await tx.user.delete({ where: { id: args.userId } });
    await notifyInvalidation(tx, { k: "user", id: args.userId }); // its keys, tokens and password everywhere
  });
  for (const k of keys) forgetUpdateKey(k.id);
  for (const t of tokens) forgetApiToken(t.id);
  forgetAccountPasswords(args.userId);
  await sendMail(
    {
      to: email,
      subject: "Your dynhost account was deleted",
      text: `Your dynhost account and its ${hosts.length} hostname${hosts.length === 1 ? "" : "s"} were deleted. The names are held back for a while before anyone else can register them.\n`,
    },
    client,
  );
  return { hostsDeleted: hosts.map((h) => h.fqdn) };
}
