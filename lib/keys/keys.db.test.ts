// Update keys against a real PostgreSQL: creation rules, the CLI (secret printed once, only its
// hash stored), verification with its cache and revocation, and the account-password cache.
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseArgs } from "@/lib/cli/args";
import { keyCreate, keyList, keyRevoke, parseExpiry } from "@/lib/cli/commands/key";
import type { CliCommand } from "@/lib/cli/types";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { clearPasswordCache, verifyAccountPassword } from "./account-password";
import { createUpdateKey } from "./create-update-key";
import { revokeUpdateKey } from "./revoke-update-key";
import { hashSecret } from "@/lib/secrets/secret";
import { clearUpdateKeyCache, verifyUpdateKey } from "./verify-update-key";

let t: TestDatabase;
let user: { id: string; email: string };
let hostId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  user = await t.db.user.create({ data: { email: "keys@example.test", passwordHash: await hash("a long passphrase"), planId: "free", emailVerifiedAt: new Date() } });
  const zone = await t.db.zone.create({ data: { name: "dyn.test" } });
  hostId = (await t.db.host.create({ data: { zoneId: zone.id, label: "k", fqdn: "k.dyn.test", ownerId: user.id } })).id;
});
afterAll(async () => t?.drop());
beforeEach(() => {
  clearUpdateKeyCache();
  clearPasswordCache();
});

