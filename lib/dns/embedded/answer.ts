// Turns one query message into one reply message. Replies are cached by everything that shapes them
// (transport, copied flag bits, the question bytes, the EDNS limit/version/DO), so a repeated
// question costs a walk over its bytes, a Map lookup and a copy; changes drop what they affect.
import { PacketCache, type Deps } from "./cache";
import { refused, resolve } from "./resolve";
import { badVersionResponse, buildResponse, errorResponse } from "./writer";
import { parseQuery, questionName, udpLimit, type Query } from "./wire";
import type { ZoneIndex } from "./zone-index";

const CLASS_IN = 1;
const CLASS_ANY = 255;
const TCP_LIMIT = 65535;

export type Transport = "udp" | "tcp";

export class Answerer {
  private readonly cache: PacketCache;
  /** Cache hits and misses since start (benchmarks, tests). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(
    private readonly index: ZoneIndex,
    maxCached = 100_000,
  ) {
    this.cache = new PacketCache(maxCached);
    index.onChange((names) => this.cache.invalidate(names));
  }

  // The reply to `msg` with its ID filled in, or null when the message deserves none.
  answer(msg: Buffer, transport: Transport): Buffer | null {
    const q = parseQuery(msg);
    if ("reject" in q) return q.reject === "drop" ? null : errorResponse(msg, q.rcode);
    const key = cacheKey(q, transport);
    let reply = this.cache.get(key);
    if (reply) this.stats.hits++;
    else {
      this.stats.misses++;
      const built = this.build(q, transport);
      reply = built.reply;
      this.cache.set(key, reply, built.deps);
    }
    const out = Buffer.allocUnsafe(reply.length);
    reply.copy(out);
    out[0] = msg[0]!;
    out[1] = msg[1]!;
    return out;
  }

  private build(q: Query, transport: Transport): { reply: Buffer; deps: Deps } {
    if (q.edns && q.edns.version > 0) return { reply: badVersionResponse(q), deps: "volatile" };
    const qname = questionName(q.msg);
    const limit = transport === "tcp" ? TCP_LIMIT : udpLimit(q.edns);
    const res = q.qclass === CLASS_IN || q.qclass === CLASS_ANY ? resolve(this.index, qname, q.qtype, transport === "udp") : refused();
    return { reply: buildResponse(q, qname, res, limit), deps: res.volatile ? "volatile" : res.deps };
  }
}

function cacheKey(q: Query, transport: Transport): string {
  const e = q.edns;
  const edns = e ? `${e.version > 0 ? "v" : udpLimit(e)}${e.dnssecOk ? "d" : ""}` : "-";
  return `${transport}${q.flags & 0x7910}${edns}|${q.msg.toString("latin1", 12, q.questionEnd)}`;
}
