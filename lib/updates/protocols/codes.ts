// The dyndns2 answers (DESIGN.md §4), and how they are written on the wire.
export type Dyndns2Code =
  | "good" | "nochg" | "badauth" | "!donator" | "notfqdn" | "nohost" | "numhost" | "abuse" | "badagent" | "dnserr" | "911";

/** One result line: the code, then the address(es) for good/nochg ("good 192.0.2.1,2001:db8::1"). */
export function resultLine(code: Dyndns2Code, v4?: string, v6?: string): string {
  const ips = [v4, v6].filter(Boolean).join(",");
  return (code === "good" || code === "nochg") && ips ? `${code} ${ips}` : code;
}

/** An answer as data; routes.ts writes it (always with Content-Length: ddclient cannot read chunked bodies). */
export type Answer = { status: number; body: string; headers: Record<string, string> };

/** A plain-text answer. */
export function textAnswer(body: string, status = 200, headers: Record<string, string> = {}): Answer {
  return { status, body, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers } };
}
