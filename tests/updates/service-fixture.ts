// The whole service (tests/support/service.ts: supervisor, embedded PostgreSQL, worker, embedded
// DNS, web) for the real-client tests, with a database handle to seed users, hosts and keys the
// way the app's own services do, and a wait for `dig` to answer what the database says.
import { readFileSync } from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { createDb, type Db } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createHost } from "@/lib/hosts/create-host";
import { createUpdateKey, type CreateUpdateKeyInput } from "@/lib/keys/create-update-key";
import { dig } from "@/tests/support/dig";
import { removeServiceData, startService, type Service } from "@/tests/support/service";

export type Fixture = {
  svc: Service;
  db: Db;
  port: number;
  /** Lines the update path logged in the service log (it logs only failures). */
  updateLog(): string[];
  stop(): Promise<void>;
};

/** Starts the service with its default embedded PostgreSQL; `env` overrides its settings. */
export async function startFixture(env: Record<string, string> = {}): Promise<Fixture> {
  const svc = await startService({ env: { UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0", ...env } });
  const password = readFileSync(path.join(svc.dataDir, "pg-password"), "utf8").trim();
  const db = createDb(`postgresql://dynhost:${encodeURIComponent(password)}@127.0.0.1:${svc.env.EMBEDDED_PG_PORT}/dynhost`, 2);
  return {
    svc,
    db,
    port: svc.port,
    updateLog: () => readFileSync(svc.logFile, "utf8").split("\n").filter((l) => l.includes("[updates]")),
    async stop() {
      await db.$disconnect();
      await svc.stop();
      removeServiceData(svc);
    },
  };
}

export async function seedUser(db: Db, email: string, password: string, planId = "plus") {
  return db.user.create({ data: { email, passwordHash: await hash(password), planId, emailVerifiedAt: new Date() } });
}

export async function seedHost(db: Db, ownerId: string, fqdn: string) {
  return createHost({ client: db, ownerId, actor: CLI_ACTOR, fqdn });
}

export async function seedKey(db: Db, input: CreateUpdateKeyInput): Promise<string> {
  return (await createUpdateKey(db, input)).secret;
}

/** Polls `dig` against the service's DNS until it answers `want` (sorted +short lines) or 10 s pass. */
export async function digUntil(port: number, name: string, type: string, want: string[]): Promise<string[]> {
  const until = Date.now() + 10_000;
  let got: string[] = [];
  while (Date.now() < until) {
    got = await dig("127.0.0.1", port, name, type);
    if (JSON.stringify(got) === JSON.stringify([...want].sort())) return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  return got;
}

/** The newest UpdateEvent for `fqdn` matching `where`, waiting up to 5 s (events are written in batches). */
export async function lastEvent(db: Db, fqdn: string, where: Record<string, unknown> = {}) {
  const until = Date.now() + 5000;
  for (;;) {
    const ev = await db.updateEvent.findFirst({ where: { fqdn, ...where }, orderBy: { id: "desc" } });
    if (ev || Date.now() > until) return ev;
    await new Promise((r) => setTimeout(r, 100));
  }
}
