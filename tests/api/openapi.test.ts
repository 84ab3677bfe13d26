// The OpenAPI 3.1 document lists every route with its parameters and answers, every $ref
// resolves, and the HTML docs render it without any external asset.
import { describe, expect, it } from "vitest";
import { createV1App } from "@/lib/api/v1/app";

const app = createV1App();

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  paths: Record<string, Record<string, { operationId?: string; summary?: string; description?: string; security?: unknown[]; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
};

async function doc(): Promise<Doc> {
  const r = await app.request("/openapi.json");
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toMatch(/application\/json/);
  return (await r.json()) as Doc;
}

const ROUTES = [
  "get /hosts", "post /hosts", "get /hosts/{hostId}", "delete /hosts/{hostId}",
  "get /hosts/{hostId}/records", "put /hosts/{hostId}/records/{type}", "delete /hosts/{hostId}/records/{type}",
  "get /hosts/{hostId}/keys", "post /hosts/{hostId}/keys", "delete /hosts/{hostId}/keys/{keyId}",
  "get /hosts/{hostId}/history", "get /hosts/{hostId}/history/ip-changes", "get /account",
  "get /client-blocks", "post /client-blocks/{blockId}/lift",
];

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document listing exactly the v1 routes, all behind the bearer scheme", async () => {
    const d = await doc();
    expect(d.openapi).toBe("3.1.0");
    expect(d.info).toMatchObject({ title: "dynhost API", version: "1.0.0" });
    expect(d.servers).toEqual([{ url: "/api/v1" }]);
    const listed = Object.entries(d.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(listed.sort()).toEqual([...ROUTES].sort());
    expect(d.components.securitySchemes).toMatchObject({ bearer: { type: "http", scheme: "bearer" } });
    for (const [p, ops] of Object.entries(d.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        expect(op.security, `${m} ${p}`).toEqual([{ bearer: [] }]);
        expect(op.description, `${m} ${p}`).toMatch(/^Needs a token with the `(hosts|keys|account):(read|write)` scope\.$/);
        expect(Object.keys(op.responses), `${m} ${p}`).toEqual(expect.arrayContaining(["401", "403", "429"]));
        const pathParams = [...p.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
        expect((op.parameters ?? []).filter((x) => x.in === "path").map((x) => x.name).sort(), `${m} ${p}`).toEqual(pathParams.sort());
      }
    }
    expect(d.paths["/hosts/{hostId}/keys"]!.post!.description).toBe("Needs a token with the `keys:write` scope.");
    expect(d.paths["/hosts"]!.get!.parameters!.map((x) => `${x.in}:${x.name}`)).toEqual(["query:cursor", "query:limit"]);
    for (const [m, p] of [["get", "/hosts/{hostId}/records"], ["put", "/hosts/{hostId}/records/{type}"], ["delete", "/hosts/{hostId}/records/{type}"]] as const) {
      expect(d.paths[p]![m]!.parameters!.filter((x) => x.in === "query").map((x) => x.name), `${m} ${p}`).toEqual(["name"]);
    }
  });

  it("resolves every $ref to a component schema", async () => {
    const d = await doc();
    const refs = [...JSON.stringify(d).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of new Set(refs)) expect(d.components.schemas, r).toHaveProperty([r]);
    expect(Object.keys(d.components.schemas)).toEqual(expect.arrayContaining(["Error", "Host", "HostPage", "RRset", "UpdateKey", "CreatedUpdateKey", "UpdateEventPage", "Account"]));
    expect(d.components.schemas.Error).toMatchObject({ type: "object", required: ["error"] });
  });
});

describe("GET /api/v1/docs", () => {
  it("renders every operation and schema as self-contained HTML", async () => {
    const r = await app.request("/docs");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/text\/html/);
    const html = await r.text();
    for (const route of ROUTES) {
      const [m, p] = route.split(" ");
      expect(html, route).toContain(`${m!.toUpperCase()}</span> <code>/api/v1${p}</code>`);
    }
    for (const s of ["Error", "Host", "UpdateKey", "Account"]) expect(html).toContain(`id="schema-${s}"`);
    expect(html).toContain("<td><code>limit</code></td><td>query</td>");
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!example)/i);
  });
});
