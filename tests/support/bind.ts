// Starts a real BIND 9 (`named -g`) on a free loopback port with the zone dyn.test, updatable and
// transferable with two TSIG keys (hmac-sha256, hmac-sha512). Stop it with `stop()` in afterAll.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeDnsPort, requireBinary, startDaemon, TEST_ZONE, testKeys, zoneFile, type DnsTestServer } from "./dns-daemon";

// Start named in a fresh temp dir; resolves once the zone is loaded and named is listening.
export async function startBind(): Promise<DnsTestServer> {
  const named = requireBinary("named", "bind9");
  const dir = await mkdtemp(path.join(tmpdir(), "dynhost-bind-"));
  const keys = testKeys();
  await writeFile(path.join(dir, `${TEST_ZONE}.zone`), zoneFile(TEST_ZONE));
  for (let attempt = 1; ; attempt++) {
    const port = await freeDnsPort();
    await writeFile(path.join(dir, "named.conf"), namedConf(dir, port, keys));
    try {
      const daemon = await startDaemon(named, ["-g", "-u", "root", "-c", path.join(dir, "named.conf")], /running\n/);
      if (!daemon.log().includes(`zone ${TEST_ZONE}/IN: loaded serial`)) throw new Error(`named did not load ${TEST_ZONE}:\n${daemon.log()}`);
      const stop = async () => {
        await daemon.stop();
        await rm(dir, { recursive: true, force: true });
      };
      return { host: "127.0.0.1", port, zone: TEST_ZONE, ...keys, dir, log: daemon.log, stop };
    } catch (err) {
      if (attempt >= 3 || !/address in use/i.test(String(err))) throw err;
    }
  }
}

function namedConf(dir: string, port: number, { key, sha512Key }: ReturnType<typeof testKeys>): string {
  return `
options {
  directory "${dir}";
  pid-file "${dir}/named.pid";
  session-keyfile "${dir}/session.key";
  managed-keys-directory "${dir}";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  notify no;
  dnssec-validation no;
  allow-transfer { key ddns-key; key ddns-key-512; };
};
controls { };
key "${key.name}" { algorithm hmac-sha256; secret "${key.secret}"; };
key "${sha512Key.name}" { algorithm hmac-sha512; secret "${sha512Key.secret}"; };
zone "${TEST_ZONE}" {
  type primary;
  file "${dir}/${TEST_ZONE}.zone";
  update-policy { grant ddns-key zonesub ANY; grant ddns-key-512 zonesub ANY; };
};
`;
}
