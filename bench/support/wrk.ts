// `wrk` (Debian) as the HTTP load generator: a Lua script walks a list of request paths (each
// thread from its own offset) and counts answers by "<status> <first word of the body>".
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadOptions, LoadResult } from "./load";

const LUA = String.raw`
local threads = {}
local started = 0
function setup(thread)
  thread:set("offset", started * STEP)
  started = started + 1
  table.insert(threads, thread)
end
function init(args)
  paths = {}
  for line in io.lines(PATHS) do paths[#paths + 1] = line end
  i = offset or 0
  counts = {}
end
function request()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
function response(status, headers, body)
  local word = string.match(string.sub(body or "", 1, 16), "^([^%s]+)") or ""
  local key = status .. " " .. word
  counts[key] = (counts[key] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(total) do
    parts[#parts + 1] = string.format("%q:%d", k, v)
  end
  io.write("BENCHCOUNTS {" .. table.concat(parts, ",") .. "}\n")
  io.write(string.format("BENCHLATENCY %d %d %d %d\n", latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.requests))
end
`;

/** Parses wrk's output (with the script above): rate, latency percentiles (ms), answer counts. */
export function parseWrkOutput(out: string): Omit<LoadResult, "tool"> {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no Requests/sec:\n${out}`);
  const countsJson = /BENCHCOUNTS (\{.*\})/.exec(out)?.[1] ?? "{}";
  const lat = /BENCHLATENCY (\d+) (\d+) (\d+) (\d+)/.exec(out);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const dur = /requests in ([\d.]+)(ms|s|m)\b/.exec(out);
  const durationS = dur ? Number(dur[1]) * ({ ms: 0.001, s: 1, m: 60 } as Record<string, number>)[dur[2]!]! : 0;
  return {
    requestsPerSecond: rps,
    requests: Number(lat?.[4] ?? /(\d+) requests in/.exec(out)?.[1] ?? 0),
    durationS,
    latencyMs: lat ? { p50: Number(lat[1]) / 1000, p95: Number(lat[2]) / 1000, p99: Number(lat[3]) / 1000 } : null,
    answers: JSON.parse(countsJson) as Record<string, number>,
    socketErrors: errors ? errors.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
  };
}

/** Runs wrk against opts.baseUrl with opts.paths; resolves with the parsed result. */
export function runWrk(opts: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dynhost-wrk-"));
  const threads = opts.threads ?? 1;
  const pathsFile = path.join(dir, "paths.txt");
  writeFileSync(pathsFile, opts.paths.join("\n") + "\n");
  const step = Math.floor(opts.paths.length / threads);
  const script = path.join(dir, "script.lua");
  writeFileSync(script, `local PATHS = ${JSON.stringify(pathsFile)}\nlocal STEP = ${step}\n${LUA}`);
  const args = ["-t", String(threads), "-c", String(opts.connections), "-d", `${opts.durationS}s`, "--timeout", "10s", "-s", script];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push("-H", `${k}: ${v}`);
  args.push(opts.baseUrl);
  return new Promise((resolve, reject) => {
    execFile("wrk", args, { maxBuffer: 16 << 20, timeout: (opts.durationS + 60) * 1000 }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (err) return reject(new Error(`wrk failed: ${err.message}\n${stdout}${stderr}`));
      try {
        resolve({ tool: "wrk", ...parseWrkOutput(stdout) });
      } catch (e) {
        reject(e);
      }
    });
  });
}
