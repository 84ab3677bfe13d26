// sendMail against a real SMTP server on loopback, and in dev-outbox mode; then the verification
// link received over SMTP is followed.
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { startTestSmtp, type TestSmtp } from "@/tests/support/smtp-server";
import { resetEnvCache } from "@/lib/env";
import { MAIL_MAX_ATTEMPTS, mailRetryDelayMs, retryMail, sendMail, withTimeouts } from "@/lib/mail/send-mail";
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
    const before = Date.now();
    const r = await sendMail({ to: "c@example.com", subject: "x", text: "y" }, t.db);
    expect(r.delivered).toBe(false);
    const row = await t.db.mailMessage.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED/);
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt!.getTime() - before).toBeGreaterThanOrEqual(mailRetryDelayMs(1));
    expect(row.nextAttemptAt!.getTime() - Date.now()).toBeLessThanOrEqual(mailRetryDelayMs(1));
  });

  it("retries a failed delivery with backoff once the server answers, up to MAIL_MAX_ATTEMPTS; never a mail whose secrets were redacted", async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, DEV_MAIL_OUTBOX: undefined });
    await t.db.mailMessage.updateMany({ where: { sentAt: null }, data: { nextAttemptAt: null } }); // earlier tests' failures
    const plain = await sendMail({ to: "retry@example.com", subject: "Your host changed", text: "plain notification" }, t.db);
    const secret = await sendMail({ to: "link@example.com", subject: "Reset", text: "link tok-123", secrets: ["tok-123"] }, t.db);
    const rowOf = (id: string) => t.db.mailMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true, nextAttemptAt: true, sentAt: true } });
    expect((await rowOf(secret.id)).nextAttemptAt).toBeNull();

    // Not due yet: nothing happens. Due, server still down: attempt 2, the next wait grows.
    const t1 = (await rowOf(plain.id)).nextAttemptAt!;
    expect(await retryMail(t.db, { now: new Date(t1.getTime() - 1000) })).toEqual({ sent: 0, failed: 0 });
    expect(await retryMail(t.db, { now: t1 })).toEqual({ sent: 0, failed: 1 });
    expect(await rowOf(plain.id)).toEqual({ attempts: 2, nextAttemptAt: new Date(t1.getTime() + mailRetryDelayMs(2)), sentAt: null });

    // The server is back: the next due retry delivers it, exactly once.
    setEnv({ SMTP_URL: smtp.url, DEV_MAIL_OUTBOX: undefined });
    const t2 = (await rowOf(plain.id)).nextAttemptAt!;
    expect(await retryMail(t.db, { now: t2 })).toEqual({ sent: 1, failed: 0 });
    expect((await smtp.waitFor("retry@example.com")).subject).toBe("Your host changed");
    const sent = await rowOf(plain.id);
    expect([sent.attempts, sent.nextAttemptAt, sent.sentAt instanceof Date]).toEqual([3, null, true]);
    expect(await retryMail(t.db, { now: new Date(t2.getTime() + 86_400_000) })).toEqual({ sent: 0, failed: 0 });

    // A server that stays down: the fifth failed attempt is the last.
    setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, DEV_MAIL_OUTBOX: undefined });
    const doomed = await sendMail({ to: "down@example.com", subject: "x", text: "y" }, t.db);
    for (let n = 2; n <= MAIL_MAX_ATTEMPTS; n++) {
      const due = (await rowOf(doomed.id)).nextAttemptAt!;
      expect(await retryMail(t.db, { now: due })).toEqual({ sent: 0, failed: 1 });
    }
    expect(await rowOf(doomed.id)).toEqual({ attempts: MAIL_MAX_ATTEMPTS, nextAttemptAt: null, sentAt: null });
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

  it("bounds SMTP waits unless the URL sets them; a server that accepts and then stays silent fails within the greeting timeout", async () => {
    expect(withTimeouts("smtp://u:p%40ss@mail.example:587")).toBe("smtp://u:p%40ss@mail.example:587?connectionTimeout=10000&greetingTimeout=10000&socketTimeout=20000");
    expect(withTimeouts("smtps://mail.example?greetingTimeout=500")).toBe("smtps://mail.example?greetingTimeout=500&connectionTimeout=10000&socketTimeout=20000");
    const silent = net.createServer(() => {}); // accepts, never greets
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      setEnv({ SMTP_URL: `smtp://127.0.0.1:${port}?greetingTimeout=300`, DEV_MAIL_OUTBOX: undefined });
      const t0 = Date.now();
      const r = await sendMail({ to: "silent@example.com", subject: "x", text: "y" }, t.db);
      expect(r.delivered).toBe(false);
      expect(Date.now() - t0).toBeLessThan(5_000);
      expect((await t.db.mailMessage.findUniqueOrThrow({ where: { id: r.id } })).error).toMatch(/Greeting never received/);
    } finally {
      silent.close();
    }
  });
});
