// The request's own values for the history table (the reasons are in lib/updates/reasons.ts).

const SHOWN_PARAMS = ["hostname", "myip", "myipv4", "myipv6", "ip", "ipv6", "offline", "wildcard", "mx", "txt", "domains"];

/** The request's own values ("myip=203.0.113.7"), secrets already redacted when stored. */
export function requestedValues(params: unknown): string {
  if (!params || typeof params !== "object") return "";
  const p = params as Record<string, unknown>;
  return SHOWN_PARAMS.filter((k) => typeof p[k] === "string" && p[k] !== "" && k !== "hostname" && k !== "domains")
    .map((k) => `${k}=${String(p[k]).slice(0, 80)}`)
    .join(" ");
}
