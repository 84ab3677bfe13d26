// The NOTIFY channel writers signal at commit (writeRRsets) and dispatchers LISTEN on.
export const OUTBOX_CHANNEL = "dns_outbox";
