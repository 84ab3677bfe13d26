import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { result } from "../types";
import { Cleanup } from "./cleanup";
import { machineInfo, writeReport } from "./report";

describe("Cleanup", () => {
  it("runs steps newest first, once, and keeps going after a failing step", async () => {
    const c = new Cleanup();
    const ran: string[] = [];
    const logged: string[] = [];
    c.add("a", () => void ran.push("a"));
    c.add("b", () => {
      throw new Error("boom");
    });
    c.add("c", async () => void ran.push("c"));
    await c.dispose((l) => logged.push(l));
    await c.dispose((l) => logged.push(l));
    expect(ran).toEqual(["c", "a"]);
    expect(logged).toEqual(["clean-up of b failed: boom"]);
    expect(c.size).toBe(0);
  });
});

describe("writeReport", () => {
  it("writes the machine and the results as JSON", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-report-"));
    try {
      const file = path.join(dir, "r.json");
      const machine = machineInfo(new Date("2026-11-25T12:00:00Z"));
      writeReport(file, { machine, command: "npm run bench", quick: false, results: [result("dns.embedded.qps", 30000, "q/s", { op: ">=", value: 20000 }, { ratio: 0.75 })] });
      const back = JSON.parse(readFileSync(file, "utf8"));
      expect(back.machine).toEqual({ ...machine, date: "2026-11-25T12:00:00.000Z" });
      expect(back.machine.cores).toBe(os.cpus().length);
      expect(back.machine.node).toBe(process.version);
      expect(back.results).toEqual([{ name: "dns.embedded.qps", value: 30000, unit: "q/s", goal: { op: ">=", value: 20000 }, met: true, ratio: 0.75 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
