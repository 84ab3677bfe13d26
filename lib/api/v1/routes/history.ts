// GET /api/v1/hosts/{hostId}/history and …/history/ip-changes — a host's update requests and
// the addresses it was updated to.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { ipChangeSeries } from "@/lib/history/ip-change-series";
import { HISTORY_PAGE_MAX, listUpdateHistory } from "@/lib/history/list-update-history";
import { scoped } from "../auth";
import type { V1Env } from "../context";
import { errors, HostParams, pageQuery } from "../schemas/common";
import { HistoryPageSchema, IpChangesQuery, IpChangesSchema } from "../schemas/history";

const listHistory = createRoute({
  method: "get",
  path: "/hosts/{hostId}/history",
  tags: ["history"],
  summary: "List a host's update requests, newest first",
  ...scoped("hosts:read"),
  request: { params: HostParams, query: pageQuery(HISTORY_PAGE_MAX, 50) },
  responses: { 200: { description: "One page", content: { "application/json": { schema: HistoryPageSchema } } }, ...errors(401, 403, 404, 422, 429) },
});

const ipChanges = createRoute({
  method: "get",
  path: "/hosts/{hostId}/history/ip-changes",
  tags: ["history"],
  summary: "Addresses the host was updated to over time (default: the last 30 days)",
  ...scoped("hosts:read"),
  request: { params: HostParams, query: IpChangesQuery },
  responses: { 200: { description: "The series", content: { "application/json": { schema: IpChangesSchema } } }, ...errors(401, 403, 404, 422, 429) },
});

export function historyRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /hosts/{hostId}/history — cursor-paginated update history
  app.openapi(listHistory, async (c) => {
    const { hostId } = c.req.valid("param");
    const { cursor, limit } = c.req.valid("query");
    const page = await listUpdateHistory(db(), { userId: c.get("principal").userId, hostId, cursor, limit });
    return c.json({ items: page.items.map((e) => ({ ...e, at: e.at.toISOString(), params: (e.params ?? {}) as Record<string, unknown> })), nextCursor: page.nextCursor }, 200);
  });

  // GET /hosts/{hostId}/history/ip-changes — address series for charts
  app.openapi(ipChanges, async (c) => {
    const { hostId } = c.req.valid("param");
    const q = c.req.valid("query");
    const s = await ipChangeSeries(db(), {
      userId: c.get("principal").userId,
      hostId,
      since: q.since ? new Date(q.since) : undefined,
      until: q.until ? new Date(q.until) : undefined,
    });
    return c.json({ points: s.points.map((p) => ({ ...p, at: p.at.toISOString() })), truncated: s.truncated }, 200);
  });
}
