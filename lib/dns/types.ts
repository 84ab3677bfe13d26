// The provider contract (DESIGN.md §2). Every DNS backend — embedded, PowerDNS, RFC 2136 (BIND,
// Knot) — implements DnsProvider; the outbox dispatcher and the reconciler only ever talk to it.

export const RR_TYPES = ["A", "AAAA", "TXT", "MX", "CNAME", "NS", "SOA", "CAA", "SRV"] as const;
export type RRType = (typeof RR_TYPES)[number];

/**
 * One rrset. `name` is the absolute FQDN, lower-case, without the trailing dot ("alice.dyn.test").
 * `records` hold presentation-format RDATA, canonicalised by lib/dns/rdata.ts (TXT as one or more
 * double-quoted strings, MX as "10 mx.example.", names absolute with a trailing dot), sorted.
 */
export type RRset = { name: string; type: RRType; ttl: number; records: string[] };

export type Change =
  | { kind: "create"; after: RRset }
  | { kind: "delete"; before: RRset }
  | { kind: "update"; before: RRset; after: RRset };

export type ProviderCapabilities = {
  types: ReadonlySet<RRType>;
  minTtl: number;
  maxChangesPerRequest: number;
};

/**
 * Contract:
 * - MUST NOT read process.env or the database: it is given a zone and a plan (DESIGN.md §1).
 * - ensureZone MUST be idempotent and leave SOA/NS in place.
 * - listRRsets MUST return every rrset of the zone except SOA and the apex NS (those belong to the
 *   backend), canonicalised like the desired state so that planning compares like with like;
 *   with `names`, only rrsets at those names.
 * - apply MUST be idempotent (REPLACE semantics): applying the same changes twice leaves the same
 *   state. It MUST throw RetryableDnsError for transient failures (timeouts, 5xx, SERVFAIL,
 *   connection refused) and FatalDnsError for failures that retrying cannot fix (auth, bad data).
 * - An empty change list MUST NOT cause any backend traffic.
 */
export interface DnsProvider {
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  ensureZone(zone: string): Promise<void>;
  listRRsets(zone: string, names?: string[]): Promise<RRset[]>;
  apply(zone: string, changes: Change[]): Promise<void>;
  close?(): Promise<void>;
}

export class DnsError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
/** Transient: the dispatcher retries with bounded exponential backoff. */
export class RetryableDnsError extends DnsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options);
  }
}
/** Permanent: the dispatcher marks the outbox row failed and surfaces the error to admins. */
export class FatalDnsError extends DnsError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, false, options);
  }
}
