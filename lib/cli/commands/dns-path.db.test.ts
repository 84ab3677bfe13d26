// host:create, record:set, dns:reconcile and dns:failed through the CLI command contract, with the
// provider built from the environment (DNS_PROVIDER=powerdns) and a real PowerDNS checked by dig.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { startDispatcher, type Dispatcher } from "@/lib/dns/dispatcher";
import { providerFromEnv } from "@/lib/dns/providers/index";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig } from "@/tests/support/dig";
import { startPowerDns, type PowerDnsServer } from "@/tests/support/powerdns";
import { dnsFailed, dnsReconcile } from "./dns";
import { hostCreate } from "./host";
import { recordSet, splitValues } from "./record";

const SINKHOLE = { ipv4: "192.0.2.1", ipv6: "100::1", ttl: 60 };
let t: TestDatabase;
let pdns: PowerDnsServer;
let dispatcher: Dispatcher;
let email: string;
const stop = new AbortController();

async function run(command: CliCommand, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(parseArgs(argv), { db: t.db, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}
const drained = async () => {
  for (let i = 0; i < 400 && (await t.db.dnsOutbox.count({ where: { status: "PENDING" } })) > 0; i++) await new Promise((r) => setTimeout(r, 25));
};

beforeAll(async () => {
  t = await createTestDatabase();
  pdns = await startPowerDns();
  Object.assign(process.env, { DNS_PROVIDER: "powerdns", PDNS_API_URL: pdns.apiUrl, PDNS_API_KEY: pdns.apiKey, DNS_NAMESERVERS: "ns1.dyn.test." });
  resetEnvCache();
  const provider = providerFromEnv();
  await provider.ensureZone("dyn.test");
  await seedZone(t.db);
  email = (await seedUser(t.db, { planId: "free" })).email;
  dispatcher = startDispatcher({ db: t.db, providers: provider, signal: stop.signal, sinkhole: SINKHOLE, listenUrl: t.url });
});
afterAll(async () => {
  stop.abort();
  await dispatcher?.done;
  await pdns?.stop();
  await t?.drop();
});

describe("CLI: the DNS path", () => {
  it("host:create and record:set reach DNS", async () => {
    const created = await run(hostCreate, ["--owner", email.toUpperCase(), "Cli.dyn.test"]);
    expect(created.code).toBe(0);
    expect(created.out[0]).toMatch(new RegExp(`^created cli\\.dyn\\.test \\([0-9a-f-]{36}\\) for ${email.replace(/[.+]/g, "\\$&")}$`));
    const set = await run(recordSet, ["cli.dyn.test", "a", "192.0.2.11, 192.0.2.10", "--ttl", "120"]);
    expect(set).toEqual({ code: 0, out: ["cli.dyn.test A 120 192.0.2.10 , 192.0.2.11"], err: [] });
    const txt = await run(recordSet, ["cli.dyn.test", "TXT", '"a, b","c"']);
    expect(txt.out).toEqual(['cli.dyn.test TXT 60 "a, b" , "c"']);
    expect((await run(recordSet, ["cli.dyn.test", "A", "192.0.2.10,192.0.2.11", "--ttl", "120"])).out).toEqual(["cli.dyn.test A 120 192.0.2.10 , 192.0.2.11 — unchanged"]);
    await drained();
    expect(await dig("127.0.0.1", pdns.dnsPort, "cli.dyn.test", "A")).toEqual(["192.0.2.10", "192.0.2.11"]);
    expect(await dig("127.0.0.1", pdns.dnsPort, "cli.dyn.test", "TXT")).toEqual(['"a, b"', '"c"']);
    expect((await run(recordSet, ["cli.dyn.test", "TXT", ""])).out).toEqual(["cli.dyn.test TXT (deleted)"]);
    await drained();
    expect(await dig("127.0.0.1", pdns.dnsPort, "cli.dyn.test", "TXT")).toEqual([]);
  });

  it("refuses bad input with a usage error or the service's own error", async () => {
    await expect(run(hostCreate, ["cli2.dyn.test"])).rejects.toThrow(new UsageError("--owner is required"));
    await expect(run(recordSet, ["cli.dyn.test", "A"])).rejects.toThrow(UsageError);
    await expect(run(recordSet, ["cli.dyn.test", "A", "192.0.2.1", "--ttl", "soon"])).rejects.toThrow(new UsageError("--ttl takes a number of seconds"));
    const e = await run(hostCreate, ["--owner", "nobody@example.test", "x.dyn.test"]).catch((err: unknown) => err);
    expect([(e as AppError).code, (e as AppError).message]).toEqual(["NOT_FOUND", "no user with email nobody@example.test"]);
    const taken = await run(hostCreate, ["--owner", email, "cli.dyn.test"]).catch((err: unknown) => err);
    expect((taken as AppError).message).toBe("This name is already taken.");
  });

  it("dns:reconcile shows and repairs drift; dns:failed lists and requeues what the worker gave up on", async () => {
    const patch = await fetch(`${pdns.apiUrl}/api/v1/servers/localhost/zones/dyn.test.`, {
      method: "PATCH",
      headers: { "X-API-Key": pdns.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ rrsets: [{ name: "cli.dyn.test.", type: "A", ttl: 120, changetype: "REPLACE", records: [{ content: "203.0.113.9", disabled: false }] }] }),
    });
    expect(patch.status).toBe(204);
    const dry = await run(dnsReconcile, ["--dry-run"]);
    expect(dry).toEqual({ code: 0, out: ["  ~ cli.dyn.test A 120 192.0.2.10 , 192.0.2.11", "dyn.test: 0 to create, 1 to update, 0 to delete — dry run"], err: [] });
    expect(await dig("127.0.0.1", pdns.dnsPort, "cli.dyn.test", "A")).toEqual(["203.0.113.9"]);
    expect((await run(dnsReconcile, ["--zone", "dyn.test."])).out.at(-1)).toBe("dyn.test: 0 to create, 1 to update, 0 to delete — applied");
    expect(await dig("127.0.0.1", pdns.dnsPort, "cli.dyn.test", "A")).toEqual(["192.0.2.10", "192.0.2.11"]);
    expect((await run(dnsReconcile, [])).out).toEqual(["dyn.test: 0 to create, 0 to update, 0 to delete — in sync"]);

    expect((await run(dnsFailed, [])).out).toEqual(["no failed DNS changes"]);
    const zone = await t.db.zone.findUniqueOrThrow({ where: { name: "dyn.test" } });
    await write(t.db, zone, null, [{ name: "stray.example.org", type: "A", ttl: 60, records: ["192.0.2.5"] }]);
    for (let i = 0; i < 200 && (await t.db.dnsOutbox.count({ where: { status: "FAILED" } })) === 0; i++) await new Promise((r) => setTimeout(r, 25));
    const failed = await run(dnsFailed, ["--retry"]);
    expect(failed.out).toHaveLength(2);
    expect(failed.out[0]).toMatch(/^\d+\tFAILED\tdyn\.test\tstray\.example\.org A v1\t1 attempts\tFatalDnsError: stray\.example\.org is not inside zone dyn\.test$/);
    expect(failed.out[1]).toBe("requeued 1 change(s)");
  });

  it("splitValues keeps commas inside quotes", () => {
    expect(splitValues('"a, b", "c\\", d" ,x')).toEqual(['"a, b"', '"c\\", d"', "x"]);
    expect(splitValues("")).toEqual([]);
  });
});
