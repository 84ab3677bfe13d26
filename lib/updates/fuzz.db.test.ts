// Adversarial input over real HTTP (the same Node listener the server entry uses): random and
// malformed names, addresses, credentials, encodings, headers and methods must always produce a
// protocol answer (dyndns2 code, OK/KO, checkip), never a 500 and never an internal error.
import http from "node:http";
import net from "node:net";
import { getRequestListener } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { events } from "@/lib/updates/test-support";
import { configure, seedAccount, seedHost, seedKey } from "@/lib/updates/test-support";
import { updateRoutes } from "@/lib/updates/protocols/routes";

let t: TestDatabase;
let server: http.Server;
let port: number;
let key: string;

const CODE = /^(good|nochg)( [0-9a-f.:,]+)?$|^(badauth|!donator|notfqdn|nohost|numhost|abuse|badagent|dnserr|911)$/;

// A small deterministic PRNG (mulberry32) so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0", AGENT_THROTTLE_BURST: "0" });
  const zone = await t.db.zone.create({ data: { name: "dyn.test" } });
  const u = await seedAccount(t.db);
  await seedHost(t.db, zone, u.id, "fz");
  key = (await seedKey(t.db, { ownerId: u.id, recordTypes: ["A", "AAAA", "TXT", "MX"] })).secret;
  // hostname: the Host assumed when a client sends none (old HTTP/1.0 routers) — as the server entry should.
  const listener = getRequestListener(updateRoutes().fetch, { overrideGlobalObjects: false, hostname: "localhost" });
  server = http.createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? "";
    void listener(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  server?.close();
  await drainUpdateEvents();
  await t?.drop();
});

// Sends raw bytes as one HTTP/1.0 request; resolves with the status and body.
function raw(request: Buffer | string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    s.on("data", (c) => chunks.push(c));
    s.on("error", reject);
    s.on("close", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: rest.join("\r\n\r\n") });
    });
    s.setTimeout(10_000, () => s.destroy(new Error("no answer within 10 s")));
    s.write(request); // HTTP/1.0: the server closes the connection after its answer
  });
}

const PIECES = [
  "a.dyn.test", "fz.dyn.test", "FZ.DYN.TEST.", "..", ".", "-a-.dyn.test", "xn--zz.dyn.test", "bücher.dyn.test", "a".repeat(70) + ".dyn.test",
  "1.2.3", "1.2.3.4", "0.0.0.0", "255.255.255.255", "::", "::1", "::ffff:1.2.3.4", "fe80::1%25eth0", "2001:db8::/64", "2001:db8::/999",
  "%", "%%", "%zz", "%00", "%C0%AF", "%E2%80%AE", "<ipaddr>", "preserve", "", " ", "+", ",", ",,", "\u00ff", "x".repeat(5000),
  "YES", "NO", "ON", "OFF", "NOCHG", "true", "\"quoted\"", "'; DROP TABLE \"Host\"; --",
];
const PARAMS = ["hostname", "myip", "myipv4", "myipv6", "offline", "wildcard", "mx", "backmx", "txt", "system", "username", "password",
  "domains", "token", "ip", "ipv6", "clear", "verbose", "format", "junk"];

describe("adversarial input", () => {
  it("always answers with a protocol code over real HTTP", async () => {
    const r = rng(20261125);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const paths = ["/nic/update", "/v3/update", "/update", `/update/fz/${key}`, "/update/%ZZ/x/1.2.3", "/checkip", "/nic/update/"];
    let answered = 0;
    for (let i = 0; i < 300; i++) {
      const qs = Array.from({ length: Math.floor(r() * 7) }, () => `${pick(PARAMS)}=${pick(PIECES)}${r() < 0.2 ? "," + pick(PIECES) : ""}`).join("&");
      const path = pick(paths);
      const auth = pick([
        "", `Basic ${Buffer.from(`x:${key}`).toString("base64")}`, `Basic ${Buffer.from("me@x.test:pw").toString("base64")}`,
        "Basic !!!notbase64", "Basic ", `Bearer ${key}`, "Basic " + "A".repeat(9000), `Basic ${Buffer.from([0xff, 0x3a, 0xfe]).toString("base64")}`,
      ]);
      const ua = pick(["", "ddclient/3.10.0", "weird agent", "x".repeat(3000), "Mozilla/5.0", "Fritz!Box DDNS/1.0 (+<x>)"]);
      const host = pick(["127.0.0.1", "127.0.0.1", "127.0.0.1", "localhost:80", "", "bad host", "[::1]:x"]);
      const garbage = r() < 0.05; // raw bytes Node's HTTP parser itself refuses with 400
      const target = garbage ? qs : qs.replace(/[^\x21-\x7e]/gu, (ch) => encodeURIComponent(ch));
      const method = r() < 0.2 ? "POST" : r() < 0.05 ? "PUT" : "GET";
      const body = method === "POST" ? target : "";
      const req = Buffer.concat([
        Buffer.from(`${method} ${path}${target ? "?" + target : ""} HTTP/1.0\r\nHost: ${host}\r\n`, "latin1"),
        Buffer.from(auth ? `Authorization: ${auth}\r\n` : "", "latin1"),
        Buffer.from(ua ? `User-Agent: ${ua}\r\n` : "", "latin1"),
        Buffer.from(method === "POST" ? `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body, "latin1")}\r\n` : "", "latin1"),
        Buffer.from("\r\n" + body, "latin1"),
      ]);
      const res = await raw(req);
      const where = `#${i} ${req.toString("latin1").slice(0, 300)}\n→ ${res.headers.slice(0, 200)}\n${res.body.slice(0, 200)}`;
      expect(res.status, where).not.toBeGreaterThanOrEqual(500);
      if (garbage && (res.status === 400 || res.status === 431)) continue;
      if (host === "[::1]:x" || host === "bad host") {
        expect(res.status, where).toBe(400); // @hono/node-server refuses a Host it cannot put in a URL
        continue;
      }
      if (method === "PUT" && res.status === 404) continue; // not a route of ours
      answered++;
      if (path.startsWith("/checkip")) {
        expect(res.body, where).toMatch(/^(<html><head><title>Current IP Check<\/title><\/head><body>Current IP Address: 127\.0\.0\.1<\/body><\/html>|127\.0\.0\.1\n|\{"ip":"127\.0\.0\.1"\})$/);
      } else if (path.startsWith("/update")) {
        expect([[200, 429].includes(res.status), /^(OK|KO)(\n|$)/.test(res.body)], where).toEqual([true, true]);
      } else {
        expect([200, 401, 429], where).toContain(res.status);
        for (const line of res.body.split("\n")) expect(line, where).toMatch(CODE);
      }
      expect(res.headers, where).toMatch(/\r\ncontent-length: \d+/i);
    }
    expect(answered).toBeGreaterThan(170);
    const rows = await events(t.db);
    expect(rows.length).toBeGreaterThan(120);
    expect(rows.filter((e) => e.reason === "internal_error")).toEqual([]);
  });
});
