// API token inputs: create (label, scopes, expiry) and revoke. createApiToken re-checks every field. Client-safe.
import { z } from "zod";
import { API_SCOPES } from "@/lib/tokens/scopes";
import { expiryDateField } from "./expiry";
import { idField } from "./hosts";
import { tickedBoxes } from "./keys";

/** Create an API token: scopes are one checkbox each ("scope:hosts:read" = "on"). */
export const createApiTokenSchema = z.preprocess(
  tickedBoxes("scope:", API_SCOPES, "scopes"),
  z
    .object({
      label: z.string().trim().max(100, "Use at most 100 characters.").optional(),
      expires: expiryDateField,
      scopes: z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope."),
    })
    .transform((v) => ({ label: v.label ?? "", expiresAt: v.expires, scopes: v.scopes })),
);

/** Revoke one of the caller's tokens. */
export const revokeApiTokenSchema = z.object({ tokenId: idField("Which token?") });