async function run(cmd: CliCommand, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await cmd.run(parseArgs(argv), { db: t.db, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe("createUpdateKey", () => {
  it("refuses types beyond the plan, unknown types, bad CIDRs, past expiry and other users' hosts", async () => {
    await expect(createUpdateKey(t.db, { ownerId: user.id, recordTypes: ["MX"] })).rejects.toThrow("Your plan does not include MX records.");
    await expect(createUpdateKey(t.db, { ownerId: user.id, recordTypes: ["SOA"] })).rejects.toThrow(/not SOA/);
    await expect(createUpdateKey(t.db, { ownerId: user.id, allowedCidrs: ["10.0.0.0/40"] })).rejects.toThrow(/not an address or network/);
    await expect(createUpdateKey(t.db, { ownerId: user.id, expiresAt: new Date(Date.now() - 1000) })).rejects.toThrow(/future/);
    const other = await t.db.user.create({ data: { email: "other@example.test", passwordHash: "x" } });
    await expect(createUpdateKey(t.db, { ownerId: other.id, hostId })).rejects.toThrow("No such host.");
  });
});

describe("key CLI", () => {
  it("key:create prints the secret once and stores only its hash; key:list and key:revoke", async () => {
    const r = await run(keyCreate, ["--owner", "KEYS@example.test", "--host", "k.dyn.test.", "--types", "a,aaaa,txt", "--cidr", "192.0.2.0/24,2001:db8::/32", "--expires", "30d"]);
    expect(r.code).toBe(0);
    const [, id, prefix] = /^created update key ([0-9a-f-]{36}) \((dhk_.{8})…\) for k\.dyn\.test$/.exec(r.out[0]!)!;
    expect(r.out[1]).toMatch(/^types A,AAAA,TXT; from 192\.0\.2\.0\/24,2001:db8::\/32; expires \d{4}-\d\d-\d\dT/);
    const secret = /^secret: (dhk_[A-Za-z0-9_-]{43})$/.exec(r.out[2]!)![1]!;
    expect(secret.startsWith(prefix!)).toBe(true);
    const row = await t.db.updateKey.findUniqueOrThrow({ where: { id } });
    expect([row.secretHash, row.hostId, JSON.stringify(row).includes(secret)]).toEqual([hashSecret(secret), hostId, false]);
    const listed = await run(keyList, ["--owner", "keys@example.test"]);
    expect(listed.out.find((l) => l.startsWith(id!))).toMatch(new RegExp(`^${id}\\t${prefix}…\\tk\\.dyn\\.test\\tA,AAAA,TXT\\tactive\\tnever used$`));
    expect((await run(keyRevoke, ["--owner", "keys@example.test", "--id", id!])).out).toEqual([`revoked ${id}`]);
    expect((await run(keyList, ["--owner", "keys@example.test"])).out.find((l) => l.startsWith(id!))).toContain("\trevoked\t");
    await expect(run(keyCreate, ["--owner", "nobody@example.test"])).rejects.toThrow("no user with email nobody@example.test");
    await expect(run(keyCreate, ["--owner", "keys@example.test", "--host", "nope.dyn.test"])).rejects.toThrow("has no host nope.dyn.test");
  });

  it("parses expiry durations and dates", () => {
    expect(parseExpiry("2d", 0).getTime()).toBe(172_800_000);
    expect(parseExpiry("90m", 0).getTime()).toBe(5_400_000);
    expect(parseExpiry("2030-01-02T03:04:05Z").toISOString()).toBe("2030-01-02T03:04:05.000Z");
    expect(() => parseExpiry("soon")).toThrow(/--expires/);
  });
});

describe("verification", () => {
  it("finds a key by hash with the owner's plan; revocation takes effect at once in this process", async () => {
    const k = await createUpdateKey(t.db, { ownerId: user.id, recordTypes: ["A", "TXT"] });
    const p = await verifyUpdateKey(t.db, k.secret);
    expect(p && { ...p, recordTypes: [...p.recordTypes].sort(), plan: { ...p.plan, features: [...p.plan.features], recordTypes: undefined } }).toEqual({
      kind: "key", credential: `key:${k.id}`, userId: user.id, keyId: k.id, hostId: null, recordTypes: ["A", "TXT"], cidrs: null, expiresAt: null,
      plan: { id: "free", features: ["txt_api"], recordTypes: undefined, minTtl: 60 },
    });
    await revokeUpdateKey(t.db, { id: k.id, ownerId: user.id });
    expect(await verifyUpdateKey(t.db, k.secret)).toBeNull();
    await expect(revokeUpdateKey(t.db, { id: k.id, ownerId: user.id })).rejects.toThrow("No such key.");
    const audit = await t.db.auditLog.findMany({ where: { targetId: k.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, actorRole: true, targetType: true, after: true } });
    expect(audit).toEqual([
      {
        action: "update_key.create", actorId: user.id, actorRole: "USER", targetType: "UpdateKey",
        after: { ownerId: user.id, hostId: null, label: "", prefix: k.prefix, recordTypes: ["A", "TXT"], allowedCidrs: [], expiresAt: null },
      },
      { action: "update_key.revoke", actorId: user.id, actorRole: "USER", targetType: "UpdateKey", after: null },
    ]);
  });

  it("caches lookups, including misses", async () => {
    const k = await createUpdateKey(t.db, { ownerId: user.id });
    expect(await verifyUpdateKey(t.db, k.secret)).not.toBeNull();
    await t.db.updateKey.update({ where: { id: k.id }, data: { revokedAt: new Date() } }); // behind the cache's back
    expect(await verifyUpdateKey(t.db, k.secret)).not.toBeNull();
    clearUpdateKeyCache();
    expect(await verifyUpdateKey(t.db, k.secret)).toBeNull();
    expect(await verifyUpdateKey(t.db, "not-a-key")).toBeNull();
  });
});

describe("account password", () => {
  it("verifies with argon2id once, then from memory; wrong passwords and unknown emails fail", async () => {
    const p = await verifyAccountPassword(t.db, "Keys@Example.test", "a long passphrase");
    expect([p?.kind, p?.userId, p?.credential]).toEqual(["password", user.id, `user:${user.id}`]);
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await hash("changed") } });
    expect((await verifyAccountPassword(t.db, "keys@example.test", "a long passphrase"))?.userId).toBe(user.id); // remembered
    clearPasswordCache();
    expect(await verifyAccountPassword(t.db, "keys@example.test", "a long passphrase")).toBeNull();
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await hash("a long passphrase") } });
    expect(await verifyAccountPassword(t.db, "keys@example.test", "wrong")).toBeNull();
    expect(await verifyAccountPassword(t.db, "nobody@example.test", "a long passphrase")).toBeNull();
    expect(await verifyAccountPassword(t.db, "not-an-email", "x")).toBeNull();
  });
});
