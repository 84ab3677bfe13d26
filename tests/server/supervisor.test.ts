// The one start command, as a user runs it: embedded PostgreSQL, migrations, worker, embedded DNS
// and web under one supervisor. SIGKILL and start again → healthy and nothing lost; a second start
// on the same DATA_DIR → one clear sentence; SIGTERM → everything stops, PostgreSQL included.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runningPostmaster } from "@/lib/db/embedded-postgres";
import { removeServiceData, startService, type Service } from "@/tests/support/service";

let svc: Service;
beforeAll(async () => {
  svc = await startService();
}, 240_000);
afterAll(async () => {
  await svc?.stop();
  if (svc) removeServiceData(svc);
});

async function health() {
  const res = await fetch(`${svc.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; database: { ok: boolean }; worker: { ok: boolean } } };
}

async function waitHealthy(timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const h = await health().catch(() => undefined);
    if (h?.status === 200) return h;
    if (Date.now() > until) throw new Error(`not healthy: ${JSON.stringify(h)}\n${readFileSync(svc.logFile, "utf8").slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("npm start (supervisor)", () => {
  it("comes up healthy on the embedded defaults with the default zone", async () => {
    const h = await waitHealthy();
    expect(h.body.status).toBe("ok");
    expect(h.body.database.ok).toBe(true);
    expect(h.body.worker.ok).toBe(true);
    const zones = svc.cli(["zone:list"]);
    expect(zones.status).toBe(0);
    expect(zones.stdout).toMatch(/^dyn\.test\tSHARED\topen\t0 hosts$/m);
  }, 90_000);

  it("runs the web process with a bounded heap (WEB_HEAP_MB, default 256)", () => {
    const procs = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return [{ pid: Number(pid), ppid, argv: readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0") }];
      } catch {
        return []; // exited meanwhile
      }
    });
    const ours = new Set([svc.process.pid!]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of procs) if (ours.has(p.ppid) && !ours.has(p.pid)) (ours.add(p.pid), (grew = true));
    }
    const web = procs.filter((p) => ours.has(p.pid) && p.argv.some((a) => a.endsWith("lib/server/web.ts")));
    expect(web.map((p) => p.argv.filter((a) => a.startsWith("--max-old-space-size")))).toEqual([["--max-old-space-size=256"]]);
  });

  it("refuses a second start on the same DATA_DIR with one sentence", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "lib/server/main.ts"], { env: svc.env, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dynhost is already running \(pid \d+\) with its data in .+: stop it first, or give this copy its own DATA_DIR and PORT\.$/);
  }, 90_000);

  it("answers an HTTP/1.0 request without a Host header (old routers) on the machine endpoints", async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect(svc.port, "127.0.0.1", () => s.write("GET /checkip?format=text HTTP/1.0\r\n\r\n"));
      let b = "";
      s.on("data", (d) => (b += d));
      s.on("end", () => resolve(b));
      s.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(raw).toMatch(/\r\ncontent-length: 10\r\n/i);
    expect(raw.endsWith("\r\n\r\n127.0.0.1\n")).toBe(true);
  });

  it("survives SIGKILL: the next start is healthy and keeps the data", async () => {
    expect(svc.cli(["zone:add", "kill.test"]).status).toBe(0);
    await svc.stop("SIGKILL");
    // the children and PostgreSQL outlive a SIGKILLed supervisor; the next start must cope
    await svc.restart();
    await waitHealthy();
    expect(svc.cli(["zone:list"]).stdout).toMatch(/^kill\.test\t/m);
  }, 240_000);

  it("stops everything on SIGTERM, PostgreSQL included", async () => {
    await svc.stop("SIGTERM");
    expect(existsSync(path.join(svc.dataDir, "dynhost.pid"))).toBe(false);
    expect(runningPostmaster(path.join(svc.dataDir, "pg"))).toBeUndefined();
    await expect(fetch(`${svc.url}/healthz`)).rejects.toThrow();
  }, 60_000);
});
