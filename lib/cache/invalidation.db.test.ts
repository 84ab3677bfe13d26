// Cluster-wide cache invalidation on a real PostgreSQL: a listener in this process (as the web
// process runs it) forgets cached credentials when ANOTHER process or client changes them — the
// operator CLI in a child process, or a second database client that never calls the local forget
// functions — only when the change commits, and clears everything after a lost connection.
// The services that change credentials are checked to send the right message in their transaction.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/account/change-password";
import { deleteAccount } from "@/lib/account/delete-account";
import { resetPassword } from "@/lib/auth/password-reset";
import { createSession } from "@/lib/auth/sessions";
import { issueAuthToken } from "@/lib/auth/tokens";
import { totpAt } from "@/lib/auth/totp";
import { confirmTotp, startTotpSetup } from "@/lib/auth/totp-settings";
import { parseArgs } from "@/lib/cli/args";
import { userPlan } from "@/lib/cli/commands/user";
import { createDb, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { deleteHost } from "@/lib/hosts/delete-host";
import { seedHost, seedZone } from "@/lib/hosts/test-fixtures";
import { clearPasswordCache, verifyAccountPassword } from "@/lib/keys/account-password";
import { createUpdateKey } from "@/lib/keys/create-update-key";
import type { Principal } from "@/lib/keys/principal";
import { revokeUpdateKey } from "@/lib/keys/revoke-update-key";
import { clearUpdateKeyCache, verifyUpdateKey } from "@/lib/keys/verify-update-key";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/list-api-tokens";
import { clearApiTokenCache, verifyApiToken } from "@/lib/tokens/verify-api-token";
import { createClientBlock } from "@/lib/updates/policy/create-client-block";
import { liftClientBlock } from "@/lib/updates/policy/lift-client-block";
import { noteNochg, resetNochgGuard } from "@/lib/updates/policy/nochg-guard";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { seedUser, TEST_PASSWORD } from "@/tests/support/users";
import { INVALIDATION_CHANNEL, notifyInvalidation } from "./invalidation";
import { LISTENER_APP_NAME, listenInvalidations, type Listener } from "./listen-invalidations";

const root = path.resolve(import.meta.dirname, "..", "..");
let t: TestDatabase;
let other: Db; // a second client: changes through it never touch this process's caches directly

beforeAll(async () => {
  process.env.DEV_MAIL_OUTBOX = "1";
  t = await createTestDatabase({ useAsDefault: true });
  other = createDb(t.url, 2);
  await t.db.zone.create({ data: { name: "dyn.test" } });
});
afterAll(async () => {
  await other?.$disconnect();
  await t?.drop();
});

/** Polls `fn` every 25 ms until `done(value)` or `ms` pass; returns the last value. */
async function until<T>(fn: () => Promise<T>, done: (v: T) => boolean, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (done(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The operator CLI as a separate process, against the test database. */
async function cli(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(root, "lib/cli/main.ts"), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "production" },
  });
  return stdout.trim();
}

const tokenOk = (token: string) => verifyApiToken(t.db, { token }).then(() => true, () => false);

describe("the invalidation listener", () => {
  let listener: Listener;
  let connects = 0;
  const logged: string[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      listener = listenInvalidations(t.url, (l) => logged.push(l), { onConnect: () => (++connects === 1 ? resolve() : undefined) });
    });
  });
  afterAll(async () => listener?.close());

  it("forgets a key revoked by the CLI in another process at once (cache time 10 s)", async () => {
    const u = await seedUser(t.db);
    const key = await createUpdateKey(t.db, { ownerId: u.id });
    expect((await verifyUpdateKey(t.db, key.secret))?.keyId).toBe(key.id);
    expect(await cli(["key:revoke", "--owner", u.email, "--id", key.id])).toBe(`revoked ${key.id}`);
    const after = await until(() => verifyUpdateKey(t.db, key.secret), (p) => p === null);
    expect(after).toBeNull();
  });

  it("user:plan from the CLI forgets the account's cached password and key principals", async () => {
    const u = await seedUser(t.db);
    await t.db.user.update({ where: { id: u.id }, data: { planId: "free" } });
    const key = await createUpdateKey(t.db, { ownerId: u.id });
    clearPasswordCache();
    expect((await verifyAccountPassword(t.db, u.email, TEST_PASSWORD))?.plan.id).toBe("free");
    expect((await verifyUpdateKey(t.db, key.secret))?.plan.id).toBe("free");
    expect(await cli(["user:plan", "--email", u.email, "--plan", "plus"])).toBe(`${u.email}: plan free → plus`);
    const plans = async () => [(await verifyAccountPassword(t.db, u.email, TEST_PASSWORD))?.plan.id, (await verifyUpdateKey(t.db, key.secret))?.plan.id];
    expect(await until(plans, (v) => v.join() === "plus,plus")).toEqual(["plus", "plus"]);
  });

  it("applies a message only when its transaction commits", async () => {
    const u = await seedUser(t.db);
    const key = await createUpdateKey(t.db, { ownerId: u.id });
    expect((await verifyUpdateKey(t.db, key.secret))?.keyId).toBe(key.id);
    await other.updateKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } }); // no NOTIFY: a missed one
    const rolledBack = other.$transaction(async (tx) => {
      await notifyInvalidation(tx, { k: "key", id: key.id });
      throw new Error("rolled back");
    });
    await expect(rolledBack).rejects.toThrow("rolled back");
    await sleep(500);
    expect((await verifyUpdateKey(t.db, key.secret))?.keyId).toBe(key.id); // still the cached principal
    await other.$transaction((tx) => notifyInvalidation(tx, { k: "key", id: key.id }));
    expect(await until(() => verifyUpdateKey(t.db, key.secret), (p) => p === null)).toBeNull();
  });

  it("forgets one API token, or every token of a user", async () => {
    const u = await seedUser(t.db);
    const [a, b] = [await createApiToken(t.db, { userId: u.id }), await createApiToken(t.db, { userId: u.id })];
    expect([await tokenOk(a.token), await tokenOk(b.token)]).toEqual([true, true]);
    await other.apiToken.updateMany({ where: { userId: u.id }, data: { revokedAt: new Date() } });
    expect([await tokenOk(a.token), await tokenOk(b.token)]).toEqual([true, true]); // cached
    await notifyInvalidation(other, { k: "token", id: a.id });
    expect(await until(async () => [await tokenOk(a.token), await tokenOk(b.token)], (v) => !v[0])).toEqual([false, true]);
    await notifyInvalidation(other, { k: "user", id: u.id });
    expect(await until(() => tokenOk(b.token), (ok) => !ok)).toBe(false);
  });

  it("forgets a credential's nochg count when a block is lifted elsewhere", async () => {
    resetNochgGuard();
    const p = { credential: "key:00000000-0000-4000-8000-00000000000a", userId: "u", keyId: null } as unknown as Principal;
    const ctx = { sourceIp: "192.0.2.1", userAgent: "test/1.0" };
    const threshold = env().NOCHG_BLOCK_THRESHOLD;
    for (let i = 0; i < threshold; i++) expect(noteNochg(p, ctx)).toBe(false);
    await notifyInvalidation(other, { k: "nochg", credential: p.credential });
    await sleep(300);
    expect(noteNochg(p, ctx)).toBe(false); // counting starts again; without the message this one blocks
  });

  it("clears every cache for an unreadable message", async () => {
    const u = await seedUser(t.db);
    const key = await createUpdateKey(t.db, { ownerId: u.id });
    expect((await verifyUpdateKey(t.db, key.secret))?.keyId).toBe(key.id);
    await other.updateKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await other.$executeRawUnsafe(`SELECT pg_notify($1, $2)`, INVALIDATION_CHANNEL, `{"k":"something-new"}`);
    expect(await until(() => verifyUpdateKey(t.db, key.secret), (p) => p === null)).toBeNull();
  });

  it("reconnects after its connection is killed and clears what it may have missed meanwhile", async () => {
    const u = await seedUser(t.db);
    const key = await createUpdateKey(t.db, { ownerId: u.id });
    const token = await createApiToken(t.db, { userId: u.id });
    clearPasswordCache();
    expect((await verifyUpdateKey(t.db, key.secret))?.keyId).toBe(key.id);
    expect(await tokenOk(token.token)).toBe(true);
    expect((await verifyAccountPassword(t.db, u.email, TEST_PASSWORD))?.userId).toBe(u.id);
    const before = connects;
    const killed = await other.$queryRawUnsafe<{ ok: boolean }[]>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      LISTENER_APP_NAME,
    );
    expect(killed).toEqual([{ ok: true }]);
    // While nobody listens, the key and token are revoked and the password changed (no NOTIFY).
    await other.updateKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await other.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await other.user.update({ where: { id: u.id }, data: { passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA" } });
    const state = async () => [connects > before, await verifyUpdateKey(t.db, key.secret), await tokenOk(token.token), await verifyAccountPassword(t.db, u.email, TEST_PASSWORD)];
    expect(await until(state, (v) => v[0] === true, 5000)).toEqual([true, null, false, null]);
    expect(logged.some((l) => /^cache: LISTEN connection lost \(.+\); reconnecting$/.test(l))).toBe(true);
  });
});

