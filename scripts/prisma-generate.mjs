// Runs `prisma generate` without Prisma's download server (STACK-NOTES: generation never runs the
// schema engine, but the CLI insists that a binary path exists).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (!existsSync(path.join(root, "prisma", "schema"))) process.exit(0);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "package.json"),
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const bin = path.join(root, "node_modules", ".bin", "prisma");
const r = spawnSync(bin, ["generate"], { cwd: root, env, stdio: "inherit" });
process.exit(r.status ?? 1);
