// One webhook POST over node:http(s), connecting only to addresses safeLookup allows, with a
// timeout (WEBHOOK_TIMEOUT_MS). Never throws: the outcome is data for the delivery log.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { env } from "@/lib/env";
import { isPublicAddress, safeLookup } from "./url-safety";

export type PostOutcome = { status: number | null; error: string | null; durationMs: number };

export function postJson(url: string, body: string, headers: Record<string, string>): Promise<PostOutcome> {
  const t0 = performance.now();
  const done = (status: number | null, error: string | null): PostOutcome => ({ status, error, durationMs: Math.round(performance.now() - t0) });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve(done(null, "invalid URL"));
    }
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(literal) && !env().WEBHOOK_ALLOW_PRIVATE && !isPublicAddress(literal)) {
      return resolve(done(null, `${literal} is not a public address`));
    }
    const mod = target.protocol === "https:" ? https : http;
    const req = mod.request(
      target,
      {
        method: "POST",
        lookup: safeLookup as never,
        timeout: env().WEBHOOK_TIMEOUT_MS,
        headers: { "content-type": "application/json", "user-agent": "dynhost-webhooks/1", "content-length": Buffer.byteLength(body), ...headers },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(done(res.statusCode ?? null, null)));
        res.on("error", (err) => resolve(done(res.statusCode ?? null, err.message)));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${env().WEBHOOK_TIMEOUT_MS} ms`)));
    req.on("error", (err) => resolve(done(null, err.message)));
    req.end(body);
  });
}
