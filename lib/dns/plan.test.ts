import { describe, expect, it } from "vitest";
import { auditRRsets, computeChanges, PlanError } from "./plan";
import type { ProviderCapabilities, RRset, RRType } from "./types";

const rr = (name: string, type: RRType, records: string[], ttl = 60): RRset => ({ name, type, ttl, records });

describe("computeChanges", () => {
  it("is empty when in sync, comparing canonical forms", () => {
    const existing = [rr("a.dyn.test", "AAAA", ["2001:db8::1", "2001:db8::2"]), rr("t.dyn.test", "TXT", ['"hi"'])];
    const desired = [rr("A.dyn.test.", "AAAA", ["2001:DB8:0::2", "2001:db8::1", "2001:db8::1"]), rr("t.dyn.test", "TXT", ["hi"])];
    expect(computeChanges(existing, desired)).toEqual([]);
  });

  it("creates, updates on records or TTL, deletes — deletes first, then updates, then creates", () => {
    const existing = [rr("gone.dyn.test", "A", ["192.0.2.9"]), rr("ttl.dyn.test", "A", ["192.0.2.1"], 300), rr("ip.dyn.test", "A", ["192.0.2.1"])];
    const desired = [rr("new.dyn.test", "MX", ["10 mx.example.com"]), rr("ttl.dyn.test", "A", ["192.0.2.1"], 60), rr("ip.dyn.test", "A", ["192.0.2.2"])];
    expect(computeChanges(existing, desired)).toEqual([
      { kind: "delete", before: rr("gone.dyn.test", "A", ["192.0.2.9"]) },
      { kind: "update", before: rr("ip.dyn.test", "A", ["192.0.2.1"]), after: rr("ip.dyn.test", "A", ["192.0.2.2"]) },
      { kind: "update", before: rr("ttl.dyn.test", "A", ["192.0.2.1"], 300), after: rr("ttl.dyn.test", "A", ["192.0.2.1"], 60) },
      { kind: "create", after: rr("new.dyn.test", "MX", ["10 mx.example.com."]) },
    ]);
  });

  it("deletes the other types at a name before creating a CNAME there", () => {
    const existing = [rr("h.dyn.test", "A", ["192.0.2.1"]), rr("h.dyn.test", "TXT", ['"x"']), rr("z.dyn.test", "A", ["192.0.2.3"])];
    const desired = [rr("z.dyn.test", "A", ["192.0.2.3"]), rr("h.dyn.test", "CNAME", ["target.example."])];
    expect(computeChanges(existing, desired)).toEqual([
      { kind: "delete", before: rr("h.dyn.test", "A", ["192.0.2.1"]) },
      { kind: "delete", before: rr("h.dyn.test", "TXT", ['"x"']) },
      { kind: "create", after: rr("h.dyn.test", "CNAME", ["target.example."]) },
    ]);
  });

  it("deletes a CNAME before creating other types at its name", () => {
    const existing = [rr("h.dyn.test", "CNAME", ["target.example."])];
    const desired = [rr("h.dyn.test", "AAAA", ["2001:db8::1"]), rr("h.dyn.test", "A", ["192.0.2.1"])];
    expect(computeChanges(existing, desired).map((c) => `${c.kind} ${c.kind === "delete" ? c.before.type : c.after.type}`)).toEqual([
      "delete CNAME",
      "create A",
      "create AAAA",
    ]);
  });

  it("treats an rrset without records as absent", () => {
    expect(computeChanges([rr("a.dyn.test", "A", ["192.0.2.1"])], [rr("a.dyn.test", "A", [])])).toEqual([
      { kind: "delete", before: rr("a.dyn.test", "A", ["192.0.2.1"]) },
    ]);
    expect(computeChanges([rr("a.dyn.test", "A", [])], [])).toEqual([]);
  });

  it("applying the plan's result plans nothing more", () => {
    const desired = [rr("a.dyn.test", "TXT", ["x".repeat(300)]), rr("b.dyn.test", "SRV", ["1 2 3 t.example"])];
    const changes = computeChanges([], desired);
    const state = changes.flatMap((c) => (c.kind === "delete" ? [] : [c.after]));
    expect(computeChanges(state, desired)).toEqual([]);
  });

  it("refuses the same rrset given twice", () => {
    expect(() => computeChanges([], [rr("a.dyn.test", "A", ["192.0.2.1"]), rr("A.dyn.test.", "A", ["192.0.2.2"])])).toThrow(PlanError);
  });
});

describe("auditRRsets", () => {
  const caps: ProviderCapabilities = { types: new Set<RRType>(["A", "AAAA", "TXT", "CNAME"]), minTtl: 30, maxChangesPerRequest: 100 };

  it("finds nothing wrong with valid rrsets", () => {
    expect(auditRRsets([rr("a.dyn.test", "A", ["192.0.2.1"], 30), rr("c.dyn.test", "CNAME", ["a.dyn.test."])], caps)).toEqual([]);
  });

  it("reports unsupported types, low TTLs, bad values, CNAME rules and duplicates", () => {
    const problems = auditRRsets(
      [
        rr("m.dyn.test", "MX", ["10 mx.example."]),
        rr("a.dyn.test", "A", ["192.0.2.1"], 10),
        rr("b.dyn.test", "A", ["1.2.3"]),
        rr("c.dyn.test", "CNAME", ["x.example.", "y.example."]),
        rr("c.dyn.test", "TXT", ["hi"]),
        rr("c.dyn.test", "A", ["192.0.2.1"]),
        rr("B.dyn.test.", "A", ["192.0.2.1"]),
      ],
      caps,
    );
    expect(problems).toEqual([
      { name: "m.dyn.test", type: "MX", code: "unsupported_type", message: "MX records are not supported by this DNS backend" },
      { name: "a.dyn.test", type: "A", code: "ttl_below_minimum", message: "TTL 10 is below this DNS backend's minimum of 30 seconds" },
      { name: "b.dyn.test", type: "A", code: "invalid_record", message: 'Invalid A value "1.2.3": expected an IPv4 address like 192.0.2.1' },
      { name: "c.dyn.test", type: "CNAME", code: "cname_multiple_records", message: "c.dyn.test can have only one CNAME target" },
      { name: "b.dyn.test", type: "A", code: "duplicate_rrset", message: "b.dyn.test A is given more than once" },
      { name: "c.dyn.test", type: "CNAME", code: "cname_and_other_data", message: "c.dyn.test has a CNAME, so it cannot also have A, TXT records" },
    ]);
  });
});
