// Update results in plain words for the history table: what the client was told, and why.

const REASONS: Record<string, string> = {
  agent_blocked: "This client software is blocked.",
  agent_malformed: "The client's User-Agent is not in the Name/Version form, so it is slowed down.",
  agent_missing: "The client sent no User-Agent, so it is slowed down.",
  backend_error: "Our DNS backend failed; the client should try again later.",
  bad_credentials: "Wrong user name or update key.",
  bad_password: "Wrong account password.",
  client_blocked: "The client is blocked for a while after too many unchanged updates.",
  host_expired: "The hostname had expired.",
  internal_error: "Something went wrong on our side.",
  invalid_mx: "The mail server name was not valid.",
  invalid_name: "The hostname was not valid.",
  invalid_prefix: "The IPv6 prefix was not valid.",
  invalid_txt: "The TXT value was not valid.",
  key_scope: "The key may not change this record type or hostname.",
  no_credentials: "The request carried no key.",
  no_hostname: "The request named no hostname.",
  no_such_host: "No such hostname for this key.",
  nochg_storm: "The client kept sending the address that was already set; it is blocked for a while.",
  plan_lacks_offline: "Your plan does not include offline mode.",
  plan_lacks_txt: "Your plan does not include TXT updates.",
  rate_limited: "Too many changes in a short time; the client must slow down.",
  source_not_allowed: "The request came from a network the key does not allow.",
  too_many_hosts: "Too many hostnames in one request.",
  unknown_key: "The key does not exist, expired or was revoked.",
};

/** Why an update ended as it did, for people; null when the result says it all ("good"). */
export function explainUpdate(result: string, reason: string | null): string | null {
  if (reason?.startsWith("agent_policy:")) return `Our policy for this client software (${reason.slice(13)}) applied.`;
  if (reason) return REASONS[reason] ?? reason.replace(/_/g, " ");
  const code = result.split(" ")[0];
  if (code === "nochg") return "The address was already set: nothing changed. This still counts as activity.";
  if (code === "badauth") return REASONS.bad_credentials!;
  if (code === "abuse") return "Blocked: too many requests.";
  if (code === "nohost") return REASONS.no_such_host!;
  if (code === "notfqdn") return REASONS.invalid_name!;
  if (code === "911" || code === "dnserr") return REASONS.backend_error!;
  return null;
}

const SHOWN_PARAMS = ["hostname", "myip", "myipv4", "myipv6", "ip", "ipv6", "offline", "wildcard", "mx", "txt", "domains"];

/** The request's own values ("myip=203.0.113.7"), secrets already redacted when stored. */
export function requestedValues(params: unknown): string {
  if (!params || typeof params !== "object") return "";
  const p = params as Record<string, unknown>;
  return SHOWN_PARAMS.filter((k) => typeof p[k] === "string" && p[k] !== "" && k !== "hostname" && k !== "domains")
    .map((k) => `${k}=${String(p[k]).slice(0, 80)}`)
    .join(" ");
}
