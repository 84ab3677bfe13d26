// Refuses to run against anything but this machine: the suite creates users and reads mail.
import net from "node:net";

function loopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "");
  return h === "localhost" || (net.isIPv4(h) && h.startsWith("127.")) || h === "::1";
}

export default function globalSetup(): void {
  for (const name of ["E2E_BASE_URL", "E2E_SMTP_BASE_URL", "E2E_SINK_URL", "E2E_DATABASE_URL"]) {
    const v = process.env[name];
    if (v && !loopback(new URL(v).hostname)) {
      throw new Error(`${name}=${v} is not on this machine: the e2e suite only runs against a local service and database`);
    }
  }
}
