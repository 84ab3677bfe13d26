// The validated environment. Nothing else in the project reads process.env (STYLE.md §7).
// Every variable is documented in README.md → Configuration.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .transform((v) => v === "1" || v === "true" || v === "yes");
const list = z
  .string()
  .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean));
const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  HOST: z.string().default("127.0.0.1"),
  PORT: port.default(3000),
  PUBLIC_URL: z.string().url().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("dynhost <noreply@dynhost.test>"),
  DEFAULT_ZONES: list.default(["dyn.test"]),
  TRUSTED_PROXIES: list.default([]),
  DNS_PROVIDER: z.enum(["embedded", "powerdns", "rfc2136"]).default("embedded"),
  DNS_HOST: z.string().default("127.0.0.1"),
  DNS_PORT: port.default(5353),
  DNS_CONTROL_PORT: port.default(5380),
  DNS_CONTROL_KEY: z.string().optional(),
  DNS_NAMESERVERS: list.default(["ns1.dynhost.test.", "ns2.dynhost.test."]),
  // Default: one answering process per core, at most 4 (measured: 2 workers on 2 cores answer 2× what one does).
  DNS_WORKERS: z.coerce.number().int().min(1).max(64).default(() => Math.min(4, Math.max(1, os.availableParallelism()))),
  PDNS_API_URL: z.string().url().default("http://127.0.0.1:8081"),
  PDNS_API_KEY: z.string().optional(),
  PDNS_SERVER_ID: z.string().default("localhost"),
  RFC2136_SERVER: z.string().default("127.0.0.1"),
  RFC2136_PORT: port.default(53),
  RFC2136_TSIG_NAME: z.string().optional(),
  RFC2136_TSIG_ALGORITHM: z.enum(["hmac-sha256", "hmac-sha512", "hmac-sha1"]).default("hmac-sha256"),
  RFC2136_TSIG_SECRET: z.string().optional(),
  SINKHOLE_IPV4: z.string().default("192.0.2.1"),
  SINKHOLE_IPV6: z.string().default("100::1"),
  RECONCILE_INTERVAL_S: z.coerce.number().int().min(0).default(300),
  WEB_PAGES: z.enum(["on", "off"]).default("on"),
  WEB_HEAP_MB: z.coerce.number().int().min(0).max(65_536).default(256),
  UPDATE_DEFAULT_TTL: z.coerce.number().int().min(1).default(60),
  UPDATE_HOST_BURST: z.coerce.number().int().min(0).default(3),
  UPDATE_HOST_REFILL_S: z.coerce.number().int().min(1).default(60),
  NOCHG_BLOCK_THRESHOLD: z.coerce.number().int().min(0).default(30),
  NOCHG_WINDOW_S: z.coerce.number().int().min(1).default(3600),
  NOCHG_BLOCK_S: z.coerce.number().int().min(1).default(1800),
  AGENT_THROTTLE_BURST: z.coerce.number().int().min(0).default(5),
  AGENT_THROTTLE_REFILL_S: z.coerce.number().int().min(1).default(60),
  UPDATE_KEY_CACHE_S: z.coerce.number().min(0).default(10),
  UPDATE_PASSWORD_CACHE_S: z.coerce.number().min(0).default(300),
  UPDATE_EVENTS_FLUSH_MS: z.coerce.number().int().min(1).default(200),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  DEV_MAIL_OUTBOX: bool.optional(),
  API_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  API_TOKEN_CACHE_MS: z.coerce.number().int().min(0).default(10_000),
  HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** The parsed environment; throws one readable message listing every bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Re-read process.env (tests and the supervisor set variables before starting services). */
export function resetEnvCache(): void {
  cached = undefined;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

/** With no SMTP server configured, mail is kept in the dev outbox (readable at /dev/mail). */
export function devMailOutboxEnabled(): boolean {
  const e = env();
  return e.DEV_MAIL_OUTBOX ?? !e.SMTP_URL;
}
