// Sign-up, email verification and password reset services on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { seedUser, TEST_PASSWORD, uniqueEmail } from "@/tests/support/users";
import { signUp, SIGN_UP_MESSAGE } from "@/lib/auth/sign-up";
import { resendVerification, verifyEmail } from "@/lib/auth/verify-email";
import { requestPasswordReset, resetPassword, RESET_REQUESTED_MESSAGE } from "@/lib/auth/password-reset";
import { hashSecret } from "@/lib/secrets/secret";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, loadSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { MAIL_BUDGET } from "@/lib/mail/mail-budget";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function mailsTo(to: string) {
  return t.db.mailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}
function tokenIn(text: string, path: string): string {
  const m = text.match(new RegExp(`${path}\\?token=([A-Za-z0-9_-]{43})`));
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[1];
}
async function expectAppError(p: Promise<unknown>, code: string, field?: string) {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect([(err as AppError).code, (err as AppError).field]).toEqual([code, field]);
}

describe("signUp", () => {
  it("creates an unverified user with an argon2id hash and mails a hashed, single-use link", async () => {
    const email = uniqueEmail("new");
    expect(await signUp(t.db, { email, password: TEST_PASSWORD, name: "Ann" }, { ip: "192.0.2.1" })).toEqual({
      message: SIGN_UP_MESSAGE,
    });
    const user = await t.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, emailVerifiedAt: true, passwordHash: true } });
    expect([user.name, user.emailVerifiedAt]).toEqual(["Ann", null]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [mail] = await mailsTo(email);
    const token = tokenIn(mail.text, "/verify-email");
    const rows = await t.db.authToken.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => [r.kind, r.tokenHash])).toEqual([["VERIFY_EMAIL", hashSecret(token)]]);
    expect(await t.db.auditLog.count({ where: { action: "user.signup", targetId: user.id } })).toBe(1);
  });

  it("answers the same for an existing address and mails its owner instead, changing nothing", async () => {
    const existing = await seedUser(t.db);
    const fresh = uniqueEmail("fresh");
    const a = await signUp(t.db, { email: fresh, password: "another good passphrase" }, { ip: "192.0.2.1" });
    const b = await signUp(t.db, { email: existing.email, password: "another good passphrase" }, { ip: "192.0.2.1" });
    expect(b).toEqual(a);
    const mails = await mailsTo(existing.email);
    expect(mails.map((m) => m.subject)).toEqual(["You already have a dynhost account"]);
    expect(mails[0].text).not.toContain("/verify-email");
    const row = await t.db.user.findUniqueOrThrow({ where: { email: existing.email }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await t.db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("sends an unverified owner a fresh confirmation link", async () => {
    const u = await seedUser(t.db, { verified: false });
    await signUp(t.db, { email: u.email, password: "another good passphrase" }, { ip: "192.0.2.1" });
    const [mail] = await mailsTo(u.email);
    await verifyEmail(t.db, { token: tokenIn(mail.text, "/verify-email") });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: u.id } })).emailVerifiedAt).toBeInstanceOf(Date);
  });
});

