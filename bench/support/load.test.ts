// Both load generators against a real HTTP server on loopback: every path of the list is requested,
// answers are counted by "<status> <first word>", the rate is what the server saw.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRate, runLoad } from "./load";

let server: http.Server;
let baseUrl: string;
const seen = new Map<string, number>();
let auth = new Set<string>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.set(req.url!, (seen.get(req.url!) ?? 0) + 1);
    auth.add(String(req.headers.authorization));
    if (req.url === "/bad") return void res.writeHead(404, { "content-type": "text/plain" }).end("nohost\n");
    res.writeHead(200, { "content-type": "text/plain" }).end(req.url === "/a" ? "good 1.2.3.4\n" : "nochg 1.2.3.4\n");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe.each([["wrk", true], ["autocannon", false]] as const)("runLoad with %s", (tool, useWrk) => {
  it("walks the paths, sends the headers and counts the answers", async () => {
    seen.clear();
    auth = new Set();
    const r = await runLoad({ baseUrl, paths: ["/a", "/b", "/bad"], headers: { authorization: "Basic eDp5" }, durationS: 1, connections: 2 }, useWrk);
    expect(r.tool).toBe(tool);
    expect([...seen.keys()].sort()).toEqual(["/a", "/b", "/bad"]);
    expect([...auth]).toEqual(["Basic eDp5"]);
    expect(Object.keys(r.answers).sort()).toEqual(["200 good", "200 nochg", "404 nohost"]);
    const counted = Object.values(r.answers).reduce((a, b) => a + b, 0);
    const served = [...seen.values()].reduce((a, b) => a + b, 0);
    expect(counted).toBeGreaterThan(100);
    expect(served - counted).toBeLessThanOrEqual(4); // requests in flight when the run ended
    expect(Math.abs(r.answers["200 good"]! - r.answers["404 nohost"]!)).toBeLessThanOrEqual(4);
    expect(answerRate(r, "200 good")).toBeCloseTo(r.answers["200 good"]! / r.durationS, 6);
  });
});
