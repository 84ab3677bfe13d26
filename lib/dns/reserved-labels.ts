// Labels no user may register directly under a shared zone (infrastructure, role and abuse names).
// Client-safe (no Node imports): the server's validateHostLabel (lib/dns/names.ts) and the browser's
// checkHostLabel (lib/validation/host-label.ts) share this one list.
export const RESERVED_LABELS: ReadonlySet<string> = new Set([
  "www", "mail", "email", "smtp", "imap", "pop", "pop3", "mx", "ns", "dns",
  ...Array.from({ length: 9 }, (_, i) => `ns${i + 1}`),
  "admin", "administrator", "abuse", "api", "status", "root", "hostmaster", "postmaster",
  "webmaster", "security", "support", "help", "info", "noc", "ftp", "localhost", "wpad", "isatap",
  "autoconfig", "autodiscover", "mta-sts", "billing", "login", "account", "accounts", "dashboard",
  "app", "static", "cdn", "docs", "blog", "ssl", "secure", "update", "checkip", "dyndns", "members",
]);
