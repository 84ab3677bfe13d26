// Sign-in (throttling, TOTP, verification) and session validity on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { seedUser, TEST_PASSWORD, uniqueEmail } from "@/tests/support/users";
import { authenticate, SignInError } from "@/lib/auth/authenticate";
import { THROTTLE } from "@/lib/auth/throttle";
import { totpAt } from "@/lib/auth/totp";
import { createSession, listSessions, loadSession, revokeAllSessions, revokeSession, SESSION_LIMITS } from "@/lib/auth/sessions";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

async function reason(p: Promise<unknown>): Promise<string> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof SignInError)) throw new Error(`expected a SignInError, got ${String(err)}`);
  return err.retryAfter === undefined ? err.reason : `${err.reason}:${err.retryAfter}`;
}

describe("authenticate", () => {
  it("signs in, records the attempt and creates a live session", async () => {
    const u = await seedUser(t.db);
    const ip = freshIp();
    const r = await authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip, userAgent: "test-agent" });
    expect([r.userId, r.email, r.role, r.mfa]).toEqual([u.id, u.email, "USER", false]);
    const live = await loadSession(t.db, r.sessionId);
    expect(live?.user.id).toBe(u.id);
    const s = await t.db.session.findUniqueOrThrow({ where: { id: r.sessionId } });
    expect([s.ip, s.userAgent]).toEqual([ip, "test-agent"]);
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(SESSION_LIMITS.user.ttlMs);
    expect(await t.db.loginAttempt.count({ where: { email: u.email, success: true } })).toBe(1);
  });

  it("answers INVALID alike for a wrong password and an unknown account, counting both", async () => {
    const u = await seedUser(t.db);
    const nobody = uniqueEmail("nobody");
    const ip = freshIp();
    expect(await reason(authenticate(t.db, { email: u.email, password: "wrong password!" }, { ip }))).toBe("INVALID");
    expect(await reason(authenticate(t.db, { email: nobody, password: "wrong password!" }, { ip }))).toBe("INVALID");
    expect(await t.db.loginAttempt.count({ where: { ip, success: false } })).toBe(2);
  });

  it("refuses an unverified account after a correct password", async () => {
    const u = await seedUser(t.db, { verified: false });
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: freshIp() }))).toBe("UNVERIFIED");
    expect(await reason(authenticate(t.db, { email: u.email, password: "wrong password!" }, { ip: freshIp() }))).toBe("INVALID");
  });

  it("requires a valid TOTP code when TOTP is on", async () => {
    const u = await seedUser(t.db, { totp: true, role: "ADMIN" });
    const ip = freshIp();
    const secret = u.totp!.secret;
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip }))).toBe("TOTP_REQUIRED");
    const wrong = totpAt(secret, Date.now() + 10 * 60_000);
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD, totp: wrong }, { ip }))).toBe("TOTP_INVALID");
    expect(await t.db.loginAttempt.count({ where: { email: u.email, success: false } })).toBe(1);
    const code = totpAt(secret, Date.now());
    const r = await authenticate(t.db, { email: u.email, password: TEST_PASSWORD, totp: code }, { ip });
    expect([r.role, r.mfa]).toEqual(["ADMIN", true]);
    // A code is good once (RFC 6238 §5.2): the same code again is refused; the next step's is not.
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD, totp: code }, { ip }))).toBe("TOTP_INVALID");
    const again = await authenticate(t.db, { email: u.email, password: TEST_PASSWORD, totp: totpAt(secret, Date.now() + 30_000) }, { ip });
    expect(again.mfa).toBe(true);
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD, totp: code }, { ip }))).toBe("TOTP_INVALID");
    const s = await t.db.session.findUniqueOrThrow({ where: { id: r.sessionId } });
    expect(s.expiresAt.getTime() - s.createdAt.getTime()).toBe(SESSION_LIMITS.staff.ttlMs);
  });

  it(`throttles an account after ${THROTTLE.perAccount} failures, even with the right password`, async () => {
    const u = await seedUser(t.db);
    const now = new Date();
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect(await reason(authenticate(t.db, { email: u.email, password: `wrong ${i} password` }, { ip: freshIp(), now }))).toBe(
        "INVALID",
      );
    }
    const later = new Date(now.getTime() + 60_000);
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: freshIp(), now: later }))).toBe(
      `THROTTLED:${THROTTLE.windowMs / 1000 - 60}`,
    );
    // Throttled attempts are not recorded; after the window the right password works.
    expect(await t.db.loginAttempt.count({ where: { email: u.email } })).toBe(THROTTLE.perAccount);
    const after = new Date(now.getTime() + THROTTLE.windowMs + 1);
    const r = await authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: freshIp(), now: after });
    expect(r.userId).toBe(u.id);
  });

  it("a success clears the account's earlier failures", async () => {
    const u = await seedUser(t.db);
    const now = Date.now();
    for (let i = 0; i < THROTTLE.perAccount - 1; i++) {
      await reason(authenticate(t.db, { email: u.email, password: "wrong password!" }, { ip: freshIp(), now: new Date(now + i) }));
    }
    await authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: freshIp(), now: new Date(now + 100) });
    expect(await reason(authenticate(t.db, { email: u.email, password: "wrong password!" }, { ip: freshIp(), now: new Date(now + 200) }))).toBe(
      "INVALID",
    );
    const r = await authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: freshIp(), now: new Date(now + 300) });
    expect(r.userId).toBe(u.id);
  });

  it(`throttles an address after ${THROTTLE.perIp} failures across accounts`, async () => {
    const ip = freshIp();
    const now = new Date();
    await t.db.loginAttempt.createMany({
      data: Array.from({ length: THROTTLE.perIp }, (_, i) => ({ email: `spray${i}@example.test`, ip, success: false, createdAt: now })),
    });
    const u = await seedUser(t.db);
    expect(await reason(authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip, now }))).toBe(
      `THROTTLED:${THROTTLE.windowMs / 1000}`,
    );
    expect((await authenticate(t.db, { email: u.email, password: TEST_PASSWORD }, { ip: freshIp(), now })).userId).toBe(u.id);
  });
});

