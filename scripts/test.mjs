// `npm test`: every test, in one command. System packages first (installed with apt-get when
// root), then the type check, vitest (unit + integration on both PostgreSQL paths and real DNS
// servers and clients) and Playwright in Chromium. Ends with one line: "tests: N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureSystemDeps } from "./system-deps.mjs";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const bin = (n) => path.join(root, "node_modules", ".bin", n);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const tmp = mkdtempSync(path.join(os.tmpdir(), "dynhost-test-"));
let passed = 0;
let failed = 0;
let ok = true;

function step(name, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${name}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  console.log(`=== ${name}: ${r.status === 0 ? "ok" : "FAILED"} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

if (!ensureSystemDeps()) process.exit(1);

step("type check", bin("tsc"), ["--noEmit"]);

const vitestJson = path.join(tmp, "vitest.json");
step("vitest", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
} else failed += 1;

if (existsSync(path.join(root, "playwright.config.ts"))) {
  const pwJson = path.join(tmp, "playwright.json");
  step("playwright (chromium)", bin("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, "utf8")).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
  } else failed += 1;
}

rmSync(tmp, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
