"use server";
// Host list actions: each re-checks the caller (userAction), parses with the shared schema and
// calls one service; AppErrors come back as form errors on their field.
import { redirect } from "next/navigation";
import { AppError, isAppError } from "@/lib/errors";
import { userAction } from "@/lib/auth/action";
import { createHost } from "@/lib/hosts/create-host";
import { createHostSchema } from "@/lib/validation/hosts";
import { ownerActor } from "@/lib/auth/actor";

// POST /hosts — register a hostname, then open its page
export const createHostAction = userAction(createHostSchema, async ({ zone, label }, ctx) => {
  const host = await createHost({ ownerId: ctx.user.id, actor: ownerActor(ctx), zoneName: zone, label }).catch((e: unknown) => {
    // "Taken" and "quarantined" are about the whole name: show them on the name the user typed.
    throw isAppError(e) && e.field === "fqdn" ? new AppError(e.code, e.message, { field: "label", cause: e }) : e;
  });
  redirect(`/hosts/${host.id}?created=1`);
});
