// The generated configs work unchanged with the real clients (Debian's ddclient and inadyn, curl)
// against the whole service (supervisor, PostgreSQL, worker, embedded DNS): each run updates its
// own host, and `dig` then sees the address. Only the run mode is given on the command line
// (foreground, once), as a person trying the config would; inadyn is also told to accept the
// loopback address our checkip reports here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { createHost } from "@/lib/hosts/create-host";
import { createUpdateKey } from "@/lib/keys/create-update-key";
import { dig } from "@/tests/support/dig";
import { removeServiceData, startService, type Service } from "@/tests/support/service";
import { clientConfigs, type ClientConfig } from "./client-configs";

let svc: Service;
let db: Db;
let ownerId: string;
const tmp = mkdtempSync(path.join(os.tmpdir(), "dynhost-setup-"));

beforeAll(async () => {
  svc = await startService({ env: { UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0" } });
  const password = readFileSync(path.join(svc.dataDir, "pg-password"), "utf8").trim();
  db = createDb(`postgresql://dynhost:${encodeURIComponent(password)}@127.0.0.1:${svc.env.EMBEDDED_PG_PORT}/dynhost`, 2);
  ownerId = (await db.user.create({ data: { email: "setup@example.test", passwordHash: "x", emailVerifiedAt: new Date() } })).id;
}, 240_000);

afterAll(async () => {
  await db?.$disconnect();
  await svc?.stop();
  if (svc) removeServiceData(svc);
  rmSync(tmp, { recursive: true, force: true });
});

// A host with its own key, and the generated config of `id` for it.
async function configFor(label: string, id: ClientConfig["id"]): Promise<{ fqdn: string; text: string }> {
  const host = await createHost({ client: db, ownerId, actor: CLI_ACTOR, fqdn: `${label}.dyn.test` });
  const { secret } = await createUpdateKey(db, { ownerId, hostId: host.id });
  const cfg = clientConfigs({ baseUrl: svc.url, fqdn: host.fqdn, secret }).find((c) => c.id === id)!;
  return { fqdn: host.fqdn, text: cfg.text };
}

function run(cmd: string, args: string[], pkg: string): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60_000 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${cmd} is not installed: apt-get install ${pkg}`);
  return `${r.stdout}${r.stderr}`;
}

async function digUntil(name: string, want: string[]): Promise<string[]> {
  const until = Date.now() + 10_000;
  let got: string[] = [];
  while (Date.now() < until) {
    got = await dig("127.0.0.1", svc.dnsPort, name, "A");
    if (JSON.stringify(got) === JSON.stringify(want)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return got;
}

describe("generated client configs against the real service", () => {
  it("ddclient: checkip, then a dyndns2 update with Basic auth", async () => {
    const { fqdn, text } = await configFor("setup-dd", "ddclient");
    const file = path.join(tmp, "ddclient.conf");
    writeFileSync(file, text, { mode: 0o600 });
    const out = run("ddclient", ["-daemon=0", "-foreground", "-verbose", "-file", file, "-cache", path.join(tmp, "ddclient.cache")], "ddclient");
    expect(out, out).toContain(`SUCCESS:  updating ${fqdn}: good: IP address set to 127.0.0.1`);
    expect(await digUntil(fqdn, ["127.0.0.1"])).toEqual(["127.0.0.1"]);
  });

  it("inadyn: the custom provider block", async () => {
    const { fqdn, text } = await configFor("setup-ina", "inadyn");
    const file = path.join(tmp, "inadyn.conf");
    // inadyn refuses loopback addresses from checkip unless told otherwise; users see public ones.
    writeFileSync(file, `verify-address = false\n${text}`, { mode: 0o600 });
    const out = run("inadyn", ["-1", "--foreground", "-l", "info", "-f", file, "--cache-dir", path.join(tmp, "inadyn-cache"), "-P", path.join(tmp, "inadyn.pid")], "inadyn");
    expect(out, out).toContain(`Successful alias table update for ${fqdn} => new IP# 127.0.0.1`);
    expect(await digUntil(fqdn, ["127.0.0.1"])).toEqual(["127.0.0.1"]);
  });

  it("curl: the one-liner, run by a shell", async () => {
    const { fqdn, text } = await configFor("setup-curl", "curl");
    expect(run("sh", ["-c", text], "curl")).toBe("good 127.0.0.1");
    expect(await digUntil(fqdn, ["127.0.0.1"])).toEqual(["127.0.0.1"]);
  });
});
