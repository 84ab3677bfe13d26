// record:set <fqdn> <type> <value>[,<value>…] [--ttl N] — sets one rrset of a host, through
// setRecords (the same validation as the dashboard and the API). An empty value deletes it.
import { UsageError } from "@/lib/cli/args";
import type { CliCommand } from "@/lib/cli/types";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { setRecords } from "@/lib/hosts/set-records";

// Split at commas outside double quotes, so TXT values may contain commas: "a, b","c" → two values.
export function splitValues(text: string): string[] {
  const values: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && quoted && i + 1 < text.length) current += ch + text[++i];
    else if (ch === '"') (quoted = !quoted), (current += ch);
    else if (ch === "," && !quoted) values.push(current), (current = "");
    else current += ch;
  }
  values.push(current);
  return values.map((v) => v.trim()).filter((v) => v !== "");
}

export const recordSet: CliCommand = {
  name: "record:set",
  usage: "record:set <fqdn> <type> <value>[,<value>…] [--ttl N]",
  summary: 'set a host\'s records of one type ("" deletes them); DNS follows through the outbox',
  async run(args, ctx) {
    const [fqdn, type, values] = args.positional;
    if (!fqdn || !type || values === undefined) throw new UsageError("a hostname, a type and the values are required");
    const ttlFlag = args.flags.ttl;
    if (ttlFlag === true || (ttlFlag !== undefined && !/^\d+$/.test(ttlFlag))) throw new UsageError("--ttl takes a number of seconds");
    const r = await setRecords({ fqdn, type, values: splitValues(values), ttl: ttlFlag === undefined ? undefined : Number(ttlFlag), actor: CLI_ACTOR, client: ctx.db });
    const what = r.records.length ? `${r.ttl} ${r.records.join(" , ")}` : "(deleted)";
    ctx.out(`${r.fqdn} ${r.type} ${what}${r.changed ? "" : " — unchanged"}`);
    return 0;
  },
};
