// Live tests of the RFC 2136 provider and TSIG against a real server (BIND or Knot), beyond the
// shared conformance suite: exact UPDATE traffic, no traffic for an empty plan, bad keys, a stopped
// server, TSIG on the server's answers, and a 2 000-rrset plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRfc2136Provider } from "@/lib/dns/providers/rfc2136";
import { buildQuery } from "@/lib/dns/providers/rfc2136-messages";
import { exchange } from "@/lib/dns/transport";
import { signMessage, verifyMessage } from "@/lib/dns/tsig";
import { FatalDnsError, RetryableDnsError, type Change } from "@/lib/dns/types";
import { dig } from "@/tests/support/dig";
import type { DnsTestServer } from "@/tests/support/dns-daemon";
import { decodeUpdate, startRecorder } from "@/tests/support/dns-recorder";

const a = (name: string, ...records: string[]): Change => ({ kind: "create", after: { name, type: "A", ttl: 60, records } });

// Register the live RFC 2136 tests for one server kind.
export function rfc2136LiveSuite(label: string, start: () => Promise<DnsTestServer>): void {
  describe(`RFC 2136 provider against ${label}`, () => {
    let server: DnsTestServer;
    beforeAll(async () => {
      server = await start();
    });
    afterAll(async () => server?.stop());
    const provider = () => createRfc2136Provider({ server, tsig: server.key });

    it("checks the zone with a signed SOA query and cannot create a missing one", async () => {
      await expect(provider().ensureZone("dyn.test.")).resolves.toBeUndefined();
      await expect(provider().ensureZone("missing.test")).rejects.toThrow(
        new FatalDnsError(`zone missing.test is not served by 127.0.0.1:${server.port} (REFUSED); RFC 2136 cannot create zones, configure it on the server`),
      );
    });

    it("sends exactly one signed UPDATE for one change, and the server applies it", async () => {
      const recorder = await startRecorder(server);
      try {
        const viaProxy = createRfc2136Provider({ server: recorder, tsig: server.key });
        await viaProxy.apply("dyn.test", [a("exact.dyn.test", "192.0.2.11", "192.0.2.10")]);
        expect(recorder.sent.map((m) => m.transport)).toEqual(["tcp"]);
        const wire = recorder.sent[0]!.wire;
        const { id, ...decoded } = decodeUpdate(wire);
        expect(id).toBe(wire.readUInt16BE(0));
        expect(decoded).toEqual({
          opcode: 5,
          zone: "dyn.test. IN SOA",
          prerequisites: [],
          updates: ["exact.dyn.test. 0 ANY A", "exact.dyn.test. 60 IN A 192.0.2.11", "exact.dyn.test. 60 IN A 192.0.2.10"],
          signedBy: "ddns-key hmac-sha256",
        });
        expect(verifyMessage(wire, server.key).error).toBe(0);
      } finally {
        await recorder.close();
      }
      expect(await dig("127.0.0.1", server.port, "exact.dyn.test", "A")).toEqual(["192.0.2.10", "192.0.2.11"]);
    });

    it("sends nothing at all for an empty plan", async () => {
      const recorder = await startRecorder(server);
      try {
        await createRfc2136Provider({ server: recorder, tsig: server.key }).apply("dyn.test", []);
        await new Promise((r) => setTimeout(r, 50));
        expect(recorder.sent).toEqual([]);
        expect(recorder.tcpConnections).toBe(0);
      } finally {
        await recorder.close();
      }
    });

    it("accepts only our signature: a wrong secret gets NOTAUTH/BADSIG, an unknown key NOTAUTH/BADKEY (fatal)", async () => {
      const wrongSecret = createRfc2136Provider({ server, tsig: { ...server.key, secret: Buffer.alloc(32, 1).toString("base64") } });
      const change = [a("never.dyn.test", "192.0.2.99")];
      const at = `127.0.0.1:${server.port}`;
      await expect(wrongSecret.apply("dyn.test", change)).rejects.toThrow(
        new FatalDnsError(`UPDATE 1/1 of dyn.test at ${at}: NOTAUTH (TSIG BADSIG: check the key name, algorithm and secret)`),
      );
      await expect(wrongSecret.listRRsets("dyn.test")).rejects.toThrow(/^AXFR of dyn.test from .*: NOTAUTH \(TSIG BADSIG/);
      const unknownKey = createRfc2136Provider({ server, tsig: { ...server.key, name: "nobody" } });
      await expect(unknownKey.apply("dyn.test", change)).rejects.toThrow(/: NOTAUTH \(TSIG BADKEY/);
      await expect(unknownKey.ensureZone("dyn.test")).rejects.toBeInstanceOf(FatalDnsError);
      expect(await dig("127.0.0.1", server.port, "never.dyn.test", "A")).toEqual([]);
    });

    it("works the same with an hmac-sha512 key", async () => {
      const p = createRfc2136Provider({ server, tsig: server.sha512Key });
      await p.ensureZone("dyn.test");
      await p.apply("dyn.test", [a("sha512.dyn.test", "192.0.2.51")]);
      expect(await p.listRRsets("dyn.test", ["sha512.dyn.test"])).toEqual([{ name: "sha512.dyn.test", type: "A", ttl: 60, records: ["192.0.2.51"] }]);
      await p.apply("dyn.test", [{ kind: "delete", before: { name: "sha512.dyn.test", type: "A", ttl: 60, records: ["192.0.2.51"] } }]);
      expect(await dig("127.0.0.1", server.port, "sha512.dyn.test", "A")).toEqual([]);
    });

    it("gets answers signed by the server, bound to our request MAC", async () => {
      const request = signMessage(buildQuery("dyn.test", "SOA"), server.key);
      const reply = await exchange(server, request.wire, { timeoutMs: 2_000 });
      const verified = verifyMessage(reply, server.key, { requestMac: request.mac });
      expect(verified.keyName).toBe("ddns-key");
      expect(verified.algorithm).toBe("hmac-sha256");
      expect(() => verifyMessage(reply, server.key, { requestMac: Buffer.alloc(32) })).toThrow(/does not verify/);
    });

    it("applies 2 000 rrsets and reads all of them back over a signed AXFR", async () => {
      const names = Array.from({ length: 2_000 }, (_, i) => `bulk${i}.dyn.test`);
      const changes = names.map((n, i) => a(n, `198.51.${i >> 8}.${i & 255}`));
      const t0 = performance.now();
      await provider().apply("dyn.test", changes);
      const t1 = performance.now();
      const listed = (await provider().listRRsets("dyn.test")).filter((s) => s.name.startsWith("bulk"));
      const t2 = performance.now();
      expect(listed.length).toBe(2_000);
      expect(listed.find((s) => s.name === "bulk1999.dyn.test")).toEqual({ name: "bulk1999.dyn.test", type: "A", ttl: 60, records: ["198.51.7.207"] });
      await provider().apply("dyn.test", listed.map((before) => ({ kind: "delete", before })));
      const t3 = performance.now();
      expect((await provider().listRRsets("dyn.test")).filter((s) => s.name.startsWith("bulk"))).toEqual([]);
      console.log(`[${label}] 2000 rrsets: apply ${(t1 - t0).toFixed(0)} ms, AXFR ${(t2 - t1).toFixed(0)} ms, delete ${(t3 - t2).toFixed(0)} ms`);
    });

    it("reports a stopped server as retryable", async () => {
      const doomed = await start();
      const p = createRfc2136Provider({ server: doomed, tsig: doomed.key, timeoutMs: 500 });
      await p.ensureZone("dyn.test");
      await doomed.stop();
      await expect(p.apply("dyn.test", [a("gone.dyn.test", "192.0.2.1")])).rejects.toBeInstanceOf(RetryableDnsError);
      await expect(p.listRRsets("dyn.test")).rejects.toBeInstanceOf(RetryableDnsError);
      await expect(p.ensureZone("dyn.test")).rejects.toBeInstanceOf(RetryableDnsError);
    });
  });
}
