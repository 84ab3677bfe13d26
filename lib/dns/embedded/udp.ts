// The UDP listener: one reply per query, straight from the Answerer. In a cluster worker the socket
// is shared with the other workers (node:cluster hands every worker the same handle).
import dgram from "node:dgram";
import dns from "node:dns";
import net from "node:net";
import type { Answerer } from "./answer";
import { errorResponse } from "./writer";
import { RCODE } from "./wire";

// Replies go to the sender's address literal: answer the look-up at once instead of on the next
// tick through dns.lookup (measurably cheaper per datagram).
const literalLookup: dgram.SocketOptions["lookup"] = (hostname, options, callback) => {
  const family = net.isIP(hostname);
  if (family) callback(null, hostname, family);
  else dns.lookup(hostname, options, callback);
};

// Bind UDP on host:port and answer every datagram; resolves with the bound port.
export async function listenUdp(host: string, port: number, answerer: Answerer, exclusive = true) {
  const socket = dgram.createSocket({ type: net.isIPv6(host) ? "udp6" : "udp4", recvBufferSize: 4 << 20, lookup: literalLookup });
  socket.on("message", (msg, rinfo) => {
    let reply: Buffer | null;
    try {
      reply = answerer.answer(msg, "udp");
    } catch (e) {
      console.error("embedded dns: failed to answer a UDP query:", e);
      reply = msg.length >= 12 ? errorResponse(msg, RCODE.SERVFAIL) : null;
    }
    if (!reply || rinfo.port === 0) return;
    try {
      socket.send(reply, rinfo.port, rinfo.address);
    } catch {
      // the socket is closing
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind({ address: host, port, exclusive }, () => {
      socket.off("error", reject);
      resolve();
    });
  });
  socket.on("error", (e) => console.error("embedded dns: UDP socket error:", e));
  return {
    port: socket.address().port,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
