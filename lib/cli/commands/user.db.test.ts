// user:create through the CLI command contract, then a sign-in with the printed TOTP secret.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { uniqueEmail } from "@/tests/support/users";
import { userCreate, userPlan } from "@/lib/cli/commands/user";
import { parseArgs, UsageError } from "@/lib/cli/args";
import { authenticate } from "@/lib/auth/authenticate";
import { totpAt } from "@/lib/auth/totp";
import { AppError } from "@/lib/errors";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

async function run(argv: string[], command = userCreate) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(parseArgs(argv), { db: t.db, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("user:create", () => {
  it("creates a verified ADMIN with TOTP, prints the secret once, and that secret signs in", async () => {
    const email = uniqueEmail("admin");
    const r = await run(["--email", email, "--password", "a long admin passphrase", "--role", "admin"]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(new RegExp(`^created ADMIN ${email} \\([0-9a-f-]{36}\\)$`));
    const secret = r.out[1].match(/^totp secret: ([A-Z2-7]{32})$/)![1];
    expect(r.out[2]).toBe(`totp uri: otpauth://totp/dynhost%3A${encodeURIComponent(email)}?secret=${secret}&issuer=dynhost&algorithm=SHA1&digits=6&period=30`);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect([user.role, user.emailVerifiedAt instanceof Date, user.totpEnabledAt instanceof Date]).toEqual(["ADMIN", true, true]);
    const s = await authenticate(t.db, { email, password: "a long admin passphrase", totp: totpAt(secret, Date.now()) }, { ip: "127.0.0.1" });
    expect([s.role, s.mfa]).toEqual(["ADMIN", true]);
    expect(await t.db.auditLog.count({ where: { action: "user.create", targetId: user.id } })).toBe(1);
  });

  it("a USER gets no TOTP unless asked; --totp gives one", async () => {
    const plain = await run(["--email", uniqueEmail(), "--password", "a long user passphrase"]);
    expect(plain.out).toHaveLength(1);
    const withTotp = await run(["--email", uniqueEmail(), "--password", "a long user passphrase", "--totp"]);
    expect(withTotp.out[1]).toMatch(/^totp secret: [A-Z2-7]{32}$/);
  });

  it("refuses bad input with one clear error", async () => {
    const email = uniqueEmail();
    await run(["--email", email, "--password", "a long user passphrase"]);
    const dup = await run(["--email", email, "--password", "a long user passphrase"]).catch((e: unknown) => e);
    expect([(dup as AppError).code, (dup as AppError).message]).toEqual(["CONFLICT", `a user with email ${email} already exists`]);
    const weak = await run(["--email", uniqueEmail(), "--password", "short"]).catch((e: unknown) => e);
    expect((weak as AppError).message).toBe("--password: Use at least 10 characters");
    const role = await run(["--email", uniqueEmail(), "--password", "a long user passphrase", "--role", "ROOT"]).catch((e: unknown) => e);
    expect(role).toBeInstanceOf(UsageError);
    expect((role as Error).message).toBe("--role must be one of USER, ABUSE, BILLING, ADMIN");
    const missing = await run(["--password", "a long user passphrase"]).catch((e: unknown) => e);
    expect((missing as Error).message).toBe("--email is required");
  });
});

describe("user:plan", () => {
  it("moves an account to another plan with an audit row; says so when nothing changes; refuses unknown plans and emails", async () => {
    const email = uniqueEmail("plan");
    await run(["--email", email, "--password", "a long user passphrase"]);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    expect(user.planId).toBe("free");
    expect(await run(["--email", email.toUpperCase(), "--plan", "plus"], userPlan)).toEqual({ code: 0, out: [`${email}: plan free → plus`], err: [] });
    expect((await t.db.user.findUniqueOrThrow({ where: { email } })).planId).toBe("plus");
    const audit = await t.db.auditLog.findMany({ where: { action: "user.plan_change", targetId: user.id }, select: { actorId: true, actorRole: true, before: true, after: true } });
    expect(audit).toEqual([{ actorId: null, actorRole: "system", before: { planId: "free" }, after: { planId: "plus" } }]);
    expect(await run(["--email", email, "--plan", "plus"], userPlan)).toEqual({ code: 0, out: [`${email} is already on plus`], err: [] });
    expect(await t.db.auditLog.count({ where: { action: "user.plan_change", targetId: user.id } })).toBe(1);
    const plans = (await t.db.plan.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id).join(", ");
    await expect(run(["--email", email, "--plan", "gold"], userPlan)).rejects.toThrow(new UsageError(`--plan must be one of ${plans}`));
    expect(await run(["--email", "nobody@example.test", "--plan", "free"], userPlan)).toEqual({ code: 1, out: [], err: ["no account with the email nobody@example.test"] });
  });
});
