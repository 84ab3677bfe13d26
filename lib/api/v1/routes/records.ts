// /api/v1/hosts/{hostId}/records — list, set and delete the rrsets of a host: at its name (?name=@,
// the default), its wildcard (?name=*) or its ACME challenge (?name=_acme-challenge).
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import { setRecords } from "@/lib/hosts/set-records";
import { AppError, isAppError } from "@/lib/errors";
import { scoped } from "../auth";
import type { V1Env } from "../context";
import { apiActor } from "../actor";
import { hostRRsets, rrsetJson } from "../host-json";
import { errors, HostParams } from "../schemas/common";
import { RecordListQuery, RecordNameQuery, RecordTypeParams, RRsetListSchema, RRsetSchema, SetRecordsBody } from "../schemas/hosts";

const json = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const listRecords = createRoute({
  method: "get", path: "/hosts/{hostId}/records", tags: ["records"], summary: "List the host's rrsets",
  ...scoped("hosts:read"),
  request: { params: HostParams, query: RecordListQuery },
  responses: { 200: json(RRsetListSchema, "The rrsets: the host's own first, then its wildcard and ACME challenge"), ...errors(401, 403, 404, 422, 429) },
});

const putRecords = createRoute({
  method: "put", path: "/hosts/{hostId}/records/{type}", tags: ["records"],
  summary: "Replace the host's rrset of one type at one name (an empty list deletes it)",
  ...scoped("hosts:write"),
  request: { params: RecordTypeParams, query: RecordNameQuery, body: { required: true, content: { "application/json": { schema: SetRecordsBody } } } },
  responses: { 200: json(RRsetSchema, "The rrset as stored (canonical values)"), ...errors(400, 401, 402, 403, 404, 422, 429) },
});

const deleteRecords = createRoute({
  method: "delete", path: "/hosts/{hostId}/records/{type}", tags: ["records"], summary: "Delete the host's rrset of one type at one name",
  ...scoped("hosts:write"),
  request: { params: RecordTypeParams, query: RecordNameQuery },
  responses: { 204: { description: "Deleted (or there was none)" }, ...errors(401, 403, 404, 422, 429) },
});

// The record service names form fields; the API body calls the values "records".
const renameField = (e: unknown) => (isAppError(e) && e.field === "values" ? new AppError(e.code, e.message, { field: "records", cause: e }) : e);

export function recordRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /hosts/{hostId}/records — every rrset of the host (or those at ?name=)
  app.openapi(listRecords, async (c) => {
    const host = await getHostOrThrow({ id: c.req.valid("param").hostId, userId: c.get("principal").userId });
    return c.json({ items: (await hostRRsets(db(), host, c.req.valid("query").name)).map(rrsetJson) }, 200);
  });

  // PUT /hosts/{hostId}/records/{type} — replace one rrset
  app.openapi(putRecords, async (c) => {
    const userId = c.get("principal").userId;
    const { hostId, type } = c.req.valid("param");
    const { name } = c.req.valid("query");
    const body = c.req.valid("json");
    const r = await setRecords({ hostId, name, type, values: body.records, ttl: body.ttl, actor: apiActor(userId, c.req) }).catch((e: unknown) => {
      throw renameField(e);
    });
    const row = await db().rRset.findUnique({ where: { name_type: { name: r.owner, type: r.type } }, select: { version: true, publishedVersion: true } });
    return c.json({ name: r.name, type: r.type, ttl: r.ttl, records: r.records, live: row ? row.publishedVersion >= row.version : true }, 200);
  });

  // DELETE /hosts/{hostId}/records/{type} — delete one rrset
  app.openapi(deleteRecords, async (c) => {
    const { hostId, type } = c.req.valid("param");
    await setRecords({ hostId, name: c.req.valid("query").name, type, values: [], actor: apiActor(c.get("principal").userId, c.req) });
    return c.body(null, 204);
  });
}
