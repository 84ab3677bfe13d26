// TOTP setup, confirm and disable on a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { seedUser } from "@/tests/support/users";
import { confirmTotp, disableTotp, startTotpSetup, totpStatus } from "@/lib/auth/totp-settings";
import { totpAt } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function failure(p: Promise<unknown>): Promise<[string, string | undefined, string]> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return [err.code, err.field, err.message];
}

describe("TOTP settings", () => {
  it("start → pending secret and URI; a wrong code refuses; the right code enables; audited", async () => {
    const u = await seedUser(t.db);
    expect(await totpStatus(t.db, u.id)).toEqual({ state: "off" });
    await startTotpSetup(t.db, { userId: u.id });
    const pending = await totpStatus(t.db, u.id);
    if (pending.state !== "pending") throw new Error(`expected pending, got ${pending.state}`);
    expect(pending.setup.uri).toBe(
      `otpauth://totp/dynhost%3A${encodeURIComponent(u.email)}?secret=${pending.setup.secret}&issuer=dynhost&algorithm=SHA1&digits=6&period=30`,
    );
    const wrong = totpAt(pending.setup.secret, Date.now() - 5 * 60_000);
    expect(await failure(confirmTotp(t.db, { userId: u.id, code: wrong }))).toEqual([
      "VALIDATION",
      "code",
      "That code is not valid. Check your device's clock and try a new code.",
    ]);
    await confirmTotp(t.db, { userId: u.id, code: totpAt(pending.setup.secret, Date.now()), ip: "192.0.2.3" });
    const on = await totpStatus(t.db, u.id);
    expect(on.state).toBe("enabled");
    expect(await failure(startTotpSetup(t.db, { userId: u.id }))).toEqual(["CONFLICT", undefined, "Two-factor authentication is already on."]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.totp_enabled", targetId: u.id } });
    expect(audit.ip).toBe("192.0.2.3");

    // Disable needs a valid code too.
    const secret = (await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpSecret: true } })).totpSecret!;
    expect((await failure(disableTotp(t.db, { userId: u.id, code: wrong })))[0]).toBe("VALIDATION");
    // The code that turned it on was used up: the same code cannot turn it off (RFC 6238 §5.2).
    expect(await failure(disableTotp(t.db, { userId: u.id, code: totpAt(secret, Date.now()) }))).toEqual([
      "VALIDATION",
      "code",
      "That code is not valid. Check your device's clock and try a new code.",
    ]);
    await disableTotp(t.db, { userId: u.id, code: totpAt(secret, Date.now() + 30_000) });
    expect(await totpStatus(t.db, u.id)).toEqual({ state: "off" });
    expect(await t.db.auditLog.count({ where: { action: "user.totp_disabled", targetId: u.id } })).toBe(1);
  });

  it("a restarted setup replaces the pending secret; confirming needs a pending setup", async () => {
    const u = await seedUser(t.db);
    expect(await failure(confirmTotp(t.db, { userId: u.id, code: "123456" }))).toEqual(["CONFLICT", undefined, "Start the setup first."]);
    await startTotpSetup(t.db, { userId: u.id });
    const first = await totpStatus(t.db, u.id);
    await startTotpSetup(t.db, { userId: u.id });
    const second = await totpStatus(t.db, u.id);
    if (first.state !== "pending" || second.state !== "pending") throw new Error("expected pending");
    expect(second.setup.secret).not.toBe(first.setup.secret);
    expect((await failure(confirmTotp(t.db, { userId: u.id, code: totpAt(first.setup.secret, Date.now()) })))[0]).toBe("VALIDATION");
  });

  it("staff cannot turn TOTP off", async () => {
    const admin = await seedUser(t.db, { role: "ABUSE", totp: true });
    expect(await failure(disableTotp(t.db, { userId: admin.id, code: totpAt(admin.totp!.secret, Date.now()) }))).toEqual([
      "FORBIDDEN",
      "code",
      "Staff accounts must keep two-factor authentication on.",
    ]);
    expect((await totpStatus(t.db, admin.id)).state).toBe("enabled");
  });
});
