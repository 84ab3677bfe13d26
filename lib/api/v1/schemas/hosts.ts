// OpenAPI schemas of hosts and their records.
import { z } from "@hono/zod-openapi";
import { RR_TYPES } from "@/lib/dns/types";
import { RECORD_NAMES } from "@/lib/validation/record-values";
import { NextCursor } from "./common";

const date = () => z.string().openapi({ format: "date-time" });
const HOST_STATUSES = ["ACTIVE", "EXPIRED", "SUSPENDED", "SINKHOLED", "FROZEN"] as const;

export const HostSummarySchema = z
  .object({
    id: z.string(),
    fqdn: z.string().openapi({ example: "alice.dyn.example" }),
    status: z.enum(HOST_STATUSES),
    lastUpdateAt: date().nullable(),
    expiresAt: date().nullable().openapi({ description: "Free plans: the host expires without activity by then" }),
    createdAt: date(),
  })
  .openapi("HostSummary");

export const HostPageSchema = z.object({ items: z.array(HostSummarySchema), nextCursor: NextCursor }).openapi("HostPage");

export const RRsetSchema = z
  .object({
    name: z.enum(RECORD_NAMES).openapi({ description: '"@": the host itself, "*": its wildcard (*.host), "_acme-challenge": its ACME DNS-01 TXT' }),
    type: z.enum(RR_TYPES),
    ttl: z.number().int(),
    records: z.array(z.string()).openapi({ example: ["198.51.100.7"] }),
    live: z.boolean().openapi({ description: "true once DNS serves this version" }),
  })
  .openapi("RRset");

export const HostSchema = HostSummarySchema.extend({
  zone: z.string(),
  label: z.string(),
  statusReason: z.string().nullable(),
  lastSeenAt: date().nullable(),
  updatedAt: date(),
  records: z.array(RRsetSchema),
}).openapi("Host");

export const CreateHostBody = z
  .object({
    zone: z.string({ error: "zone is required" }).trim().min(1, "zone is required").max(253).openapi({ example: "dyn.example" }),
    label: z.string({ error: "label is required" }).trim().min(1, "label is required").max(253).openapi({ example: "alice" }),
  })
  .strict()
  .openapi("CreateHost");

/** Types a user can set through the API (SOA and NS belong to the zone). */
export const SETTABLE_TYPES = ["A", "AAAA", "TXT", "MX", "CNAME", "CAA", "SRV"] as const;

export const RecordTypeParams = z.object({
  hostId: z.string().openapi({ param: { name: "hostId", in: "path" } }),
  type: z
    .enum(SETTABLE_TYPES, { error: `type must be one of ${SETTABLE_TYPES.join(", ")}` })
    .openapi({ param: { name: "type", in: "path" }, example: "A" }),
});

const recordName = () =>
  z
    .enum(RECORD_NAMES, { error: `name must be one of ${RECORD_NAMES.join(", ")}` })
    .openapi({
      param: { name: "name", in: "query" },
      description: 'Where in the host: "@" the host itself (default), "*" its wildcard (a plan feature), "_acme-challenge" (TXT only)',
      example: "@",
    });

/** ?name= of the record routes; absent means the host itself ("@"). */
export const RecordNameQuery = z.object({ name: recordName().default("@") });

/** ?name= of the list: only that name; absent lists every name. */
export const RecordListQuery = z.object({ name: recordName().optional() });

export const SetRecordsBody = z
  .object({
    ttl: z.number({ error: "ttl must be a number" }).int("ttl must be a whole number").optional().openapi({ example: 60 }),
    records: z.array(z.string().max(4000), { error: "records must be a list of strings" }).max(50, "At most 50 values").openapi({ example: ["198.51.100.7"] }),
  })
  .strict()
  .openapi("SetRecords");

export const RRsetListSchema = z.object({ items: z.array(RRsetSchema) }).openapi("RRsetList");
