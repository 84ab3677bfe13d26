// A small UDP DNS client for the benchmarks (dns-packet wire format): poll one name every ~1 ms
// until it answers the expected address, or sweep many names with a bounded number in flight.
import dgram from "node:dgram";
import { decode, encode, type DecodedPacket } from "dns-packet";

type Pending = { name: string; resolve: (answers: string[] | null) => void };

/** One socket, many concurrent A queries to 127.0.0.1:port; close() when done. */
export class DnsClient {
  private readonly socket = dgram.createSocket("udp4");
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly port: number) {
    this.socket.on("message", (msg) => {
      let packet: DecodedPacket & { rcode?: string };
      try {
        packet = decode(msg);
      } catch {
        return;
      }
      const p = packet.id === undefined ? undefined : this.pending.get(packet.id);
      if (!p) return;
      this.pending.delete(packet.id!);
      const answers = (packet.answers ?? []).flatMap((a) => (a.type === "A" ? [String(a.data)] : []));
      p.resolve(packet.rcode === "NOERROR" ? answers.sort() : []);
    });
    this.socket.unref();
  }

  /** The A records of `name` (sorted; [] for NXDOMAIN/NODATA), or null after `timeoutMs`. */
  queryA(name: string, timeoutMs = 500): Promise<string[] | null> {
    const id = this.allocateId();
    const buf = encode({ type: "query", id, flags: 0, questions: [{ type: "A", name }] });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(null);
      }, timeoutMs);
      this.pending.set(id, { name, resolve: (a) => (clearTimeout(timer), resolve(a)) });
      this.socket.send(buf, this.port, "127.0.0.1");
    });
  }

  /**
   * Sends a query for `name` every `everyMs` until one answers exactly `[expected]`; resolves with
   * the time (process.hrtime.bigint) that answer arrived, or null after `timeoutMs`.
   */
  pollUntil(name: string, expected: string, opts: { everyMs?: number; timeoutMs?: number } = {}): Promise<bigint | null> {
    const everyMs = opts.everyMs ?? 1;
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    return new Promise((resolve) => {
      let done = false;
      const finish = (at: bigint | null) => {
        if (done) return;
        done = true;
        clearInterval(timer);
        resolve(at);
      };
      const ask = () => {
        if (Date.now() > deadline) return finish(null);
        void this.queryA(name, 1000).then((a) => {
          if (a && a.length === 1 && a[0] === expected) finish(process.hrtime.bigint());
        });
      };
      const timer = setInterval(ask, everyMs);
      ask();
    });
  }

  /** Names whose A answer is not exactly `[expected(name)]` (`window` queries in flight at most). */
  async mismatches(names: string[], expected: (name: string) => string, window = 256): Promise<string[]> {
    return (await this.sweep(names, expected, window)).map((m) => m.name);
  }

  /** Like mismatches(), with what each name answered (null: no answer within 2.5 s). */
  async sweep(names: string[], expected: (name: string) => string, window = 256): Promise<{ name: string; answer: string[] | null }[]> {
    const wrong: { name: string; answer: string[] | null }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < names.length) {
        const name = names[next++]!;
        let answer = await this.queryA(name);
        if (answer === null) answer = await this.queryA(name, 2000);
        if (!answer || answer.length !== 1 || answer[0] !== expected(name)) wrong.push({ name, answer });
      }
    };
    await Promise.all(Array.from({ length: Math.min(window, names.length) }, worker));
    return wrong;
  }

  close(): void {
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
    this.socket.close();
  }

  private allocateId(): number {
    for (let i = 0; i < 65536; i++) {
      const id = this.nextId;
      this.nextId = (this.nextId % 65535) + 1;
      if (!this.pending.has(id)) return id;
    }
    throw new Error("65 535 DNS queries in flight: no free id");
  }
}
