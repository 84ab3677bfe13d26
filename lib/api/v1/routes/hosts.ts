// /api/v1/hosts — list (cursor-paginated), create, get, delete.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { createHost } from "@/lib/hosts/create-host";
import { deleteHost } from "@/lib/hosts/delete-host";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import { scoped } from "../auth";
import type { V1Env } from "../context";
import { apiActor } from "../actor";
import { hostRRsets, hostSummaryJson, rrsetJson } from "../host-json";
import { HOSTS_PAGE_MAX, listHostsPage } from "../list-hosts-page";
import { errors, HostParams, pageQuery } from "../schemas/common";
import { CreateHostBody, HostPageSchema, HostSchema } from "../schemas/hosts";

const json = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const listHosts = createRoute({
  method: "get", path: "/hosts", tags: ["hosts"], summary: "List your hosts in name order",
  ...scoped("hosts:read"),
  request: { query: pageQuery(HOSTS_PAGE_MAX, 50) },
  responses: { 200: json(HostPageSchema, "One page"), ...errors(401, 403, 422, 429) },
});

const createHostRoute = createRoute({
  method: "post", path: "/hosts", tags: ["hosts"], summary: "Register a hostname under one of our zones",
  ...scoped("hosts:write"),
  request: { body: { required: true, content: { "application/json": { schema: CreateHostBody } } } },
  responses: { 201: json(HostSchema, "The new host (no records yet)"), ...errors(400, 401, 402, 403, 409, 422, 429) },
});

const getHost = createRoute({
  method: "get", path: "/hosts/{hostId}", tags: ["hosts"], summary: "Get a host with its records",
  ...scoped("hosts:read"),
  request: { params: HostParams },
  responses: { 200: json(HostSchema, "The host"), ...errors(401, 403, 404, 429) },
});

const deleteHostRoute = createRoute({
  method: "delete", path: "/hosts/{hostId}", tags: ["hosts"], summary: "Delete a host; it leaves DNS at once and its name is quarantined",
  ...scoped("hosts:write"),
  request: { params: HostParams },
  responses: { 204: { description: "Deleted" }, ...errors(401, 403, 404, 429) },
});

async function hostJson(id: string, userId: string) {
  const h = await getHostOrThrow({ id, userId });
  const rrsets = await hostRRsets(db(), h);
  return {
    ...hostSummaryJson(h), zone: h.zone.name, label: h.label, statusReason: h.statusReason,
    lastSeenAt: h.lastSeenAt?.toISOString() ?? null, updatedAt: h.updatedAt.toISOString(), records: rrsets.map(rrsetJson),
  };
}

export function hostRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /hosts — one page of the caller's hosts
  app.openapi(listHosts, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const page = await listHostsPage(db(), { userId: c.get("principal").userId, cursor, limit });
    return c.json({ items: page.items.map(hostSummaryJson), nextCursor: page.nextCursor }, 200);
  });

  // POST /hosts — register a hostname
  app.openapi(createHostRoute, async (c) => {
    const userId = c.get("principal").userId;
    const { zone, label } = c.req.valid("json");
    const host = await createHost({ ownerId: userId, actor: apiActor(userId, c.req), zoneName: zone, label }).catch((e: unknown) => {
      // The name as a whole ("taken", "quarantined") is the label's fault in this API.
      throw isAppError(e) && e.field === "fqdn" ? new AppError(e.code, e.message, { field: "label", cause: e }) : e;
    });
    return c.json(await hostJson(host.id, userId), 201);
  });

  // GET /hosts/{hostId} — one host with its records
  app.openapi(getHost, async (c) => c.json(await hostJson(c.req.valid("param").hostId, c.get("principal").userId), 200));

  // DELETE /hosts/{hostId} — delete a host
  app.openapi(deleteHostRoute, async (c) => {
    const userId = c.get("principal").userId;
    await deleteHost({ hostId: c.req.valid("param").hostId, actor: apiActor(userId, c.req) });
    return c.body(null, 204);
  });
}
