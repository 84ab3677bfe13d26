// RFC 2136 provider: TSIG-signed dynamic UPDATEs (BIND, Knot, PowerDNS…), AXFR for listing.
// It cannot create zones: the zone must already be configured on the server.
import { RdataError } from "../rdata";
import { TcpDnsConnection, exchange, type DnsEndpoint } from "../transport";
import { TsigError, TsigStreamVerifier, readTsig, signMessage, verifyMessage, type TsigKey } from "../tsig";
import { FatalDnsError, RetryableDnsError, type Change, type DnsProvider, type RRset, type RRType } from "../types";
import { UnsendableChangeError, buildQuery, buildUpdates, readXfrRecords, toRRsets, type XfrRecord } from "./rfc2136-messages";

export type Rfc2136Options = {
  server: DnsEndpoint;
  tsig: TsigKey;
  /** Per network step (connect, each answer). Default 5 000 ms. */
  timeoutMs?: number;
  /** Upper bound for one UPDATE message (TCP allows 65 535 bytes). Default 60 000. */
  maxMessageBytes?: number;
  /** Changes per UPDATE message. Default 1 000. */
  maxChangesPerRequest?: number;
  id?: string;
};

const MANAGED_TYPES: ReadonlySet<RRType> = new Set<RRType>(["A", "AAAA", "TXT", "MX", "CNAME", "NS", "CAA", "SRV"]);
const RETRYABLE_RCODES = new Set(["SERVFAIL"]);
const TSIG_ERROR_NAMES: Record<number, string> = { 16: "BADSIG", 17: "BADKEY", 18: "BADTIME", 22: "BADTRUNC" };

const zoneName = (zone: string) => zone.toLowerCase().replace(/\.$/, "");

// Turn a non-NOERROR rcode into the typed error the dispatcher expects.
export function rcodeError(rcode: string, context: string, tsigError = 0): RetryableDnsError | FatalDnsError {
  const detail = tsigError ? ` (TSIG ${TSIG_ERROR_NAMES[tsigError] ?? tsigError}: check the key name, algorithm and secret)` : "";
  const message = `${context}: ${rcode}${detail}`;
  return RETRYABLE_RCODES.has(rcode) ? new RetryableDnsError(message) : new FatalDnsError(message);
}

function rcodeOf(wire: Buffer): string {
  const names = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE"];
  const code = wire.readUInt16BE(2) & 0xf;
  return names[code] ?? `RCODE${code}`;
}

function tsigFailure(err: unknown, context: string): never {
  if (err instanceof TsigError) throw new FatalDnsError(`${context}: response TSIG ${err.code}: ${err.message}`, { cause: err });
  throw err;
}

// Create a provider speaking RFC 2136 + TSIG to one server; zones are passed per call.
export function createRfc2136Provider(options: Rfc2136Options): DnsProvider {
  const { server, tsig } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const limits = { maxBytes: options.maxMessageBytes ?? 60_000, maxChanges: options.maxChangesPerRequest ?? 1_000 };
  const where = `${server.host}:${server.port}`;

  // Check rcode and TSIG of a single answer; returns it unsigned.
  function checkAnswer(reply: Buffer, request: { wire: Buffer; mac: Buffer }, context: string): Buffer {
    if (reply.readUInt16BE(0) !== request.wire.readUInt16BE(0)) throw new RetryableDnsError(`${context}: answer ID mismatch`);
    const rcode = rcodeOf(reply);
    const signed = readTsig(reply);
    if (rcode !== "NOERROR") {
      if (signed && signed.mac.length > 0) {
        try {
          verifyMessage(reply, tsig, { requestMac: request.mac });
        } catch (err) {
          tsigFailure(err, context);
        }
      }
      throw rcodeError(rcode, context, signed?.error ?? 0);
    }
    try {
      return verifyMessage(reply, tsig, { requestMac: request.mac }).unsigned;
    } catch (err) {
      return tsigFailure(err, context);
    }
  }

  async function ensureZone(zone: string): Promise<void> {
    const name = zoneName(zone);
    const request = signMessage(buildQuery(name, "SOA"), tsig);
    const context = `SOA query for ${name} at ${where}`;
    const reply = await exchange(server, request.wire, { timeoutMs });
    let answer: Buffer;
    try {
      answer = checkAnswer(reply, request, context);
    } catch (err) {
      if (err instanceof FatalDnsError && /: (REFUSED|NOTAUTH|NXDOMAIN|NOTZONE)$/.test(err.message)) {
        throw new FatalDnsError(`zone ${name} is not served by ${where} (${err.message.split(": ").pop()}); RFC 2136 cannot create zones, configure it on the server`);
      }
      throw err;
    }
    const soa = readXfrRecords(answer).find((r) => r.type === "SOA" && r.name === name);
    const authoritative = (answer.readUInt16BE(2) & 0x0400) !== 0;
    if (!soa || !authoritative) {
      throw new FatalDnsError(`zone ${name} is not served by ${where} (no authoritative SOA); RFC 2136 cannot create zones, configure it on the server`);
    }
  }

  async function listRRsets(zone: string, names?: string[]): Promise<RRset[]> {
    const name = zoneName(zone);
    const request = signMessage(buildQuery(name, "AXFR"), tsig);
    const context = `AXFR of ${name} from ${where}`;
    const conn = await TcpDnsConnection.connect(server, { timeoutMs });
    const records: XfrRecord[] = [];
    try {
      conn.send(request.wire);
      const verifier = new TsigStreamVerifier(tsig, request.mac);
      let soaCount = 0;
      while (soaCount < 2) {
        const reply = await conn.receive();
        const first = records.length === 0;
        if (first) checkAnswer(reply, request, context);
        else if (rcodeOf(reply) !== "NOERROR") throw rcodeError(rcodeOf(reply), context);
        for (const record of readXfrRecords(verifier.next(reply))) {
          if (records.length === 0 && record.type !== "SOA") throw new FatalDnsError(`${context}: transfer does not start with SOA`);
          if (record.type === "SOA") soaCount++;
          records.push(record);
        }
        if (records.length === 0) throw new FatalDnsError(`${context}: empty transfer`);
      }
      verifier.finish();
    } catch (err) {
      if (err instanceof TsigError) tsigFailure(err, context);
      throw err;
    } finally {
      conn.close();
    }
    return toRRsets(name, records, names);
  }

  async function apply(zone: string, changes: Change[]): Promise<void> {
    if (changes.length === 0) return;
    const name = zoneName(zone);
    let messages: Buffer[];
    try {
      messages = buildUpdates(name, changes, limits);
    } catch (err) {
      if (err instanceof RdataError || err instanceof UnsendableChangeError) throw new FatalDnsError(err.message, { cause: err });
      throw err;
    }
    const conn = await TcpDnsConnection.connect(server, { timeoutMs });
    try {
      for (const [i, message] of messages.entries()) {
        const request = signMessage(message, tsig);
        conn.send(request.wire);
        checkAnswer(await conn.receive(), request, `UPDATE ${i + 1}/${messages.length} of ${name} at ${where}`);
      }
    } finally {
      conn.close();
    }
  }

  return {
    id: options.id ?? `rfc2136:${where}`,
    capabilities: { types: MANAGED_TYPES, minTtl: 0, maxChangesPerRequest: limits.maxChanges },
    ensureZone,
    listRRsets,
    apply,
  };
}
