// The one conformance suite every DnsProvider must pass (DESIGN.md §2, STYLE.md §12). Each test
// declares the zone's whole desired state, plans against listRRsets, applies, checks that listing
// matches and that a second plan is empty, and asks the real server with `dig`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRRsets, computeChanges } from "@/lib/dns/plan";
import { canonicalRRset } from "@/lib/dns/rdata";
import type { Change, DnsProvider, RRset, RRType } from "@/lib/dns/types";
import { dig, digFull } from "../support/dig";

export type ConformanceTarget = {
  provider: DnsProvider;
  /** A zone the suite owns; setup may create it, ensureZone must accept it either way. */
  zone: string;
  /** Where the backend answers DNS queries (loopback). */
  dns: { host: string; port: number };
  teardown(): Promise<void>;
};

type TypeCase = { type: RRType; v1: string[]; v2: string[]; dig1: string[]; dig2: string[] };

const TYPE_CASES: TypeCase[] = [
  { type: "A", v1: ["192.0.2.1"], v2: ["192.0.2.3", "192.0.2.2"], dig1: ["192.0.2.1"], dig2: ["192.0.2.2", "192.0.2.3"] },
  { type: "AAAA", v1: ["2001:DB8:0:0::1"], v2: ["2001:db8::2", "2001:db8:0:1::3"], dig1: ["2001:db8::1"], dig2: ["2001:db8:0:1::3", "2001:db8::2"] },
  { type: "TXT", v1: ["hello world"], v2: ['"v=spf1" "-all"', "second"], dig1: ['"hello world"'], dig2: ['"second"', '"v=spf1" "-all"'] },
  { type: "MX", v1: ["10 MX1.example.com"], v2: ["10 mx1.example.com.", "20 mx2.example.com."], dig1: ["10 mx1.example.com."], dig2: ["10 mx1.example.com.", "20 mx2.example.com."] },
  { type: "CNAME", v1: ["Target.Example.com"], v2: ["other.example.net."], dig1: ["target.example.com."], dig2: ["other.example.net."] },
  {
    type: "CAA",
    v1: ['0 issue "letsencrypt.org"'],
    v2: ['0 issue "letsencrypt.org"', "0 iodef mailto:security@example.com", '128 issuewild ";"'],
    dig1: ['0 issue "letsencrypt.org"'],
    dig2: ['0 iodef "mailto:security@example.com"', '0 issue "letsencrypt.org"', '128 issuewild ";"'],
  },
  { type: "SRV", v1: ["10 5 5060 sip.example.com"], v2: ["10 5 5060 sip1.example.com.", "20 0 5061 sip2.example.com."], dig1: ["10 5 5060 sip.example.com."], dig2: ["10 5 5060 sip1.example.com.", "20 0 5061 sip2.example.com."] },
];

const LONG = "k".repeat(300);
const TXT_EDGE_CASES = [
  '"v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ"',
  'say "hi" \\o/',
  LONG,
  "café ✓",
  '""',
];
const TXT_EDGE_DIG = [
  '""',
  '"caf\\195\\169 \\226\\156\\147"',
  `"${"k".repeat(255)}" "${"k".repeat(45)}"`,
  '"say \\"hi\\" \\\\o/"',
  '"v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ"',
];

