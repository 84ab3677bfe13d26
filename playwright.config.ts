// Playwright: Debian's Chromium, one worker, and two production services started with
// `npm run start:e2e` (fresh DATA_DIR each): "outbox" keeps mail in the dev outbox (/dev/mail),
// "smtp" delivers it to a loopback SMTP server (e2e/support/smtp-sink.ts).
// Set E2E_BASE_URL (and E2E_DATABASE_URL for the CLI) to run the outbox project against a
// service you started yourself; the smtp project then needs E2E_SMTP_BASE_URL and E2E_SINK_URL.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Free loopback ports, chosen once in the runner; workers inherit them through process.env.
function freePorts(n: number): number[] {
  const script = `const net=require("net");const s=[];let left=${n};for(let i=0;i<${n};i++){const v=net.createServer();v.listen(0,"127.0.0.1",()=>{s.push(v);if(--left===0){console.log(s.map(x=>x.address().port).join(","));s.forEach(x=>x.close())}})}`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim().split(",").map(Number);
}

const external = Boolean(process.env.E2E_BASE_URL);
if (!external && !process.env.E2E_PORTS) process.env.E2E_PORTS = freePorts(5).join(",");
const [webPort, smtpWebPort, smtpPort, sinkPort, pgPort] = (process.env.E2E_PORTS ?? "").split(",").map(Number);
if (!external) {
  process.env.E2E_BASE_URL = `http://127.0.0.1:${webPort}`;
  process.env.E2E_SMTP_BASE_URL = `http://127.0.0.1:${smtpWebPort}`;
  process.env.E2E_SINK_URL = `http://127.0.0.1:${sinkPort}`;
  process.env.E2E_PG_PORT = String(pgPort);
  // Not created here: start:e2e creates it and removes it on exit.
  process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `dynhost-e2e-${randomBytes(6).toString("hex")}`);
}

const service = (port: number, env: Record<string, string>) => ({
  command: "npm run start:e2e",
  url: `http://127.0.0.1:${port}/signin`,
  timeout: 240_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 20_000 },
  env: { PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
});

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: "list",
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "outbox",
      testIgnore: /smtp\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: process.env.E2E_BASE_URL },
    },
    {
      name: "smtp",
      testMatch: /smtp\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: process.env.E2E_SMTP_BASE_URL },
    },
  ],
  webServer: external
    ? undefined
    : [
        {
          command: "node --import tsx e2e/support/smtp-sink.ts",
          url: `http://127.0.0.1:${sinkPort}/health`,
          timeout: 30_000,
          reuseExistingServer: false,
          env: { E2E_SMTP_PORT: String(smtpPort), E2E_SINK_PORT: String(sinkPort) },
        },
        // E2E_DATA_DIR / E2E_PG_PORT let the CLI reach this service's database (e2e/support/cli.ts).
        service(webPort, { DEV_MAIL_OUTBOX: "1", E2E_DATA_DIR: process.env.E2E_DATA_DIR!, E2E_PG_PORT: String(pgPort) }),
        // Its own DATA_DIR and PostgreSQL port (the runner's E2E_* values belong to the first service).
        service(smtpWebPort, {
          SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
          E2E_DATA_DIR: `${process.env.E2E_DATA_DIR}-smtp`,
          E2E_PG_PORT: "",
        }),
      ],
});
