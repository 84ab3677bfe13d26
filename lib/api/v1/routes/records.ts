// /api/v1/hosts/{hostId}/records — list, set and delete the rrsets at a host's name.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import { setRecords } from "@/lib/hosts/set-records";
import { AppError, isAppError } from "@/lib/errors";
import { scoped } from "../auth";
import type { V1Env } from "../context";
import { apiActor, hostRRsets, rrsetJson } from "../host-json";
import { errors, HostParams } from "../schemas/common";
import { RecordTypeParams, RRsetListSchema, RRsetSchema, SetRecordsBody } from "../schemas/hosts";

const json = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const listRecords = createRoute({
  method: "get", path: "/hosts/{hostId}/records", tags: ["records"], summary: "List the host's rrsets",
  ...scoped("hosts:read"),
  request: { params: HostParams },
  responses: { 200: json(RRsetListSchema, "The rrsets by type"), ...errors(401, 403, 404, 429) },
});

const putRecords = createRoute({
  method: "put", path: "/hosts/{hostId}/records/{type}", tags: ["records"],
  summary: "Replace the host's rrset of one type (an empty list deletes it)",
  ...scoped("hosts:write"),
  request: { params: RecordTypeParams, body: { required: true, content: { "application/json": { schema: SetRecordsBody } } } },
  responses: { 200: json(RRsetSchema, "The rrset as stored (canonical values)"), ...errors(400, 401, 402, 403, 404, 422, 429) },
});

const deleteRecords = createRoute({
  method: "delete", path: "/hosts/{hostId}/records/{type}", tags: ["records"], summary: "Delete the host's rrset of one type",
  ...scoped("hosts:write"),
  request: { params: RecordTypeParams },
  responses: { 204: { description: "Deleted (or there was none)" }, ...errors(401, 403, 404, 422, 429) },
});

// The record service names form fields; the API body calls the values "records".
const renameField = (e: unknown) => (isAppError(e) && e.field === "values" ? new AppError(e.code, e.message, { field: "records", cause: e }) : e);

export function recordRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /hosts/{hostId}/records — every rrset at the host's name
  app.openapi(listRecords, async (c) => {
    const host = await getHostOrThrow({ id: c.req.valid("param").hostId, userId: c.get("principal").userId });
    return c.json({ items: (await hostRRsets(db(), host)).map(rrsetJson) }, 200);
  });

  // PUT /hosts/{hostId}/records/{type} — replace one rrset
  app.openapi(putRecords, async (c) => {
    const userId = c.get("principal").userId;
    const { hostId, type } = c.req.valid("param");
    const body = c.req.valid("json");
    const r = await setRecords({ hostId, type, values: body.records, ttl: body.ttl, actor: apiActor(userId, c.req) }).catch((e: unknown) => {
      throw renameField(e);
    });
    const row = await db().rRset.findUnique({ where: { name_type: { name: r.fqdn, type: r.type } }, select: { version: true, publishedVersion: true } });
    return c.json({ type: r.type, ttl: r.ttl, records: r.records, live: row ? row.publishedVersion >= row.version : true }, 200);
  });

  // DELETE /hosts/{hostId}/records/{type} — delete one rrset
  app.openapi(deleteRecords, async (c) => {
    const { hostId, type } = c.req.valid("param");
    await setRecords({ hostId, type, values: [], actor: apiActor(c.get("principal").userId, c.req) });
    return c.body(null, 204);
  });
}
