import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { PeakRegistry, rssByRole, RssSampler } from "./rss";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

// A node process whose command line names `entry` (as the supervisor's children do), optionally
// with a child of its own that allocates ~60 MiB.
function fake(entry: string, withChild: boolean): Promise<ChildProcess> {
  const grand = `require("child_process").spawn(process.execPath, ["-e", "globalThis.b = Buffer.alloc(60 * 2 ** 20, 1); console.log('x'); setInterval(() => {}, 1000)"], { stdio: ["ignore", "inherit", "ignore"] });`;
  const code = withChild ? `${grand} setInterval(() => {}, 1000)` : `console.log("x"); setInterval(() => {}, 1000)`;
  const child = spawn(process.execPath, ["-e", code, entry], { stdio: ["ignore", "pipe", "ignore"] });
  children.push(child);
  return new Promise((resolve) => child.stdout!.once("data", () => resolve(child)));
}

describe("rssByRole", () => {
  it("names roles by command line and adds descendants' memory to their role", async () => {
    const web = await fake("/x/lib/server/web.ts", false);
    const dns = await fake("/x/lib/dns/embedded/main.ts", true);
    const got = rssByRole([web.pid!, dns.pid!]);
    expect(Object.keys(got).sort()).toEqual(["dns", "web"]);
    expect(got.web).toBeGreaterThan(10);
    expect(got.web).toBeLessThan(60);
    expect(got.dns).toBeGreaterThan(got.web! + 55);
  });

  it("keeps per-role peaks in the sampler and the run's registry", async () => {
    const worker = await fake("/x/lib/worker/main.ts", false);
    const registry = new PeakRegistry();
    registry.note("worker", 1, "earlier");
    const s = new RssSampler(() => [worker.pid!], registry, "now", 50);
    await new Promise((r) => setTimeout(r, 120));
    const peaks = s.stop();
    expect(peaks.worker).toBeGreaterThan(10);
    expect(registry.peaks.get("worker")).toEqual({ mb: peaks.worker, during: "now" });
    expect(registry.peaks.has("web")).toBe(false);
  });
});
