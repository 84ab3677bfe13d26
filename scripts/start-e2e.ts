// `npm run start:e2e`: the production service for Playwright, in a fresh temp DATA_DIR with
// free ports for DNS and PostgreSQL (PORT comes from playwright.config.ts). Removes the folder on exit.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freeDualPort } from "@/tests/support/service";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "dynhost-e2e-"));
mkdirSync(dataDir, { recursive: true });
const port = process.env.PORT ?? "3100";
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATA_DIR: dataDir,
  PORT: port,
  HOST: "127.0.0.1",
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DNS_PORT: process.env.E2E_DNS_PORT || String(await freeDualPort()),
  DNS_CONTROL_PORT: String(await freeDualPort()),
  EMBEDDED_PG_PORT: process.env.E2E_PG_PORT || String(await freeDualPort()),
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;
console.log(`e2e service: DATA_DIR=${dataDir} DNS_PORT=${env.DNS_PORT}`);
const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/server/main.ts")], { cwd: root, env, stdio: "inherit" });
const forward = (s: NodeJS.Signals) => child.kill(s);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
child.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 1);
});
