// Starts a real Knot DNS (`knotd`) on a free loopback port with the zone dyn.test, updatable and
// transferable with two TSIG keys (hmac-sha256, hmac-sha512). Stop it with `stop()` in afterAll.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeDnsPort, requireBinary, startDaemon, TEST_ZONE, testKeys, zoneFile, type DnsTestServer } from "./dns-daemon";

// Start knotd in a fresh temp dir; resolves once the log says the zone is loaded.
export async function startKnot(): Promise<DnsTestServer> {
  const knotd = requireBinary("knotd", "knot");
  const dir = await mkdtemp(path.join(tmpdir(), "dynhost-knot-"));
  await mkdir(path.join(dir, "db"));
  const keys = testKeys();
  await writeFile(path.join(dir, `${TEST_ZONE}.zone`), zoneFile(TEST_ZONE));
  for (let attempt = 1; ; attempt++) {
    const port = await freeDnsPort();
    await writeFile(path.join(dir, "knot.conf"), knotConf(dir, port, keys));
    try {
      const daemon = await startDaemon(knotd, ["-c", path.join(dir, "knot.conf")], new RegExp(`\\[${TEST_ZONE}\\.\\] loaded`));
      const stop = async () => {
        await daemon.stop();
        await rm(dir, { recursive: true, force: true });
      };
      return { host: "127.0.0.1", port, zone: TEST_ZONE, ...keys, dir, log: daemon.log, stop };
    } catch (err) {
      if (attempt >= 3 || !/address already in use|failed to bind/i.test(String(err))) throw err;
    }
  }
}

function knotConf(dir: string, port: number, { key, sha512Key }: ReturnType<typeof testKeys>): string {
  return `
server:
  listen: 127.0.0.1@${port}
  rundir: "${dir}"
  user: root:root
log:
  - target: stderr
    any: info
database:
  storage: "${dir}/db"
key:
  - id: ${key.name}
    algorithm: hmac-sha256
    secret: ${key.secret}
  - id: ${sha512Key.name}
    algorithm: hmac-sha512
    secret: ${sha512Key.secret}
acl:
  - id: ddns
    key: [ddns-key, ddns-key-512]
    action: [update, transfer]
zone:
  - domain: ${TEST_ZONE}
    storage: "${dir}"
    file: "${TEST_ZONE}.zone"
    acl: ddns
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: all
    semantic-checks: off
`;
}