describe("verifyEmail", () => {
  it("verifies once, answers success again for the used link, refuses bad and expired links", async () => {
    const email = uniqueEmail("v");
    await signUp(t.db, { email, password: TEST_PASSWORD }, { ip: "192.0.2.1" });
    const token = tokenIn((await mailsTo(email))[0].text, "/verify-email");
    expect(await verifyEmail(t.db, { token })).toEqual({ email });
    expect(await verifyEmail(t.db, { token })).toEqual({ email });
    const { id } = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(await t.db.auditLog.count({ where: { action: "user.email_verified", targetId: id } })).toBe(1);
    await expectAppError(verifyEmail(t.db, { token: "x".repeat(43) }), "NOT_FOUND", "token");

    const other = uniqueEmail("exp");
    await signUp(t.db, { email: other, password: TEST_PASSWORD }, { ip: "192.0.2.1" });
    const expired = tokenIn((await mailsTo(other))[0].text, "/verify-email");
    await t.db.authToken.update({ where: { tokenHash: hashSecret(expired) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectAppError(verifyEmail(t.db, { token: expired }), "NOT_FOUND", "token");
  });

  it("resendVerification answers the same for unknown, verified and unverified addresses", async () => {
    const verified = await seedUser(t.db);
    const unverified = await seedUser(t.db, { verified: false });
    const answers = await Promise.all(
      [uniqueEmail("nobody"), verified.email, unverified.email].map((email) => resendVerification(t.db, { email })),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await mailsTo(verified.email)).length).toBe(0);
    expect((await mailsTo(unverified.email)).map((m) => m.subject)).toEqual(["Confirm your email address for dynhost"]);
  });
});

describe("password reset", () => {
  it("answers the same whether or not the account exists; mails only the owner", async () => {
    const u = await seedUser(t.db);
    const nobody = uniqueEmail("nobody");
    const a = await requestPasswordReset(t.db, { email: u.email });
    const b = await requestPasswordReset(t.db, { email: nobody });
    expect(a).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(b).toEqual(a);
    expect((await mailsTo(nobody)).length).toBe(0);
    expect((await mailsTo(u.email)).map((m) => m.subject)).toEqual(["Reset your dynhost password"]);
  });

  it("sets the password, signs out every session, works once, audited", async () => {
    const u = await seedUser(t.db);
    const s1 = await createSession(t.db, { userId: u.id, role: "USER", ip: "192.0.2.1" });
    const s2 = await createSession(t.db, { userId: u.id, role: "USER", ip: "192.0.2.2" });
    await requestPasswordReset(t.db, { email: u.email });
    const token = tokenIn((await mailsTo(u.email))[0].text, "/reset-password");

    expect(await resetPassword(t.db, { token, password: "a brand new passphrase" })).toEqual({ email: u.email });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(await loadSession(t.db, s1.id)).toBeNull();
    expect(await loadSession(t.db, s2.id)).toBeNull();
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.password_reset", targetId: u.id } });
    expect(audit.after).toEqual({ sessionsRevoked: 2 });
    expect((await mailsTo(u.email)).map((m) => m.subject)).toEqual(["Reset your dynhost password", "Your dynhost password was changed"]);

    await expectAppError(resetPassword(t.db, { token, password: "yet another passphrase" }), "NOT_FOUND", "token");
  });

  it(`sends at most ${MAIL_BUDGET.max} account mails per address and hour, answering the same`, async () => {
    const u = await seedUser(t.db);
    const answers = [];
    for (let i = 0; i < MAIL_BUDGET.max + 2; i++) answers.push(await requestPasswordReset(t.db, { email: u.email }));
    expect(new Set(answers.map((a) => a.message))).toEqual(new Set([RESET_REQUESTED_MESSAGE]));
    expect((await mailsTo(u.email)).length).toBe(MAIL_BUDGET.max);
    await signUp(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: "192.0.2.1" });
    await resendVerification(t.db, { email: u.email });
    expect((await mailsTo(u.email)).length).toBe(MAIL_BUDGET.max);
  });

  it("refuses an expired link and a verification token used as a reset token", async () => {
    const u = await seedUser(t.db);
    await requestPasswordReset(t.db, { email: u.email });
    const token = tokenIn((await mailsTo(u.email))[0].text, "/reset-password");
    await t.db.authToken.update({ where: { tokenHash: hashSecret(token) }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expectAppError(resetPassword(t.db, { token, password: "a brand new passphrase" }), "NOT_FOUND", "token");

    const email = uniqueEmail("kind");
    await signUp(t.db, { email, password: TEST_PASSWORD }, { ip: "192.0.2.1" });
    const verify = tokenIn((await mailsTo(email))[0].text, "/verify-email");
    await expectAppError(resetPassword(t.db, { token: verify, password: "a brand new passphrase" }), "NOT_FOUND", "token");
  });
});