// Register the conformance tests for one provider under describe(label).
export function conformanceSuite(label: string, setup: () => Promise<ConformanceTarget>): void {
  describe(`DNS provider conformance: ${label}`, () => {
    let t: ConformanceTarget;
    const fqdn = (label: string) => `${label}.${t.zone}`;
    const rr = (label: string, type: RRType, records: string[], ttl = 300): RRset => ({ name: fqdn(label), type, ttl, records });
    const short = (name: string, type: string) => dig(t.dns.host, t.dns.port, name, type);
    const full = (name: string, type: string, tcp = false) => digFull(t.dns.host, t.dns.port, name, type, { tcp });

    // Converge the zone to `desired`, check listing and a second plan, return the changes applied.
    async function sync(desired: RRset[]): Promise<Change[]> {
      expect(auditRRsets(desired, t.provider.capabilities)).toEqual([]);
      const changes = computeChanges(await t.provider.listRRsets(t.zone), desired);
      await t.provider.apply(t.zone, changes);
      const listed = await t.provider.listRRsets(t.zone);
      const sortKey = (r: RRset) => `${r.name} ${r.type}`;
      expect(listed.map(sortKey).sort()).toEqual(listed.map(sortKey));
      expect(listed).toEqual(desired.map(canonicalRRset).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
      expect(computeChanges(listed, desired)).toEqual([]);
      return changes;
    }
    const kinds = (changes: Change[]) => changes.map((c) => `${c.kind} ${c.kind === "delete" ? c.before.name : c.after.name} ${c.kind === "delete" ? c.before.type : c.after.type}`);

    beforeAll(async () => {
      t = await setup();
    });
    afterAll(async () => {
      await t?.teardown();
    });

    it("ensureZone is idempotent and leaves SOA and NS serving", async () => {
      await t.provider.ensureZone(t.zone);
      await t.provider.ensureZone(t.zone);
      await sync([]);
      expect(await t.provider.listRRsets(t.zone)).toEqual([]);
      const soa = await full(t.zone, "SOA");
      expect([soa.status, soa.flags.includes("aa"), soa.answer.map((r) => r.type)]).toEqual(["NOERROR", true, ["SOA"]]);
      const ns = await full(t.zone, "NS");
      expect(ns.status).toBe("NOERROR");
      expect(ns.answer.length).toBeGreaterThan(0);
      expect(ns.answer.every((r) => r.type === "NS")).toBe(true);
    });

    for (const c of TYPE_CASES) {
      it(`${c.type}: create, update (records and TTL), delete — each seen by dig`, async () => {
        const name = `cf-${c.type.toLowerCase()}`;
        expect(kinds(await sync([rr(name, c.type, c.v1)]))).toEqual([`create ${fqdn(name)} ${c.type}`]);
        expect(await short(fqdn(name), c.type)).toEqual(c.dig1);
        expect(kinds(await sync([rr(name, c.type, c.v2, 120)]))).toEqual([`update ${fqdn(name)} ${c.type}`]);
        expect(await short(fqdn(name), c.type)).toEqual(c.dig2);
        expect((await full(fqdn(name), c.type)).answer.map((r) => r.ttl)).toEqual(c.dig2.map(() => 120));
        expect(kinds(await sync([]))).toEqual([`delete ${fqdn(name)} ${c.type}`]);
        expect(await short(fqdn(name), c.type)).toEqual([]);
        expect((await full(fqdn(name), c.type)).status).toBe("NXDOMAIN");
      });
    }

    it("TXT keeps several strings, quotes, backslashes, non-ASCII bytes, >255-byte values and empty strings", async () => {
      await sync([rr("cf-txt-edge", "TXT", TXT_EDGE_CASES)]);
      expect(await short(fqdn("cf-txt-edge"), "TXT")).toEqual(TXT_EDGE_DIG);
    });

    it("a TXT answer too big for UDP comes back over TCP with every byte", async () => {
      const big = Array.from({ length: 8 }, (_, i) => `"${String(i).repeat(250)}"`).join(" ");
      await sync([rr("cf-txt-big", "TXT", [big])]);
      expect(await short(fqdn("cf-txt-big"), "TXT")).toEqual([big]);
      const udp = await digFull(t.dns.host, t.dns.port, fqdn("cf-txt-big"), "TXT", { ignoreTruncation: true, bufsize: 1232 });
      expect(udp.flags).toContain("tc");
      expect((await full(fqdn("cf-txt-big"), "TXT", true)).answer.map((r) => r.data)).toEqual([big]);
    });

    it("multi-value rrsets: values are added and removed exactly, TTL-only changes are updates", async () => {
      const a = (records: string[], ttl = 300) => [rr("cf-multi", "A", records, ttl), rr("cf-multi", "AAAA", ["2001:db8::a"], ttl)];
      await sync(a(["192.0.2.10", "192.0.2.11", "192.0.2.12"]));
      expect(await short(fqdn("cf-multi"), "A")).toEqual(["192.0.2.10", "192.0.2.11", "192.0.2.12"]);
      expect(kinds(await sync(a(["192.0.2.12", "192.0.2.10"])))).toEqual([`update ${fqdn("cf-multi")} A`]);
      expect(await short(fqdn("cf-multi"), "A")).toEqual(["192.0.2.10", "192.0.2.12"]);
      expect(await short(fqdn("cf-multi"), "AAAA")).toEqual(["2001:db8::a"]);
      const nodata = await full(fqdn("cf-multi"), "TXT");
      expect([nodata.status, nodata.answer, nodata.authority.map((r) => [r.name, r.type])]).toEqual(["NOERROR", [], [[`${t.zone}.`, "SOA"]]]);
      expect(kinds(await sync(a(["192.0.2.12", "192.0.2.10"], 60)))).toEqual([`update ${fqdn("cf-multi")} A`, `update ${fqdn("cf-multi")} AAAA`]);
      expect((await full(fqdn("cf-multi"), "AAAA")).answer.map((r) => r.ttl)).toEqual([60]);
    });

    it("CNAME exclusivity: the plan deletes other types before a CNAME and back again", async () => {
      const h = fqdn("cf-alias");
      await sync([rr("cf-alias", "A", ["192.0.2.20"]), rr("cf-alias", "TXT", ["x"])]);
      expect(auditRRsets([rr("cf-alias", "A", ["192.0.2.20"]), rr("cf-alias", "CNAME", ["t.example."])], t.provider.capabilities).map((p) => p.code)).toEqual(["cname_and_other_data"]);
      expect(kinds(await sync([rr("cf-alias", "CNAME", ["target.example.org."])]))).toEqual([`delete ${h} A`, `delete ${h} TXT`, `create ${h} CNAME`]);
      expect(await short(h, "CNAME")).toEqual(["target.example.org."]);
      const viaA = await full(h, "A");
      expect([viaA.status, viaA.answer.map((r) => `${r.type} ${r.data}`)]).toEqual(["NOERROR", ["CNAME target.example.org."]]);
      expect(kinds(await sync([rr("cf-alias", "A", ["192.0.2.21"])]))).toEqual([`delete ${h} CNAME`, `create ${h} A`]);
      expect(await short(h, "A")).toEqual(["192.0.2.21"]);
      expect(await short(h, "CNAME")).toEqual([]);
    });

    it("listRRsets with names returns only those names", async () => {
      await sync([rr("cf-one", "A", ["192.0.2.30"]), rr("cf-two", "A", ["192.0.2.31"]), rr("cf-two", "TXT", ["two"])]);
      expect(await t.provider.listRRsets(t.zone, [fqdn("cf-two")])).toEqual([rr("cf-two", "A", ["192.0.2.31"]), rr("cf-two", "TXT", ['"two"'])]);
      expect(await t.provider.listRRsets(t.zone, [fqdn("cf-none")])).toEqual([]);
    });

    it("idempotent: applying the same changes twice leaves the same state and a second plan is empty", async () => {
      await sync([]);
      const desired = [rr("cf-idem", "A", ["192.0.2.40"]), rr("cf-idem", "MX", ["10 mx.example.com."]), rr("cf-idem2", "TXT", [LONG])];
      const changes = computeChanges(await t.provider.listRRsets(t.zone), desired);
      await t.provider.apply(t.zone, changes);
      const once = await t.provider.listRRsets(t.zone);
      await t.provider.apply(t.zone, changes);
      await t.provider.apply(t.zone, []);
      expect(await t.provider.listRRsets(t.zone)).toEqual(once);
      expect(computeChanges(once, desired)).toEqual([]);
      expect(await short(fqdn("cf-idem"), "A")).toEqual(["192.0.2.40"]);
      expect(await short(fqdn("cf-idem"), "MX")).toEqual(["10 mx.example.com."]);
      expect(kinds(await sync([]))).toEqual([`delete ${fqdn("cf-idem")} A`, `delete ${fqdn("cf-idem")} MX`, `delete ${fqdn("cf-idem2")} TXT`]);
      expect((await full(fqdn("cf-idem"), "A")).status).toBe("NXDOMAIN");
    });
  });
}
