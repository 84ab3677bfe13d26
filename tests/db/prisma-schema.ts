// A small reader for prisma/schema/*.prisma: the tables, columns, indexes, foreign keys and enums
// that `prisma migrate` would create, so the drift test can compare them with the migrated database.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Column = { table: string; name: string; type: string; nullable: boolean };
export type Index = { table: string; name: string; columns: string[]; unique: boolean };
export type Expected = { columns: Column[]; indexes: Index[]; foreignKeys: string[]; enums: Map<string, string[]> };

const SCALAR: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Float: "double precision",
};

function blocks(src: string, kind: "model" | "enum") {
  const re = new RegExp(`^${kind}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm");
  return [...src.matchAll(re)].map((m) => ({ name: m[1], body: m[2] }));
}

function fieldList(s: string): string[] {
  return s.split(",").map((x) => x.trim().replace(/\(.*$/, "")).filter(Boolean);
}

export function readPrismaSchema(dir: string): Expected {
  const src = readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .map((f) => readFileSync(path.join(dir, f), "utf8").replace(/\/\/.*$/gm, ""))
    .join("\n");
  const enums = new Map(blocks(src, "enum").map((e) => [e.name, e.body.split(/\s+/).filter(Boolean)]));
  const models = blocks(src, "model");
  const modelNames = new Set(models.map((m) => m.name));
  const out: Expected = { columns: [], indexes: [], foreignKeys: [], enums };
  for (const m of models) {
    const pk: string[] = [];
    for (const line of m.body.split("\n").map((l) => l.trim()).filter(Boolean)) {
      if (line.startsWith("@@")) {
        const fields = fieldList(/\[([^\]]*)\]/.exec(line)![1]);
        if (line.startsWith("@@unique")) out.indexes.push({ table: m.name, name: `${m.name}_${fields.join("_")}_key`, columns: fields, unique: true });
        if (line.startsWith("@@index")) out.indexes.push({ table: m.name, name: `${m.name}_${fields.join("_")}_idx`, columns: fields, unique: false });
        if (line.startsWith("@@id")) pk.push(...fields);
        continue;
      }
      const [name, rawType] = line.split(/\s+/);
      const base = rawType.replace(/[?[\]]/g, "");
      if (modelNames.has(base)) {
        const rel = /fields:\s*\[([^\]]*)\]/.exec(line);
        if (rel) out.foreignKeys.push(`${m.name}_${fieldList(rel[1]).join("_")}_fkey`);
        continue;
      }
      const list = rawType.endsWith("[]");
      let type = enums.has(base) ? base : SCALAR[base];
      if (line.includes("@db.Uuid")) type = "uuid";
      if (line.includes("@db.Timestamptz")) type = "timestamp with time zone";
      if (!type) throw new Error(`unknown Prisma type ${rawType} in ${m.name}.${name}`);
      out.columns.push({ table: m.name, name, type: list ? `${type}[]` : type, nullable: list || rawType.endsWith("?") });
      if (/@id\b/.test(line)) pk.push(name);
      if (/@unique\b/.test(line)) out.indexes.push({ table: m.name, name: `${m.name}_${name}_key`, columns: [name], unique: true });
    }
    out.indexes.push({ table: m.name, name: `${m.name}_pkey`, columns: pk, unique: true });
  }
  return out;
}
