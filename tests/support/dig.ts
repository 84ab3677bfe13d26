// Query a DNS server on loopback with the real `dig` (dnsutils), as a resolver would.
import { execFile } from "node:child_process";

export type DigOptions = {
  /** Query over TCP (+tcp). */
  tcp?: boolean;
  /** Keep a truncated UDP answer instead of retrying over TCP (+ignore). */
  ignoreTruncation?: boolean;
  /** EDNS UDP buffer size to advertise (+bufsize=N). */
  bufsize?: number;
  /** Send no EDNS OPT record (+noedns). */
  noEdns?: boolean;
};

export type DigRecord = { name: string; ttl: number; type: string; data: string };

/** What dig reported: rcode (NOERROR, NXDOMAIN, SERVFAIL, REFUSED…), header flags, sections. */
export type DigResult = {
  status: string;
  flags: string[];
  answer: DigRecord[];
  authority: DigRecord[];
  raw: string;
};

// `dig +short`: the answer RDATA lines, sorted, exactly as dig prints them.
export async function dig(server: string, port: number, name: string, type: string, options: DigOptions = {}): Promise<string[]> {
  const out = await runDig(server, port, name, type, ["+short", ...optionFlags(options)]);
  return out.split("\n").filter((line) => line !== "").sort();
}

// Full answer: status, flags (qr aa tc rd ra…) and the answer and authority sections.
export async function digFull(server: string, port: number, name: string, type: string, options: DigOptions = {}): Promise<DigResult> {
  const raw = await runDig(server, port, name, type, ["+noall", "+comments", "+answer", "+authority", ...optionFlags(options)]);
  const status = /status: ([A-Z]+)/.exec(raw)?.[1];
  const flags = /;; flags:([^;]*);/.exec(raw)?.[1];
  if (!status || flags === undefined) throw new Error(`dig printed no header for ${name} ${type}:\n${raw}`);
  const section = (title: string) => {
    const block = raw.split(`;; ${title} SECTION:\n`)[1]?.split("\n\n")[0] ?? "";
    return block.split("\n").filter((l) => l && !l.startsWith(";")).map(parseRecordLine).sort((a, b) => (a.data < b.data ? -1 : 1));
  };
  return { status, flags: flags.trim().split(/\s+/).filter(Boolean), answer: section("ANSWER"), authority: section("AUTHORITY"), raw };
}

function optionFlags(o: DigOptions): string[] {
  return [
    ...(o.tcp ? ["+tcp"] : []),
    ...(o.ignoreTruncation ? ["+ignore"] : []),
    ...(o.bufsize !== undefined ? [`+bufsize=${o.bufsize}`] : []),
    ...(o.noEdns ? ["+noedns"] : []),
  ];
}

function parseRecordLine(line: string): DigRecord {
  const m = /^(\S+)\s+(\d+)\s+IN\s+(\S+)\s+(.*)$/.exec(line);
  if (!m) throw new Error(`cannot parse dig record line: ${line}`);
  return { name: m[1]!, ttl: Number(m[2]), type: m[3]!, data: m[4]! };
}

function runDig(server: string, port: number, name: string, type: string, flags: string[]): Promise<string> {
  if (!["127.0.0.1", "::1"].includes(server)) throw new Error(`dig helper only queries loopback, not ${server}`);
  const args = [`@${server}`, "-p", String(port), "+norecurse", "+time=2", "+tries=2", ...flags, name, type];
  return new Promise((resolve, reject) => {
    execFile("dig", args, { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new Error("dig is not installed: apt-get install dnsutils"));
      } else if (error) {
        reject(new Error(`dig ${args.join(" ")} failed (${error.code ?? error.message}): ${stdout}${stderr}`));
      } else resolve(stdout);
    });
  });
}
