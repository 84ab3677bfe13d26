import dgram from "node:dgram";
import net from "node:net";
import packet from "dns-packet";
import { afterEach, describe, expect, it } from "vitest";
import { DnsTransportError, TcpDnsConnection, exchange, tcpExchange, udpExchange } from "./transport";

const query = (id: number) => packet.encode({ id, type: "query", questions: [{ name: "a.dyn.test", type: "A" }] });
const answer = (id: number, tc = false, ip = "192.0.2.1") =>
  packet.encode({ id, type: "response", flags: tc ? packet.TRUNCATED_RESPONSE : 0, questions: [{ name: "a.dyn.test", type: "A" }], answers: tc ? [] : [{ name: "a.dyn.test", type: "A", ttl: 60, data: ip }] });
const frame = (b: Buffer) => Buffer.concat([Buffer.from([b.length >> 8, b.length & 255]), b]);

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

async function udpServer(onMessage: (msg: Buffer, reply: (b: Buffer) => void) => void): Promise<number> {
  const sock = dgram.createSocket("udp4");
  sock.on("message", (msg, from) => onMessage(msg, (b) => sock.send(b, from.port, from.address)));
  await new Promise<void>((r) => sock.bind(0, "127.0.0.1", r));
  closers.push(() => sock.close());
  return sock.address().port;
}

async function tcpServer(onConnection: (s: net.Socket) => void, port = 0): Promise<number> {
  const srv = net.createServer(onConnection);
  await new Promise<void>((r) => srv.listen(port, "127.0.0.1", r));
  closers.push(() => srv.close());
  return (srv.address() as net.AddressInfo).port;
}

describe("transport", () => {
  it("UDP: ignores answers with another ID and returns the matching one", async () => {
    const port = await udpServer((msg, reply) => {
      reply(answer(msg.readUInt16BE(0) ^ 1, false, "192.0.2.66"));
      reply(answer(msg.readUInt16BE(0)));
    });
    const got = packet.decode(await udpExchange({ host: "127.0.0.1", port }, query(4242), { timeoutMs: 1_000 }));
    expect(got.id).toBe(4242);
    expect(got.answers?.[0]).toMatchObject({ data: "192.0.2.1" });
  });

  it("UDP: times out as a retryable transport error", async () => {
    const port = await udpServer(() => {});
    const err = await udpExchange({ host: "127.0.0.1", port }, query(1), { timeoutMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(DnsTransportError);
    expect(err.code).toBe("timeout");
    expect(err.retryable).toBe(true);
  });

  it("retries over TCP on the same port when the UDP answer is truncated", async () => {
    const port = await udpServer((msg, reply) => reply(answer(msg.readUInt16BE(0), true)));
    const tcpQueries: number[] = [];
    await tcpServer((s) => {
      s.on("data", (d) => {
        tcpQueries.push(d.readUInt16BE(0));
        s.write(frame(answer(d.readUInt16BE(2), false, "192.0.2.77")));
      });
    }, port);
    const got = packet.decode(await exchange({ host: "127.0.0.1", port }, query(99), { timeoutMs: 1_000 }));
    expect(got.answers?.[0]).toMatchObject({ data: "192.0.2.77" });
    expect(tcpQueries).toEqual([query(99).length]);
  });

  it("TCP: reassembles frames split across and packed into TCP segments", async () => {
    const port = await tcpServer((s) => {
      s.once("data", async () => {
        const all = Buffer.concat([frame(answer(1)), frame(answer(2)), frame(answer(3))]);
        s.write(all.subarray(0, 1));
        await new Promise((r) => setTimeout(r, 20));
        s.write(all.subarray(1, 40));
        await new Promise((r) => setTimeout(r, 20));
        s.write(all.subarray(40));
      });
    });
    const conn = await TcpDnsConnection.connect({ host: "127.0.0.1", port }, { timeoutMs: 1_000 });
    conn.send(query(1));
    const ids = [(await conn.receive()).readUInt16BE(0), (await conn.receive()).readUInt16BE(0), (await conn.receive()).readUInt16BE(0)];
    conn.close();
    expect(ids).toEqual([1, 2, 3]);
  });

  it("TCP: refused, closed and silent peers are retryable transport errors", async () => {
    const silent = await tcpServer(() => {});
    const hangUp = await tcpServer((s) => s.once("data", () => s.end()));
    const refused = await tcpServer(() => {});
    closers.pop()!();
    await new Promise((r) => setTimeout(r, 20));
    const server = (port: number) => ({ host: "127.0.0.1", port });
    await expect(tcpExchange(server(silent), query(1), { timeoutMs: 100 })).rejects.toMatchObject({ code: "timeout" });
    await expect(tcpExchange(server(hangUp), query(1), { timeoutMs: 1_000 })).rejects.toMatchObject({ code: "closed" });
    await expect(tcpExchange(server(refused), query(1), { timeoutMs: 1_000 })).rejects.toMatchObject({ code: "refused", retryable: true });
  });
});
