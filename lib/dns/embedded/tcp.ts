// The TCP listener (RFC 1035 §4.2.2, RFC 7766): 2-byte length-prefixed messages, several queries
// per connection answered in order, idle connections closed after a few seconds.
import net from "node:net";
import type { Answerer } from "./answer";

const IDLE_MS = 10_000;
const MAX_CONNECTIONS = 1_000;

// Listen on host:port; resolves with the bound port (0 picks a free one).
export async function listenTcp(host: string, port: number, answerer: Answerer) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 2) {
        const len = pending.readUInt16BE(0);
        if (pending.length < 2 + len) break;
        const msg = pending.subarray(2, 2 + len);
        pending = pending.subarray(2 + len);
        let reply: Buffer | null = null;
        try {
          reply = answerer.answer(msg, "tcp");
        } catch (e) {
          console.error("embedded dns: failed to answer a TCP query:", e);
        }
        if (!reply) {
          socket.destroy();
          return;
        }
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([prefix, reply]));
      }
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
