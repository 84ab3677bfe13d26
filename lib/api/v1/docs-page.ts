// Renders an OpenAPI 3.1 document as one HTML page: operations by tag with their parameters,
// bodies and answers, then every schema with its properties. Pure; every string is escaped.

type Schema = { $ref?: string; type?: string | string[]; format?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>;
  required?: string[]; description?: string; anyOf?: Schema[]; oneOf?: Schema[]; nullable?: boolean; example?: unknown; const?: unknown };
type Param = { name: string; in: string; required?: boolean; schema?: Schema; description?: string };
type Op = { summary?: string; description?: string; tags?: string[]; parameters?: Param[]; security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: Schema }> }; responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }> };
export type OpenApiDoc = { info: { title: string; version: string; description?: string }; servers?: { url: string }[];
  paths: Record<string, Record<string, Op>>; components?: { schemas?: Record<string, Schema> } };

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const anchor = (name: string) => `schema-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

/** A short type label: "string", "integer[]", a link to a named schema, "A | B". */
export function typeLabel(s: Schema | undefined): string {
  if (!s) return "";
  if (s.$ref) {
    const name = s.$ref.split("/").pop()!;
    return `<a href="#${anchor(name)}">${esc(name)}</a>`;
  }
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeLabel).join(" | ");
  if (s.enum) return s.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(" | ");
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : ["object"];
  return types.map((t) => (t === "array" ? `${typeLabel(s.items)}[]` : esc(t) + (s.format ? ` (${esc(s.format)})` : ""))).join(" | ");
}

function propertiesTable(s: Schema): string {
  const props = Object.entries(s.properties ?? {});
  if (props.length === 0) return `<p>${typeLabel(s)}</p>`;
  const rows = props.map(([name, p]) =>
    `<tr><td><code>${esc(name)}</code></td><td>${typeLabel(p)}</td><td>${s.required?.includes(name) ? "yes" : "no"}</td><td>${esc(p.description ?? "")}</td></tr>`);
  return `<table><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr>${rows.join("")}</table>`;
}

function operation(method: string, path: string, op: Op): string {
  const params = (op.parameters ?? []).map((p) =>
    `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${typeLabel(p.schema)}</td><td>${p.required ? "yes" : "no"}</td><td>${esc(p.description ?? p.schema?.description ?? "")}</td></tr>`);
  const body = op.requestBody?.content?.["application/json"]?.schema;
  const answers = Object.entries(op.responses ?? {}).map(([status, r]) =>
    `<tr><td>${esc(status)}</td><td>${esc(r.description ?? "")}</td><td>${typeLabel(r.content?.["application/json"]?.schema)}</td></tr>`);
  return `<section class="op" id="${esc(`${method}-${path}`)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? "")}${op.description ? ` — ${esc(op.description)}` : ""}</p>
${params.length ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Description</th></tr>${params.join("")}</table>` : ""}
${body ? `<h4>Request body</h4><p>application/json: ${typeLabel(body)}</p>` : ""}
<h4>Responses</h4><table><tr><th>Status</th><th>Description</th><th>Body</th></tr>${answers.join("")}</table>
</section>`;
}

const METHODS = ["get", "post", "put", "patch", "delete"];
const CSS = `body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.op{border-top:1px solid #ccc;padding-top:.5rem}.m{font-weight:700;padding:0 .4rem;border-radius:3px;color:#fff}
.get{background:#2f6f3e}.post{background:#1f5fa8}.put{background:#8a5a00}.delete{background:#a32020}.patch{background:#6b3fa0}code{font-size:.95em}`;

/** The whole page. */
export function renderDocsPage(doc: OpenApiDoc): string {
  const base = doc.servers?.[0]?.url ?? "";
  const ops: { tag: string; html: string; method: string; path: string; summary: string }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.push({ tag: op.tags?.[0] ?? "other", method, path: base + path, summary: op.summary ?? "", html: operation(method, base + path, op) });
    }
  }
  const tags = [...new Set(ops.map((o) => o.tag))];
  const toc = ops.map((o) => `<li><a href="#${esc(`${o.method}-${o.path}`)}">${esc(o.method.toUpperCase())} ${esc(o.path)}</a> — ${esc(o.summary)}</li>`).join("");
  const sections = tags.map((t) => `<h2>${esc(t)}</h2>${ops.filter((o) => o.tag === t).map((o) => o.html).join("")}`).join("");
  const schemas = Object.entries(doc.components?.schemas ?? {})
    .map(([name, s]) => `<section id="${anchor(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ""}${propertiesTable(s)}</section>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title><style>${CSS}</style></head><body>
<h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="${esc(base)}/openapi.json">${esc(base)}/openapi.json</a> (OpenAPI 3.1).</p>
<h2>Operations</h2><ul>${toc}</ul>${sections}<h2>Schemas</h2>${schemas}</body></html>`;
}
