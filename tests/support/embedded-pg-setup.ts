// Vitest global setup for the "db:embedded" project: one embedded PostgreSQL for the whole run,
// in a temp folder, on a free port; tests create their own databases on it.
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dynhost-test-pg-"));
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
  project.provide("embeddedPgAdminUrl", pg.url.replace(/\/dynhost$/, "/postgres"));
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
