// The embedded authoritative DNS server: store + index + UDP/TCP listeners on one port + the
// control API. UDP is answered in this process or, with `workers > 0`, by worker processes.
import dgram from "node:dgram";
import net from "node:net";
import { Answerer } from "./answer";
import { UdpWorkers } from "./cluster";
import { startControl, type ControlBackend } from "./control";
import { DnsStore } from "./store";
import { listenTcp } from "./tcp";
import type { EmbeddedDnsOptions, RunningDnsServer } from "./types";
import { listenUdp } from "./udp";
import { ownerName } from "./validate";
import { ZoneIndex } from "./zone-index";

// Start the server; resolves once UDP, TCP and the control API all accept traffic.
export async function startEmbeddedDnsServer(opts: EmbeddedDnsOptions): Promise<RunningDnsServer> {
  const host = opts.host ?? "127.0.0.1";
  const index = new ZoneIndex({ nameservers: opts.nameservers, nsTtl: opts.nsTtl, soa: opts.soa });
  let workers: UdpWorkers | null = null;
  const store = await DnsStore.open({
    dataDir: opts.dataDir,
    index,
    compactEvery: opts.compactEvery,
    onDurable: (batches) => workers?.publish(batches),
    onFailure: (e) => (opts.onStoreFailure ?? ((err) => console.error("embedded dns: the journal cannot be written:", err)))(e),
  });
  const closers: (() => Promise<void>)[] = [() => store.close()];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch((e) => console.error("embedded dns: close:", e));
  };
  try {
    for (const zone of opts.zones) await store.ensureZone(zoneName(zone));
    const answerer = new Answerer(index);
    const dns = await bindDns(host, opts.port ?? 5353, answerer, opts.workers ?? 0, index);
    workers = dns.workers;
    closers.push(dns.close);
    const applied = async (seq: number | undefined) => {
      if (seq !== undefined) await workers?.waitApplied(seq);
    };
    const backend: ControlBackend = {
      async ensureZone(zone) {
        const r = await store.ensureZone(zone);
        await applied(r.batch?.seq);
        return { serial: r.serial, created: r.batch !== null };
      },
      zoneInfo(zone) {
        const z = index.zones.get(zone);
        return z ? { zone, serial: z.serial, soa: z.soa.records[0]!, nameservers: z.nodes.get(zone)!.get("NS")!.records } : null;
      },
      list(zone, names) {
        const rrsets = index.zones.get(zone)?.userRRsets();
        const wanted = names && new Set(names.map((n) => ownerName(n) ?? n));
        const key = (r: { name: string; type: string }) => `${r.name} ${r.type}`;
        return rrsets?.filter((r) => !wanted || wanted.has(r.name)).sort((a, b) => (key(a) < key(b) ? -1 : 1)) ?? null;
      },
      async apply(zone, changes) {
        const r = await store.apply(zone, changes);
        await applied(r.batch?.seq);
        return { serial: r.serial, changed: r.batch?.ops.length ?? 0 };
      },
    };
    const control = await startControl({ host: opts.controlHost ?? "127.0.0.1", port: opts.controlPort ?? 0, key: opts.controlKey, backend });
    closers.push(control.close);
    return { udpPort: dns.port, tcpPort: dns.port, controlUrl: control.url, close: closeAll };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

function zoneName(zone: string): string {
  const name = ownerName(zone);
  if (!name) throw new Error(`invalid zone name ${JSON.stringify(zone)}`);
  return name;
}

// TCP and UDP on the same port; with port 0, retry until a free number works for both.
async function bindDns(host: string, port: number, answerer: Answerer, workerCount: number, index: ZoneIndex) {
  for (let attempt = 0; ; attempt++) {
    const tcp = await listenTcp(host, port, answerer);
    try {
      if (workerCount > 0) {
        await probeUdp(host, tcp.port);
        const workers = await UdpWorkers.start({ count: workerCount, host, port: tcp.port, index });
        return { port: tcp.port, workers, close: async () => (await workers.close(), await tcp.close()) };
      }
      const udp = await listenUdp(host, tcp.port, answerer);
      return { port: tcp.port, workers: null, close: async () => (await udp.close(), await tcp.close()) };
    } catch (e) {
      await tcp.close();
      if (port !== 0 || (e as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 20) throw e;
    }
  }
}

function probeUdp(host: string, port: number): Promise<void> {
  const socket = dgram.createSocket(net.isIPv6(host) ? "udp6" : "udp4");
  return new Promise((resolve, reject) => {
    socket.once("error", (e) => (socket.close(), reject(e)));
    socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve()));
  });
}
