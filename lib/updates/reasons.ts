// Why an update ended as it did: the closed list of reason codes the update path records
// (UpdateEvent.reason) with their explanation for people (history table, update_failed mails).
// Client-safe. A code not in this list does not type-check.

const REASONS = {
  agent_blocked: "This client software is blocked.",
  agent_malformed: "The client's User-Agent is not in the Name/Version form, so it is slowed down.",
  agent_missing: "The client sent no User-Agent, so it is slowed down.",
  backend_error: "Our DNS backend failed; the client should try again later.",
  bad_credentials: "Wrong user name or update key.",
  bad_password: "Wrong account password.",
  client_blocked: "The client is blocked for a while after too many unchanged updates.",
  host_expired: "The hostname had expired.",
  host_frozen: "Staff froze this hostname: its records cannot be changed.",
  host_sinkholed: "Staff sinkholed this hostname: its records cannot be changed.",
  host_suspended: "Staff suspended this hostname: its records cannot be changed.",
  host_disabled: "This hostname is disabled while the account is over its plan's limit.",
  blocked_network: "The address is in a network we do not accept as a record target.",
  internal_error: "Something went wrong on our side.",
  invalid_ip: "The IP address was not valid.",
  invalid_ipv6: "The IPv6 address was not valid.",
  invalid_myip: "The IP address was not valid.",
  invalid_myipv4: "The IPv4 address was not valid.",
  invalid_myipv6: "The IPv6 address was not valid.",
  invalid_mx: "The mail server name was not valid.",
  invalid_name: "The hostname was not valid.",
  invalid_prefix: "The IPv6 prefix was not valid.",
  invalid_txt: "The TXT value was not valid.",
  key_scope: "The key may not change this record type or hostname.",
  no_credentials: "The request carried no key.",
  no_domains: "The request named no hostname.",
  no_hostname: "The request named no hostname.",
  no_such_host: "No such hostname for this key.",
  nochg_storm: "The client kept sending the address that was already set; it is blocked for a while.",
  overloaded: "We were too busy to check the password; the client should try again shortly.",
  plan_lacks_offline: "Your plan does not include offline mode.",
  plan_lacks_txt: "Your plan does not include TXT updates.",
  rate_limited: "Too many changes in a short time; the client must slow down.",
  source_not_allowed: "The request came from a network the key does not allow.",
  too_many_hosts: "Too many hostnames in one request.",
  unknown_key: "The key does not exist, expired or was revoked.",
} as const;

/** A reason code; `agent_policy:<pattern>` names the admin rule, `throttled:<why>` a held-back client. */
export type UpdateReason = keyof typeof REASONS | `agent_policy:${string}` | `throttled:${string}`;

/** The parameters whose bad value is answered for every host (`invalid_<field>`). */
export type InvalidField = "ip" | "ipv6" | "myip" | "myipv4" | "myipv6";

/** Why an update ended as it did, for people; null when the result says it all ("good"). */
export function explainUpdate(result: string, reason: string | null): string | null {
  if (reason?.startsWith("agent_policy:")) return `Our policy for this client software (${reason.slice(13)}) applied.`;
  if (reason?.startsWith("throttled:")) return `Too many requests: ${explainUpdate(result, reason.slice(10))}`;
  if (reason) return (REASONS as Record<string, string>)[reason] ?? reason.replace(/_/g, " ");
  const code = result.split(" ")[0];
  if (code === "nochg") return "The address was already set: nothing changed. This still counts as activity.";
  if (code === "badauth") return REASONS.bad_credentials;
  if (code === "abuse") return "Blocked: too many requests.";
  if (code === "nohost") return REASONS.no_such_host;
  if (code === "notfqdn") return REASONS.invalid_name;
  if (code === "911" || code === "dnserr") return REASONS.backend_error;
  return null;
}
