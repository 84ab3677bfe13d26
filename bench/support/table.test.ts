import { describe, expect, it } from "vitest";
import { notMeasured, result } from "../types";
import { formatNumber, renderTable } from "./table";

describe("formatNumber", () => {
  it("picks a precision by size", () => {
    expect([12345.6, 1000, 250, 50, 12.34, 1.234, 0.01234, 0].map(formatNumber)).toEqual(["12 346", "1 000", "250", "50", "12.3", "1.23", "0.012", "0"]);
  });
});

describe("renderTable", () => {
  it("aligns columns and shows goals, met, references, ratios and notes", () => {
    const rows = [
      result("throughput.changing", 1234.5, "updates/s", { op: ">=", value: 1000 }, { reference: { name: "/api/ping", value: 880, unit: "req/s" }, ratio: 1.403 }),
      result("latency.embedded.p99", 300, "ms", { op: "<=", value: 250 }, { note: "n=300" }),
      notMeasured("dashboards.api.hosts", "req/s", { op: ">=", value: 500 }, "skipped: API not available (HTTP 404)"),
    ];
    expect(renderTable(rows).split("\n")).toEqual([
      "benchmark             value            goal               met  reference            ratio  note",
      "--------------------  ---------------  -----------------  ---  -------------------  -----  --------------------",
      "throughput.changing   1 235 updates/s  ≥ 1 000 updates/s  yes  /api/ping 880 req/s  1.40×",
      "latency.embedded.p99  300 ms           ≤ 250 ms           NO                               n=300",
      "dashboards.api.hosts  —                ≥ 500 req/s                                         skipped: API not available (HTTP 404)",
    ]);
  });
});
