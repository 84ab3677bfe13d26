import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { outboxAccess } from "@/lib/mail/outbox-access";

const saved = { ...process.env };
function withEnv(vars: Record<string, string | undefined>) {
  for (const k of ["NODE_ENV", "SMTP_URL", "DEV_MAIL_OUTBOX"]) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
  return outboxAccess();
}
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("outboxAccess", () => {
  it("is open in development, admin-only in production unless asked for, off with SMTP", () => {
    expect(withEnv({ NODE_ENV: "development" })).toBe("open");
    expect(withEnv({ NODE_ENV: "production" })).toBe("admin");
    expect(withEnv({ NODE_ENV: "production", DEV_MAIL_OUTBOX: "1" })).toBe("open");
    expect(withEnv({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:25" })).toBe("off");
    expect(withEnv({ NODE_ENV: "development", SMTP_URL: "smtp://127.0.0.1:25" })).toBe("off");
    expect(withEnv({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:25", DEV_MAIL_OUTBOX: "1" })).toBe("open");
    expect(withEnv({ NODE_ENV: "production", DEV_MAIL_OUTBOX: "0" })).toBe("off");
  });
});