describe("sessions", () => {
  it("a revoked, expired or idle session is gone; lastSeenAt is refreshed", async () => {
    const u = await seedUser(t.db);
    const now = new Date();
    const s = await createSession(t.db, { userId: u.id, role: "USER", ip: "192.0.2.9", now });
    const later = new Date(now.getTime() + 5 * 60_000);
    expect((await loadSession(t.db, s.id, later))?.session.id).toBe(s.id);
    expect((await t.db.session.findUniqueOrThrow({ where: { id: s.id } })).lastSeenAt).toEqual(later);

    const idle = new Date(later.getTime() + SESSION_LIMITS.user.idleMs);
    expect(await loadSession(t.db, s.id, idle)).toBeNull();
    expect(await loadSession(t.db, s.id, new Date(now.getTime() + SESSION_LIMITS.user.ttlMs))).toBeNull();
    expect(await loadSession(t.db, "not-a-uuid")).toBeNull();
    expect(await loadSession(t.db, "00000000-0000-0000-0000-000000000000")).toBeNull();

    const other = await seedUser(t.db);
    expect(await revokeSession(t.db, { userId: other.id, sessionId: s.id, actor: { userId: other.id, role: "USER" } })).toBe(false);
    expect(await revokeSession(t.db, { userId: u.id, sessionId: s.id, actor: { userId: u.id, role: "USER" } })).toBe(true);
    expect(await loadSession(t.db, s.id)).toBeNull();
  });

  it("sign out everywhere revokes every session of that user only", async () => {
    const u = await seedUser(t.db);
    const other = await seedUser(t.db);
    const mine = await Promise.all([1, 2, 3].map(() => createSession(t.db, { userId: u.id, role: "USER", ip: "192.0.2.1" })));
    const theirs = await createSession(t.db, { userId: other.id, role: "USER", ip: "192.0.2.2" });
    expect((await listSessions(t.db, u.id)).length).toBe(3);
    expect(await revokeAllSessions(t.db, { userId: u.id, reason: "user", actor: { userId: u.id, role: "USER" } })).toBe(3);
    for (const s of mine) expect(await loadSession(t.db, s.id)).toBeNull();
    expect(await listSessions(t.db, u.id)).toEqual([]);
    expect((await loadSession(t.db, theirs.id))?.user.id).toBe(other.id);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "session.revoke_all", targetId: u.id } });
    expect(audit.after).toEqual({ revoked: 3, reason: "user" });
  });
});
