"use server";
// API token actions: the caller is re-checked (userAction); the services only touch their tokens.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { userAction } from "@/lib/auth/action";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/list-api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";
import type { KeyCreatedState } from "@/lib/validation/keys";
import { callerActor } from "@/lib/auth/actor";

const PAGE = "/account/tokens";

// POST /account/tokens — create a token; the secret is answered once
export const createTokenAction = userAction(createApiTokenSchema, async (input, ctx): Promise<KeyCreatedState> => {
  const created = await createApiToken(db(), { userId: ctx.user.id, ...input, actor: callerActor(ctx) });
  revalidatePath(PAGE);
  return { ok: true, message: "Token created.", secret: created.token };
});

// POST /account/tokens — revoke one of the caller's tokens
export const revokeTokenAction = userAction(revokeApiTokenSchema, async ({ tokenId }, ctx) => {
  await revokeApiToken(db(), { userId: ctx.user.id, tokenId, actor: callerActor(ctx) });
  revalidatePath(PAGE);
  return { ok: true, message: "Token revoked." };
});
