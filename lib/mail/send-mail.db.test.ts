// sendMail against a real SMTP server on loopback, and in dev-outbox mode; then the verification
// link received over SMTP is followed.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { startTestSmtp, type TestSmtp } from "@/tests/support/smtp-server";
import { resetEnvCache } from "@/lib/env";
import { sendMail } from "@/lib/mail/send-mail";
import { signUp } from "@/lib/auth/sign-up";
import { verifyEmail } from "@/lib/auth/verify-email";

let t: TestDatabase;
let smtp: TestSmtp;
const saved = { SMTP_URL: process.env.SMTP_URL, DEV_MAIL_OUTBOX: process.env.DEV_MAIL_OUTBOX, PUBLIC_URL: process.env.PUBLIC_URL };

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterEach(() => setEnv(saved));
afterAll(async () => {
  await smtp.stop();
  await t.drop();
});

describe("sendMail", () => {
  it("keeps mail in the dev outbox when no SMTP server is configured", async () => {
    setEnv({ SMTP_URL: undefined, DEV_MAIL_OUTBOX: undefined });
    const r = await sendMail({ to: "a@example.com", subject: "Hi", text: "token abc123 here", secrets: ["abc123"] }, t.db);
    expect(r.delivered).toBe(false);
    const row = await t.db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect([row.to, row.subject, row.text, row.sentAt, row.error]).toEqual(["a@example.com", "Hi", "token abc123 here", null, null]);
  });

  it("delivers over SMTP, records sentAt and stores secrets redacted", async () => {
    setEnv({ SMTP_URL: smtp.url, DEV_MAIL_OUTBOX: undefined, MAIL_FROM: "dynhost <noreply@dynhost.test>" });
    const r = await sendMail({ to: "b@example.com", subject: "Grüße", text: "secret s3cr3t-token end", secrets: ["s3cr3t-token"] }, t.db);
    expect(r.delivered).toBe(true);
    const got = await smtp.waitFor("b@example.com");
    expect([got.from, got.to, got.subject, got.text.trim()]).toEqual([
      "noreply@dynhost.test",
      ["b@example.com"],
      "Grüße",
      "secret s3cr3t-token end",
    ]);
    const row = await t.db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.text).toBe("secret [redacted] end");
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("records a delivery failure instead of throwing", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, DEV_MAIL_OUTBOX: undefined });
    const r = await sendMail({ to: "c@example.com", subject: "x", text: "y" }, t.db);
    expect(r.delivered).toBe(false);
    const row = await t.db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED/);
  });

  it("sign-up mail arrives over SMTP and its link verifies the address", async () => {
    setEnv({ SMTP_URL: smtp.url, DEV_MAIL_OUTBOX: undefined, PUBLIC_URL: "https://dyn.example" });
    await signUp(t.db, { email: "new@example.com", password: "correct horse battery" }, { ip: "192.0.2.7" });
    const mail = await smtp.waitFor("new@example.com");
    expect(mail.subject).toBe("Confirm your email address for dynhost");
    const link = mail.text.match(/https:\/\/dyn\.example\/verify-email\?token=([A-Za-z0-9_-]+)/);
    expect(link?.[1]).toHaveLength(43);
    const stored = await t.db.mailMessage.findFirstOrThrow({ where: { to: "new@example.com" } });
    expect(stored.text).not.toContain(link![1]);
    expect(stored.text).toContain("https://dyn.example/verify-email?token=[redacted]");

    expect(await verifyEmail(t.db, { token: link![1] })).toEqual({ email: "new@example.com" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
  });
});
