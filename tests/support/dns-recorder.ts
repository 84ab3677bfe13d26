// A recording DNS proxy for tests: listens on a free loopback port (TCP and UDP), forwards every
// message to a real server and keeps what clients sent, so tests can assert exact traffic.
import dgram from "node:dgram";
import net from "node:net";
import packet from "dns-packet";
import { fromWire } from "@/lib/dns/rdata-wire";
import { readTsig } from "@/lib/dns/tsig";
import type { RRType } from "@/lib/dns/types";
import { readName, walkMessage, type RecordRef } from "@/lib/dns/wire-walk";
import { freeDnsPort } from "./dns-daemon";

export type Recorder = {
  host: string;
  port: number;
  /** Client→server messages in arrival order (TCP frames without their length prefix). */
  sent: { transport: "tcp" | "udp"; wire: Buffer }[];
  tcpConnections: number;
  close(): Promise<void>;
};

// Start a proxy in front of `target`.
export async function startRecorder(target: { host: string; port: number }): Promise<Recorder> {
  const port = await freeDnsPort();
  const rec: Recorder = { host: "127.0.0.1", port, sent: [], tcpConnections: 0, close: async () => {} };
  const tcp = net.createServer((client) => {
    rec.tcpConnections++;
    const upstream = net.connect(target.port, target.host);
    let buffered = Buffer.alloc(0);
    client.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= buffered.readUInt16BE(0) + 2) {
        const len = buffered.readUInt16BE(0);
        rec.sent.push({ transport: "tcp", wire: Buffer.from(buffered.subarray(2, len + 2)) });
        buffered = buffered.subarray(len + 2);
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const end = () => (client.destroy(), upstream.destroy());
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  const udp = dgram.createSocket("udp4");
  udp.on("message", (msg, from) => {
    rec.sent.push({ transport: "udp", wire: Buffer.from(msg) });
    const relay = dgram.createSocket("udp4");
    relay.on("message", (answer) => (udp.send(answer, from.port, from.address), relay.close()));
    relay.send(msg, target.port, target.host);
  });
  await new Promise<void>((resolve) => tcp.listen(port, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => udp.bind(port, "127.0.0.1", resolve));
  rec.close = async () => {
    udp.close();
    await new Promise((resolve) => tcp.close(resolve));
  };
  return rec;
}

/** An UPDATE message in readable form, as a test would write it down. */
export type DecodedUpdate = { opcode: number; id: number; zone: string; prerequisites: string[]; updates: string[]; signedBy: string | null };

const TYPES: Record<number, string> = { 1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV", 257: "CAA" };
const CLASSES: Record<number, string> = { 1: "IN", 254: "NONE", 255: "ANY" };
const answerCodec = (packet as unknown as { answer: { decode(b: Buffer, o: number): { data: unknown } } }).answer;

// Decode a (signed) UPDATE: each RR as "name. ttl CLASS TYPE rdata" (rdata canonical; none for deletes).
export function decodeUpdate(wire: Buffer): DecodedUpdate {
  const tsig = readTsig(wire);
  const message = tsig ? tsig.unsigned : wire;
  const zoneName = readName(message, 12);
  const zone = `${zoneName.name}. ${CLASSES[message.readUInt16BE(zoneName.end + 2)]} ${TYPES[message.readUInt16BE(zoneName.end)]}`;
  const { records } = walkMessage(message);
  const show = (r: RecordRef) => {
    const type = TYPES[r.type] ?? `TYPE${r.type}`;
    const rdata = r.rdlength === 0 ? "" : " " + fromWire(type as RRType, answerCodec.decode(message, r.start).data);
    return `${r.name}. ${r.ttl} ${CLASSES[r.klass] ?? r.klass} ${type}${rdata}`;
  };
  return {
    opcode: (message.readUInt16BE(2) >> 11) & 0xf,
    id: message.readUInt16BE(0),
    zone,
    prerequisites: records.filter((r) => r.section === "answer").map(show),
    updates: records.filter((r) => r.section === "authority").map(show),
    signedBy: tsig ? `${tsig.keyName} ${tsig.algorithm}` : null,
  };
}
