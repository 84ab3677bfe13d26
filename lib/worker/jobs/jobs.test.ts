// The job scheduler: runs each job soon after start and then periodically, never two runs of one
// job at once, logs results and errors, and stop() waits for the running ones.
import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ACCOUNT_JOBS, startJobs } from "./index";
import type { WorkerJob } from "./types";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("startJobs", () => {
  it("runs jobs periodically without overlap and logs messages and failures", async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const slow: WorkerJob = {
      name: "slow",
      everyMs: 10,
      async run() {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs += 1;
        await sleep(40);
        active -= 1;
        return runs === 1 ? "first" : null;
      },
    };
    const broken: WorkerJob = { name: "broken", everyMs: 1000, run: async () => Promise.reject(new Error("db down\nstack")) };
    const log: string[] = [];
    const jobs = startJobs({ db: {} as Db, jobs: [slow, broken], log: (l) => log.push(l), firstRunMs: 0 });
    await sleep(200);
    await jobs.stop();
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxActive).toBe(1);
    expect(active).toBe(0);
    expect(log.sort()).toEqual(["worker: broken failed: db down", "worker: slow: first"]);
  });

  it("registers the account jobs", () => {
    expect(ACCOUNT_JOBS.map((j) => [j.name, j.everyMs])).toEqual([["notifications", 2000], ["webhooks", 2000], ["mail", 30_000], ["liveness", 600_000], ["prune", 3_600_000]]);
  });
});