describe("services notify in their transaction", () => {
  let ear: pg.Client;
  const heard: unknown[] = [];

  beforeAll(async () => {
    ear = new pg.Client({ connectionString: t.url });
    await ear.connect();
    ear.on("notification", (n) => heard.push(JSON.parse(n.payload!)));
    await ear.query(`LISTEN ${INVALIDATION_CHANNEL}`);
  });
  afterAll(async () => ear?.end());

  /** Runs `fn` and returns the messages heard meanwhile (waits a moment for delivery). */
  async function messages(fn: () => Promise<unknown>): Promise<unknown[]> {
    heard.length = 0;
    await fn();
    await sleep(200);
    return [...heard];
  }

  it("key revoke, token revoke, password change and reset, TOTP on, plan change, block lift, deletion", async () => {
    const u = await seedUser(t.db);
    const key = await createUpdateKey(t.db, { ownerId: u.id });
    const token = await createApiToken(t.db, { userId: u.id });
    const stranger = (await seedUser(t.db)).id;
    expect(await messages(() => revokeUpdateKey(t.db, { id: key.id, ownerId: stranger }).catch(() => undefined))).toEqual([]);
    expect(await messages(() => revokeUpdateKey(t.db, { id: key.id, ownerId: u.id }))).toEqual([{ k: "key", id: key.id }]);
    expect(await messages(() => revokeApiToken(t.db, { userId: u.id, tokenId: token.id }))).toEqual([{ k: "token", id: token.id }]);
    const user = { k: "user", id: u.id };
    const session = await createSession(t.db, { userId: u.id, role: "USER", ip: "192.0.2.9" });
    const change = { userId: u.id, currentPassword: TEST_PASSWORD, newPassword: "another long passphrase", keepSessionId: session.id, ip: "192.0.2.9" };
    expect(await messages(() => changePassword(t.db, change))).toEqual([user]);
    const reset = await t.db.$transaction((tx) => issueAuthToken(tx, { userId: u.id, kind: "RESET_PASSWORD" }));
    expect(await messages(() => resetPassword(t.db, { token: reset, password: TEST_PASSWORD }))).toEqual([user]);
    await startTotpSetup(t.db, { userId: u.id });
    const secret = (await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpSecret: true } })).totpSecret!;
    expect(await messages(() => confirmTotp(t.db, { userId: u.id, code: totpAt(secret, Date.now()) }))).toEqual([user]);
    const plan = () => userPlan.run(parseArgs(["--email", u.email, "--plan", "plus"]), { db: t.db, out: () => {}, err: () => {} });
    expect(await messages(plan)).toEqual([user]);
    expect(await messages(plan)).toEqual([]); // already on it: nothing changed
    const block = await createClientBlock(t.db, {
      userId: u.id, keyId: null, credential: `user:${u.id}`, reason: "nochg_storm", nochgCount: 31, sourceIp: null, userAgent: null, expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await messages(() => liftClientBlock(t.db, { id: block.id, userId: u.id }))).toEqual([{ k: "nochg", credential: `user:${u.id}` }]);
    const zone = (await t.db.zone.findUnique({ where: { name: "dyn.test" } })) ?? (await seedZone(t.db));
    const host = await seedHost(t.db, zone, u.id, "inval-host");
    const hostKeys = [await createUpdateKey(t.db, { ownerId: u.id, hostId: host.id }), await createUpdateKey(t.db, { ownerId: u.id, hostId: host.id })];
    const heard = await messages(() => deleteHost({ hostId: host.id, actor: CLI_ACTOR, client: t.db }));
    expect(heard).toEqual(expect.arrayContaining(hostKeys.map((k) => ({ k: "key", id: k.id }))));
    expect(heard).toHaveLength(2);
    expect(await messages(() => deleteAccount(t.db, { userId: u.id, password: TEST_PASSWORD, ip: "192.0.2.9" }))).toEqual([user]);
  });
});

afterAll(() => {
  clearUpdateKeyCache();
  clearApiTokenCache();
});
