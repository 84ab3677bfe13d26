// Runs the operator CLI (lib/cli/main.ts) against the e2e service's database, as an operator would.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  if (process.env.E2E_DATABASE_URL) return { ...env, DATABASE_URL: process.env.E2E_DATABASE_URL };
  const dir = process.env.E2E_DATA_DIR;
  if (!dir || !existsSync(path.join(dir, "pg-password"))) {
    throw new Error(
      `the e2e service's DATA_DIR (${dir ?? "unset"}) holds no database: npm run start:e2e must use E2E_DATA_DIR and E2E_PG_PORT when they are set`,
    );
  }
  delete env.DATABASE_URL;
  return { ...env, DATA_DIR: dir, EMBEDDED_PG_PORT: process.env.E2E_PG_PORT };
}

/** `npm run cli -- <args>`; throws with its output when it fails. */
export function runCli(args: string[]): string {
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "lib/cli/main.ts"), ...args], {
    cwd: root,
    env: cliEnv(),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`cli ${args[0]} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
