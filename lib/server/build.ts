// Production start needs a Next.js build. `npm start` builds on first start, and again when a
// source file is newer than the last build, so a fresh clone and a `git pull` both just work.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of readdirSync(p)) {
    if (SKIP.has(e) || e.endsWith(".test.ts")) continue;
    max = Math.max(max, newestMtime(path.join(p, e)));
  }
  return max;
}

/** True when .next holds a production build newer than every source file. */
export function buildIsFresh(): boolean {
  const stamp = path.join(root, ".next", "dynhost-build-stamp");
  if (!existsSync(stamp) || !existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

/** Runs `next build` when needed; throws with the build output's tail on failure. */
export function ensureBuild(log: (m: string) => void): void {
  if (buildIsFresh()) return;
  log("building the web app (next build; first start or sources changed)…");
  const started = Date.now();
  const r = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("next build failed (see its output above)");
  writeFileSync(path.join(root, ".next", "dynhost-build-stamp"), String(Date.now()));
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
