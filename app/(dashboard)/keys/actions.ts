"use server";
// Update-key actions (the account's key page and each host's): the caller is re-checked
// (userAction) and createUpdateKey/revokeUpdateKey only touch the caller's keys and hosts.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { userAction } from "@/lib/auth/action";
import { ownerActor } from "@/lib/auth/actor";
import { createUpdateKey } from "@/lib/keys/create-update-key";
import { revokeUpdateKey } from "@/lib/keys/revoke-update-key";
import { liftClientBlock } from "@/lib/updates/policy/lift-client-block";
import { createKeySchema, liftBlockSchema, revokeKeySchema, type KeyCreatedState } from "@/lib/validation/keys";

// The key service's field names → this form's.
const FIELDS: Record<string, string | undefined> = { types: "types", expires: "expires", cidr: "cidrs", label: "label", host: undefined };

function revalidateKeyPages() {
  revalidatePath("/keys");
  revalidatePath("/hosts/[id]/keys", "page");
}

// POST /keys, /hosts/[id]/keys, /hosts/[id]/setup — create a key; the secret is answered once
export const createKeyAction = userAction(createKeySchema, async (input, ctx): Promise<KeyCreatedState> => {
  const created = await createUpdateKey(db(), { ownerId: ctx.user.id, ...input, actor: ownerActor(ctx) }).catch((e: unknown) => {
    throw isAppError(e) && e.field ? new AppError(e.code, e.message, { field: FIELDS[e.field], cause: e }) : e;
  });
  revalidateKeyPages();
  return { ok: true, message: "Key created.", secret: created.secret };
});

// POST /keys — lift one of the caller's client blocks: the paused client may update again at once
export const liftBlockAction = userAction(liftBlockSchema, async ({ blockId }, ctx) => {
  await liftClientBlock(db(), { id: blockId, userId: ctx.user.id, ip: ctx.ip });
  revalidatePath("/keys");
  revalidatePath("/hosts");
  return { ok: true, message: "The client may update again." };
});

// POST /keys, /hosts/[id]/keys — revoke one of the caller's keys
export const revokeKeyAction = userAction(revokeKeySchema, async ({ keyId }, ctx) => {
  await revokeUpdateKey(db(), { id: keyId, ownerId: ctx.user.id, actor: ownerActor(ctx) });
  revalidateKeyPages();
  return { ok: true, message: "Key revoked." };
});
