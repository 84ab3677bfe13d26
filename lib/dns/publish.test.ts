import { describe, expect, it } from "vitest";
import { projectOne, projectRRsets, type HostStatus, type PublishHost, type StoredRRset } from "./publish";

const SINK = { ipv4: "192.0.2.66", ipv6: "100::66", ttl: 60 };
const rows: StoredRRset[] = [
  { name: "a.dyn.test", type: "A", ttl: 120, records: ["198.51.100.1"], hostId: "h1" },
  { name: "a.dyn.test", type: "TXT", ttl: 300, records: ['"hi"'], hostId: "h1" },
  { name: "_acme-challenge.a.dyn.test", type: "TXT", ttl: 60, records: ['"tok"'], hostId: "h1" },
  { name: "a.dyn.test", type: "AAAA", ttl: 120, records: [], hostId: "h1" }, // deleted, not yet published
  { name: "b.dyn.test", type: "A", ttl: 60, records: ["198.51.100.2"], hostId: "h2" },
  { name: "mx.dyn.test", type: "MX", ttl: 3600, records: ["10 mail.example."], hostId: null },
];
const hosts = (status: HostStatus): PublishHost[] => [
  { id: "h1", fqdn: "a.dyn.test", status },
  { id: "h2", fqdn: "b.dyn.test", status: "ACTIVE" },
];
const show = (status: HostStatus) => projectRRsets(rows, hosts(status), SINK).map((r) => `${r.name} ${r.type} ${r.ttl} ${r.records.join(",")}`).sort();

describe("projectRRsets", () => {
  it("publishes ACTIVE and FROZEN hosts as stored, leaving out deleted rrsets", () => {
    const expected = [
      "_acme-challenge.a.dyn.test TXT 60 \"tok\"",
      "a.dyn.test A 120 198.51.100.1",
      "a.dyn.test TXT 300 \"hi\"",
      "b.dyn.test A 60 198.51.100.2",
      "mx.dyn.test MX 3600 10 mail.example.",
    ];
    expect(show("ACTIVE")).toEqual(expected);
    expect(show("FROZEN")).toEqual(expected);
  });

  it("publishes nothing of SUSPENDED and EXPIRED hosts, leaving the others alone", () => {
    const others = ["b.dyn.test A 60 198.51.100.2", "mx.dyn.test MX 3600 10 mail.example."];
    expect(show("SUSPENDED")).toEqual(others);
    expect(show("EXPIRED")).toEqual(others);
  });

  it("publishes only the sinkhole A/AAAA at a SINKHOLED host's name", () => {
    expect(show("SINKHOLED")).toEqual([
      "a.dyn.test A 60 192.0.2.66",
      "a.dyn.test AAAA 60 100::66",
      "b.dyn.test A 60 198.51.100.2",
      "mx.dyn.test MX 3600 10 mail.example.",
    ]);
  });

  it("restores exactly the stored records when a status is lifted (the rows are never touched)", () => {
    const copy = structuredClone(rows);
    show("SINKHOLED");
    show("SUSPENDED");
    expect(rows).toEqual(copy);
    expect(show("ACTIVE")).toContain("a.dyn.test A 120 198.51.100.1");
  });

  it("projectOne answers for one (name, type), null when nothing is published there", () => {
    expect(projectOne("a.dyn.test", "A", rows, hosts("ACTIVE"), SINK)).toEqual({ name: "a.dyn.test", type: "A", ttl: 120, records: ["198.51.100.1"] });
    expect(projectOne("a.dyn.test", "AAAA", rows, hosts("ACTIVE"), SINK)).toBeNull();
    expect(projectOne("a.dyn.test", "AAAA", rows, hosts("SINKHOLED"), SINK)).toEqual({ name: "a.dyn.test", type: "AAAA", ttl: 60, records: ["100::66"] });
    expect(projectOne("a.dyn.test", "TXT", rows, hosts("SINKHOLED"), SINK)).toBeNull();
  });
});
