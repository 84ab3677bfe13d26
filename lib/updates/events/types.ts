// The shapes of the update history: one UpdateEvent row as the writer queues it, and what a
// "good" update changed at the host (shown in the history, mailed and sent by webhook).
import type { UpdateReason } from "@/lib/updates/reasons";

/** An address rrset a "good" update changed at the host itself. */
export type AddressChange = { type: "A" | "AAAA"; before: string[]; after: string[] };

export type UpdateEventRow = {
  hostId: string | null;
  fqdn: string | null;
  userId: string | null;
  keyId: string | null;
  protocol: string;
  sourceIp: string;
  userAgent: string | null;
  params: Record<string, string>;
  /** The dyndns2 code, or OK / KO for DuckDNS. */
  result: string;
  reason: UpdateReason | null;
  latencyMs: number;
  changes?: AddressChange[];
  createdAt: string;
};
