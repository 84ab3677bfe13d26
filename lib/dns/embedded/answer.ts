// Turns one query message into one reply message. Replies are cached by everything that shapes them
// (transport, copied flag bits, the question bytes, the EDNS limit/version/DO), so a repeated
// question costs a walk over its bytes, a Map lookup and a copy; any change to the zones empties it.
import { resolve } from "./resolve";
import { badVersionResponse, buildResponse, errorResponse } from "./writer";
import { parseQuery, questionName, RCODE, udpLimit, type Query } from "./wire";
import type { ZoneIndex } from "./zone-index";

const CLASS_IN = 1;
const CLASS_ANY = 255;
const TCP_LIMIT = 65535;

export type Transport = "udp" | "tcp";

export class Answerer {
  private readonly cache = new Map<string, Buffer>();
  private cacheVersion = -1;

  constructor(
    private readonly index: ZoneIndex,
    private readonly maxCached = 100_000,
  ) {}

  // The reply to `msg` with its ID filled in, or null when the message deserves none.
  answer(msg: Buffer, transport: Transport): Buffer | null {
    const q = parseQuery(msg);
    if ("reject" in q) return q.reject === "drop" ? null : errorResponse(msg, q.rcode);
    if (this.cacheVersion !== this.index.version) {
      this.cache.clear();
      this.cacheVersion = this.index.version;
    }
    const key = cacheKey(q, transport);
    let reply = this.cache.get(key);
    if (!reply) {
      reply = this.build(q, transport);
      if (this.cache.size >= this.maxCached) this.cache.clear();
      this.cache.set(key, reply);
    }
    const out = Buffer.allocUnsafe(reply.length);
    reply.copy(out);
    out[0] = msg[0]!;
    out[1] = msg[1]!;
    return out;
  }

  private build(q: Query, transport: Transport): Buffer {
    if (q.edns && q.edns.version > 0) return badVersionResponse(q);
    const qname = questionName(q.msg);
    const limit = transport === "tcp" ? TCP_LIMIT : udpLimit(q.edns);
    if (q.qclass !== CLASS_IN && q.qclass !== CLASS_ANY) {
      return buildResponse(q, qname, { rcode: RCODE.REFUSED, aa: false, answer: [], authority: [], additional: [] }, limit);
    }
    return buildResponse(q, qname, resolve(this.index, qname, q.qtype, transport === "udp"), limit);
  }
}

function cacheKey(q: Query, transport: Transport): string {
  const e = q.edns;
  const edns = e ? `${e.version > 0 ? "v" : udpLimit(e)}${e.dnssecOk ? "d" : ""}` : "-";
  return `${transport}${q.flags & 0x7910}${edns}|${q.msg.toString("latin1", 12, q.questionEnd)}`;
}
