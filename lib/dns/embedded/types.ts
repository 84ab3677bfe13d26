// Shared shapes of the embedded DNS server: its settings, the change batches it persists and
// replays, and the typed error its store raises on bad input.
import type { RRset, RRType } from "../types";

/** SOA timers of every zone the server holds; mname/rname default from the nameservers and zone. */
export type SoaSettings = {
  mname?: string;
  rname?: string;
  refresh?: number;
  retry?: number;
  expire?: number;
  minimum?: number;
  ttl?: number;
};

export type EmbeddedDnsOptions = {
  host?: string;
  /** UDP and TCP port (the same number); 0 picks a free one. */
  port?: number;
  dataDir: string;
  /** Zones created at start (more can be added through the control channel). */
  zones: string[];
  /** Apex NS names; default ["ns1.<zone>."] per zone. */
  nameservers?: string[];
  nsTtl?: number;
  controlHost?: string;
  /** 0 picks a free port. */
  controlPort?: number;
  controlKey: string;
  soa?: SoaSettings;
  /** Worker processes answering UDP on the shared socket (node:cluster); 0 = answer in this process. */
  workers?: number;
  /** Journal entries before the store compacts into a snapshot. */
  compactEvery?: number;
  /** The journal cannot be written (disk full, I/O error): change requests now fail with 503; the
   * standalone process exits so that its supervisor restarts it from what is on disk. */
  onStoreFailure?: (error: Error) => void;
};

export type RunningDnsServer = {
  udpPort: number;
  tcpPort: number;
  controlUrl: string;
  close(): Promise<void>;
};

/** One step of a change batch; a batch is applied whole or not at all. */
export type Op =
  | { op: "zone"; zone: string }
  | { op: "replace"; rrset: RRset }
  | { op: "delete"; name: string; type: RRType };

/** A batch as journaled: `serial` is the zone's SOA serial after it. */
export type Batch = { seq: number; zone: string; serial: number; ops: Op[] };

/** The control API's rrset change, PowerDNS-like. */
export type RRsetChange = {
  name: string;
  type: RRType;
  changetype: "REPLACE" | "DELETE";
  ttl?: number;
  records?: string[];
};

/** Input the server refuses (unknown zone, bad name, bad RDATA, CNAME conflict); HTTP 400/404. */
export class EmbeddedDnsInputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
    this.name = "EmbeddedDnsInputError";
  }
}
