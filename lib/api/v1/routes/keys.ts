// /api/v1/hosts/{hostId}/keys — a host's update keys: list, create (secret shown once), revoke.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import { createUpdateKey } from "@/lib/keys/create-update-key";
import { revokeUpdateKey } from "@/lib/keys/revoke-update-key";
import type { RRType } from "@/lib/dns/types";
import { scoped } from "../auth";
import { apiActor } from "../actor";
import type { V1Env } from "../context";
import { errors, HostKeyParams, HostParams } from "../schemas/common";
import { CreatedKeySchema, CreateKeyBody, UpdateKeyListSchema } from "../schemas/keys";

const KEY_FIELDS = {
  id: true, label: true, prefix: true, hostId: true, recordTypes: true, allowedCidrs: true,
  expiresAt: true, lastUsedAt: true, lastUsedIp: true, revokedAt: true, createdAt: true,
} as const;

type KeyRow = {
  id: string; label: string; prefix: string; hostId: string | null; recordTypes: string[]; allowedCidrs: string[];
  expiresAt: Date | null; lastUsedAt: Date | null; lastUsedIp: string | null; revokedAt: Date | null; createdAt: Date;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;
const keyJson = (k: KeyRow) => ({
  ...k, expiresAt: iso(k.expiresAt), lastUsedAt: iso(k.lastUsedAt), revokedAt: iso(k.revokedAt), createdAt: k.createdAt.toISOString(),
});

// The key service names form fields; the API names body fields.
const FIELD_NAMES: Record<string, string> = { types: "recordTypes", expires: "expiresAt", cidr: "allowedCidrs", label: "label" };
function renameField(err: unknown): unknown {
  if (!isAppError(err) || !err.field) return err;
  return new AppError(err.code, err.message, { field: FIELD_NAMES[err.field] ?? err.field, cause: err });
}

const json = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const listKeys = createRoute({
  method: "get", path: "/hosts/{hostId}/keys", tags: ["keys"], summary: "List a host's update keys (never their secrets)",
  ...scoped("keys:read"),
  request: { params: HostParams },
  responses: { 200: json(UpdateKeyListSchema, "The keys, newest first, revoked ones included"), ...errors(401, 403, 404, 429) },
});

const createKey = createRoute({
  method: "post", path: "/hosts/{hostId}/keys", tags: ["keys"], summary: "Create an update key for a host; the secret is returned once",
  ...scoped("keys:write"),
  request: { params: HostParams, body: { required: true, content: { "application/json": { schema: CreateKeyBody } } } },
  responses: { 201: json(CreatedKeySchema, "The new key, with its secret"), ...errors(400, 401, 402, 403, 404, 422, 429) },
});

const revokeKey = createRoute({
  method: "delete", path: "/hosts/{hostId}/keys/{keyId}", tags: ["keys"], summary: "Revoke an update key",
  ...scoped("keys:write"),
  request: { params: HostKeyParams },
  responses: { 204: { description: "Revoked" }, ...errors(401, 403, 404, 429) },
});

export function keyRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /hosts/{hostId}/keys — list
  app.openapi(listKeys, async (c) => {
    const userId = c.get("principal").userId;
    const host = await getHostOrThrow({ id: c.req.valid("param").hostId, userId });
    const keys = await db().updateKey.findMany({ where: { ownerId: userId, hostId: host.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: KEY_FIELDS });
    return c.json({ items: keys.map(keyJson) }, 200);
  });

  // POST /hosts/{hostId}/keys — create, secret shown once
  app.openapi(createKey, async (c) => {
    const userId = c.get("principal").userId;
    const host = await getHostOrThrow({ id: c.req.valid("param").hostId, userId });
    const body = c.req.valid("json");
    const created = await createUpdateKey(db(), {
      ownerId: userId,
      hostId: host.id,
      label: body.label,
      recordTypes: body.recordTypes as RRType[] | undefined,
      allowedCidrs: body.allowedCidrs,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      actor: apiActor(userId, c.req),
    }).catch((e: unknown) => {
      throw renameField(e);
    });
    const row = await db().updateKey.findUniqueOrThrow({ where: { id: created.id }, select: KEY_FIELDS });
    return c.json({ ...keyJson(row), secret: created.secret }, 201);
  });

  // DELETE /hosts/{hostId}/keys/{keyId} — revoke
  app.openapi(revokeKey, async (c) => {
    const userId = c.get("principal").userId;
    const { hostId, keyId } = c.req.valid("param");
    const host = await getHostOrThrow({ id: hostId, userId });
    const key = /^[0-9a-f-]{36}$/i.test(keyId)
      ? await db().updateKey.findFirst({ where: { id: keyId, ownerId: userId, hostId: host.id }, select: { id: true } })
      : null;
    if (!key) throw new AppError("NOT_FOUND", "No such key.");
    await revokeUpdateKey(db(), { id: key.id, ownerId: userId, actor: apiActor(userId, c.req) });
    return c.body(null, 204);
  });
}
