// DNS message transport: UDP with a timeout, length-prefixed TCP (RFC 1035 §4.2.2, RFC 7766),
// and UDP → TCP retry when the answer comes back truncated. Messages are raw wire bytes.
import dgram from "node:dgram";
import net from "node:net";
import { RetryableDnsError } from "./types";

export type DnsEndpoint = { host: string; port: number };
export type TransportOptions = { timeoutMs: number };

export type TransportFailure = "timeout" | "refused" | "closed" | "network";

/** A network-level failure talking to a DNS server. Always retryable. */
export class DnsTransportError extends RetryableDnsError {
  constructor(
    readonly code: TransportFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const TC_BIT = 0x0200;

function describe(server: DnsEndpoint): string {
  return net.isIPv6(server.host) ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

function fromSocketError(err: NodeJS.ErrnoException, server: DnsEndpoint): DnsTransportError {
  const code = err.code === "ECONNREFUSED" ? "refused" : err.code === "ECONNRESET" ? "closed" : "network";
  return new DnsTransportError(code, `${describe(server)}: ${err.code ?? err.message}`, { cause: err });
}

// Send one message over UDP and resolve with the first reply carrying the same message ID.
export function udpExchange(server: DnsEndpoint, wire: Buffer, { timeoutMs }: TransportOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(server.host) ? "udp6" : "udp4");
    const id = wire.readUInt16BE(0);
    const finish = (err: Error | null, reply?: Buffer) => {
      clearTimeout(timer);
      socket.close();
      if (err) reject(err);
      else resolve(reply as Buffer);
    };
    const timer = setTimeout(
      () => finish(new DnsTransportError("timeout", `${describe(server)}: no UDP answer in ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.on("error", (err) => finish(fromSocketError(err, server)));
    socket.on("message", (msg) => {
      if (msg.length >= 12 && msg.readUInt16BE(0) === id) finish(null, msg);
    });
    socket.connect(server.port, server.host, () => socket.send(wire));
  });
}

/** A TCP connection carrying length-prefixed DNS messages; several exchanges may share it. */
export class TcpDnsConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private frames: Buffer[] = [];
  private waiter: { resolve: (b: Buffer) => void; reject: (e: Error) => void } | null = null;
  private failure: DnsTransportError | null = null;

  private constructor(
    private readonly socket: net.Socket,
    private readonly server: DnsEndpoint,
    private readonly timeoutMs: number,
  ) {
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", (err) => this.fail(fromSocketError(err, server)));
    socket.on("close", () => this.fail(new DnsTransportError("closed", `${describe(server)}: connection closed`)));
  }

  // Open a connection; rejects with DnsTransportError on refusal or timeout.
  static connect(server: DnsEndpoint, { timeoutMs }: TransportOptions): Promise<TcpDnsConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: server.host, port: server.port });
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new DnsTransportError("timeout", `${describe(server)}: TCP connect timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once("error", (err) => {
        clearTimeout(timer);
        reject(fromSocketError(err, server));
      });
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.removeAllListeners("error");
        resolve(new TcpDnsConnection(socket, server, timeoutMs));
      });
    });
  }

  // Queue one message (the 2-byte length prefix is added here).
  send(wire: Buffer): void {
    if (this.failure) throw this.failure;
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16BE(wire.length);
    this.socket.write(Buffer.concat([prefix, wire]));
  }

  // Next whole message from the server; rejects if none arrives within the timeout.
  receive(): Promise<Buffer> {
    const frame = this.frames.shift();
    if (frame) return Promise.resolve(frame);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new DnsTransportError("timeout", `${describe(this.server)}: no TCP answer in ${this.timeoutMs} ms`));
        this.close();
      }, this.timeoutMs);
      this.waiter = {
        resolve: (b) => (clearTimeout(timer), resolve(b)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    while (this.buffered.length >= 2) {
      const len = this.buffered.readUInt16BE(0);
      if (this.buffered.length < len + 2) break;
      const frame = Buffer.from(this.buffered.subarray(2, len + 2));
      this.buffered = this.buffered.subarray(len + 2);
      const waiter = this.waiter;
      this.waiter = null;
      if (waiter) waiter.resolve(frame);
      else this.frames.push(frame);
    }
  }

  private fail(err: DnsTransportError): void {
    if (this.failure) return;
    this.failure = err;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(err);
  }
}

// One request/response exchange over a fresh TCP connection.
export async function tcpExchange(server: DnsEndpoint, wire: Buffer, opts: TransportOptions): Promise<Buffer> {
  const conn = await TcpDnsConnection.connect(server, opts);
  try {
    conn.send(wire);
    return await conn.receive();
  } finally {
    conn.close();
  }
}

// Ask over UDP; if the answer has the TC bit set, ask again over TCP.
export async function exchange(server: DnsEndpoint, wire: Buffer, opts: TransportOptions): Promise<Buffer> {
  const reply = await udpExchange(server, wire, opts);
  if ((reply.readUInt16BE(2) & TC_BIT) === 0) return reply;
  return tcpExchange(server, wire, opts);
}
