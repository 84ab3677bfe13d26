// Reproduces a PowerDNS behaviour the latency benchmark runs into, with no dynhost code involved:
// with the packet cache on (PowerDNS's default), a name queried while the API changes it can keep
// answering the OLD address until the cache entry expires (cache-ttl, 20 s), although the PATCH
// succeeded. Flushing the name (PUT /cache/flush?domain=<name>.) after the PATCH prevents it.
//   node --import tsx bench/pdns-cache-race.ts [changes]
import { DnsClient } from "./support/dns-query";
import { startBenchPowerDns } from "./support/powerdns";

const n = Number(process.argv[2] ?? 1000);
const pdns = await startBenchPowerDns();
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${pdns.apiUrl}/api/v1/servers/localhost${path}`, {
    method,
    headers: { "X-API-Key": pdns.apiKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
};
const dns = new DnsClient(pdns.dnsPort);
try {
  await api("POST", "/zones", { name: "dyn.test.", kind: "Native", nameservers: ["ns1.dyn.test."] });
  for (const flush of [false, true]) {
    let stale = 0;
    for (let i = 0; i < n; i++) {
      const name = `h${i % 10}.dyn.test`;
      const ip = `198.51.100.${(i % 250) + 1}`;
      const hammer = setInterval(() => void dns.queryA(name), 1); // a resolver asking while it changes
      await api("PATCH", "/zones/dyn.test.", { rrsets: [{ name: `${name}.`, type: "A", ttl: 60, changetype: "REPLACE", records: [{ content: ip, disabled: false }] }] });
      if (flush) await api("PUT", `/cache/flush?domain=${name}.`);
      clearInterval(hammer);
      if ((await dns.pollUntil(name, ip, { timeoutMs: 1500 })) === null) stale++;
    }
    console.log(`${flush ? "PATCH + cache flush" : "PATCH only"}: ${stale} of ${n} changes still answered the old address 1.5 s later`);
  }
} finally {
  dns.close();
  await pdns.stop();
}
